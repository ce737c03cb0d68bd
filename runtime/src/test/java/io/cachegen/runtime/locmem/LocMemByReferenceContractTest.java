package io.cachegen.runtime.locmem;

import io.cachegen.runtime.BaseCacheContract;
import io.cachegen.runtime.ManualTicker;
import io.cachegen.runtime.Ticker;
import java.time.Duration;
import java.util.Map;

/** The contract on locmem with {@code options.store_by_value=false}. */
class LocMemByReferenceContractTest extends BaseCacheContract {
  private final ManualTicker ticker = new ManualTicker();
  private final String location = "contract-" + java.util.UUID.randomUUID();

  @Override
  protected Map<String, String> backendSettings() {
    return Map.of("backend", "locmem", "location", location, "options.store_by_value", "false");
  }

  @Override
  protected Ticker ticker() {
    return ticker;
  }

  @Override
  protected boolean storesByValue() {
    return false;
  }

  @Override
  protected void timePasses(Duration duration) {
    ticker.advance(duration);
  }
}
