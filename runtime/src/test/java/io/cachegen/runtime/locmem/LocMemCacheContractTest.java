package io.cachegen.runtime.locmem;

import io.cachegen.runtime.BaseCacheContract;
import io.cachegen.runtime.Ticker;
import io.cachegen.test.ManualTicker;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/** The contract on locmem, store-by-value (the default). Time comes from a manual ticker. */
class LocMemCacheContractTest extends BaseCacheContract {
  private final ManualTicker ticker = new ManualTicker();

  /** A store of its own per test, shared by the caches one test creates (as Django's LOCATION). */
  protected final String location = "contract-" + UUID.randomUUID();

  @Override
  protected Map<String, String> backendSettings() {
    return Map.of("backend", "locmem", "location", location);
  }

  @Override
  protected Ticker ticker() {
    return ticker;
  }

  /** Django's LocMemCache.clear() empties the store every alias with the location shares. */
  @Override
  protected boolean clearKeepsOtherPrefixes() {
    return false;
  }

  @Override
  protected void timePasses(Duration duration) {
    ticker.advance(duration);
  }
}
