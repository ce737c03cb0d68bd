package io.cachegen.runtime.dummy;

import io.cachegen.runtime.BaseCacheContract;
import java.time.Duration;
import java.util.Map;

/** The contract on dummy: every read is a miss, as Django's DummyCache. */
class DummyCacheContractTest extends BaseCacheContract {
  @Override
  protected Map<String, String> backendSettings() {
    return Map.of("backend", "dummy");
  }

  @Override
  protected boolean stores() {
    return false;
  }

  @Override
  protected void timePasses(Duration duration) {}
}
