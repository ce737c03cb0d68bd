package io.cachegen.runtime.locmem;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
  public Prepared prepare(CacheSettings settings, BackendContext context) {
    return LocMemSettings.of(settings);
  }

  /**
   * Fails at start-up when locmem aliases that share a {@code location} (and so one store) disagree
   * on {@code max_entries} or {@code store_by_value}, naming both aliases.
   */
  @Override
  public void checkTogether(List<Prepared> aliases) {
    Map<String, LocMemSettings> first = new HashMap<>();
    for (Prepared p : aliases) {
      LocMemSettings s = (LocMemSettings) p;
      String location = s.settings().location();
      if (location.isEmpty()) {
        continue;
      }
      LocMemSettings f = first.putIfAbsent(location, s);
      if (f == null) {
        continue;
      }
      LocMemStores.checkSameStore(s, f);
    }
  }

  @Override
  public BaseCache create(CacheSettings settings, BackendContext context) {
    return prepare(settings, context).create(context);
  }
}
