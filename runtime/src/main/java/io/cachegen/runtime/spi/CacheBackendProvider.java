package io.cachegen.runtime.spi;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheSettings;
import java.util.Set;

/**
 * A backend selectable with {@code caches.<alias>.backend=<name>}. cachegen's own ({@code locmem},
 * {@code dummy}, {@code redis}) and third-party ones are found with {@link java.util.ServiceLoader}:
 * list the implementation in {@code META-INF/services/io.cachegen.runtime.spi.CacheBackendProvider}.
 * No class is ever loaded by a name taken from configuration.
 */
public interface CacheBackendProvider {

  /** The name used in {@code caches.<alias>.backend}. */
  String name();

  /**
   * The {@code options.*} names this backend accepts (without {@code options.}); any other option is
   * a configuration error. {@link AbstractCache#COMMON_OPTIONS} are accepted for every backend.
   */
  Set<String> options();

  /**
   * Checks the settings at start-up, before any cache is created, and throws a {@link
   * io.cachegen.runtime.CacheConfigurationException} naming the property that is wrong.
   */
  default void validate(CacheSettings settings) {}

  /**
   * As {@link #validate(CacheSettings)}, with what {@link #create} will get besides the settings
   * (the resolved key function), for checks that need it. The default calls {@link
   * #validate(CacheSettings)}; {@link io.cachegen.runtime.CacheHandler} calls this one.
   */
  default void validate(CacheSettings settings, BackendContext context) {
    validate(settings);
  }

  /** Creates the cache for one alias. Called once per alias, lazily. */
  BaseCache create(CacheSettings settings, BackendContext context);
}
