package io.cachegen.runtime.locmem;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import java.util.Collection;
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
  public void validate(CacheSettings settings) {
    settings.intOption("max_entries", 300, 1);
    settings.intOption("cull_frequency", 3, 0);
    settings.booleanOption("store_by_value", true);
  }

  /**
   * Fails at start-up when locmem aliases that share a {@code location} (and so one store)
   * disagree on {@code max_entries} or {@code store_by_value}, naming both aliases.
   *
   * @param locmemAliases the settings of every alias on this backend
   */
  public static void checkSharedLocations(Collection<CacheSettings> locmemAliases) {
    Map<String, CacheSettings> first = new HashMap<>();
    for (CacheSettings s : locmemAliases) {
      if (s.location().isEmpty()) {
        continue;
      }
      CacheSettings f = first.putIfAbsent(s.location(), s);
      if (f == null) {
        continue;
      }
      for (String option : List.of("max_entries", "store_by_value")) {
        Object mine = option.equals("max_entries") ? (Object) s.intOption(option, 300, 1)
            : s.booleanOption(option, true);
        Object theirs = option.equals("max_entries") ? (Object) f.intOption(option, 300, 1)
            : f.booleanOption(option, true);
        if (!mine.equals(theirs)) {
          throw LocMemStores.disagree(s, "options." + option, mine, "caches." + f.alias(), theirs);
        }
      }
    }
  }

  @Override
  public BaseCache create(CacheSettings settings, BackendContext context) {
    return new LocMemCache(settings, context);
  }
}
