package io.cachegen.runtime.locmem;

import java.util.Map;

/** The contract on locmem with {@code options.store_by_value=false}. */
class LocMemByReferenceContractTest extends LocMemCacheContractTest {

  @Override
  protected Map<String, String> backendSettings() {
    return Map.of("backend", "locmem", "location", location, "options.store_by_value", "false");
  }

  @Override
  protected boolean storesByValue() {
    return false;
  }
}
