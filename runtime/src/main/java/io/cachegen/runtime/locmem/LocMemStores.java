package io.cachegen.runtime.locmem;

import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Named stores shared by every locmem cache with the same non-empty {@code location} in this JVM,
 * as Django's locmem caches share a store per {@code LOCATION}. A store lives while a cache uses
 * it; an empty location always gets a private store.
 */
final class LocMemStores {
  private static final Map<String, Shared> STORES = new HashMap<>();

  private record Shared(LocMemStore store, int users) {}

  private LocMemStores() {}

  static synchronized LocMemStore acquire(String location, Supplier<LocMemStore> factory) {
    if (location.isEmpty()) {
      return factory.get();
    }
    Shared shared = STORES.get(location);
    LocMemStore store = shared == null ? factory.get() : shared.store();
    STORES.put(location, new Shared(store, shared == null ? 1 : shared.users() + 1));
    return store;
  }

  /** Returns whether this was the last user, whose store the caller should empty. */
  static synchronized boolean release(String location) {
    if (location.isEmpty()) {
      return true;
    }
    Shared shared = STORES.get(location);
    if (shared == null) {
      return false;
    }
    if (shared.users() <= 1) {
      STORES.remove(location);
      return true;
    }
    STORES.put(location, new Shared(shared.store(), shared.users() - 1));
    return false;
  }
}
