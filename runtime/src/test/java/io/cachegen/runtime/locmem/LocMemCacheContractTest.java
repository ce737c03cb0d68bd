package io.cachegen.runtime.locmem;

import io.cachegen.runtime.BaseCacheContract;
import io.cachegen.runtime.ManualTicker;
import io.cachegen.runtime.Ticker;
import java.time.Duration;
import java.util.Map;

/** The contract on locmem, store-by-value (the default). Time comes from a manual ticker. */
class LocMemCacheContractTest extends BaseCacheContract {
  private final ManualTicker ticker = new ManualTicker();
  private final String location = "contract-" + java.util.UUID.randomUUID();

  @Override
  protected Map<String, String> backendSettings() {
    return Map.of("backend", "locmem", "location", location);
  }

  @Override
  protected Ticker ticker() {
    return ticker;
  }

  @Override
  protected void timePasses(Duration duration) {
    ticker.advance(duration);
  }
}
