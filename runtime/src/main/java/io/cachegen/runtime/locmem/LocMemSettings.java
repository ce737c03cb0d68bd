package io.cachegen.runtime.locmem;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;

/**
 * One locmem alias's settings, parsed and checked once (see {@link LocMemBackendProvider} for the
 * options): what {@link LocMemCache} and its store are built from.
 *
 * @param settings the alias's settings
 * @param maxEntries {@code options.max_entries}: at least 1, 300 by default
 * @param cullFrequency {@code options.cull_frequency}: at least 0, 3 by default
 * @param byValue {@code options.store_by_value}: true by default
 */
record LocMemSettings(CacheSettings settings, int maxEntries, int cullFrequency, boolean byValue)
    implements CacheBackendProvider.Prepared {

  /**
   * Parses the locmem options of {@code settings}.
   *
   * @throws io.cachegen.runtime.CacheConfigurationException naming the first bad option
   */
  static LocMemSettings of(CacheSettings settings) {
    return new LocMemSettings(
        settings,
        settings.intOption("max_entries", 300, 1),
        settings.intOption("cull_frequency", 3, 0),
        settings.booleanOption("store_by_value", true));
  }

  @Override
  public BaseCache create(BackendContext context) {
    return new LocMemCache(this, context);
  }
}
