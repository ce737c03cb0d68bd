package io.cachegen.runtime.locmem;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import java.util.Set;

/**
 * {@code backend=locmem}: the in-process cache. Options: {@code max_entries} (default 300, at least
 * 1), {@code cull_frequency} (default 3; 0 = clear everything when full), {@code store_by_value}
 * (default true).
 */
public final class LocMemBackendProvider implements CacheBackendProvider {
  @Override
  public String name() {
    return "locmem";
  }

  @Override
  public Set<String> options() {
    return Set.of("max_entries", "cull_frequency", "store_by_value");
  }

  @Override
  public void validate(CacheSettings settings) {
    settings.intOption("max_entries", 300, 1);
    settings.intOption("cull_frequency", 3, 0);
    settings.booleanOption("store_by_value", true);
  }

  @Override
  public BaseCache create(CacheSettings settings, BackendContext context) {
    return new LocMemCache(settings, context);
  }
}
