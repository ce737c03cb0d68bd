package io.cachegen.runtime.spi;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheSettings;
import java.util.List;
import java.util.Set;

/**
 * A backend selectable with {@code caches.<alias>.backend=<name>}. cachegen's own ({@code locmem}
 * and {@code dummy} in the runtime, {@code redis} in the {@code cachegen-redis} artifact) and
 * third-party ones are found with {@link java.util.ServiceLoader}: list the implementation in
 * {@code META-INF/services/io.cachegen.runtime.spi.CacheBackendProvider}. No class is ever loaded
 * by a name taken from configuration.
 *
 * <p>How a {@link io.cachegen.runtime.CacheHandler} uses a provider, so that each setting is read
 * once and bad configuration fails at start-up:
 *
 * <ol>
 *   <li>When the handler is built, for every alias of this backend (after the handler checked the
 *       settings every backend shares: the option names against {@link #options()}, {@code
 *       key_function}, {@code serializer}, {@code record_stats}): {@link #prepare} checks and
 *       parses the alias's settings into a {@link Prepared}.
 *   <li>Then, once: {@link #checkTogether} with every alias's {@code Prepared}, for rules that span
 *       aliases.
 *   <li>On an alias's first use: {@link Prepared#create} makes its cache from what was prepared,
 *       without parsing the settings again.
 * </ol>
 *
 * <p>A backend with no settings of its own implements {@link #name()}, {@link #options()} and
 * {@link #create(CacheSettings, BackendContext)} only. Implementations must be thread-safe and keep
 * no state per alias: one provider may serve several handlers.
 */
public interface CacheBackendProvider {

  /** The name used in {@code caches.<alias>.backend}. */
  String name();

  /**
   * The {@code options.*} names this backend accepts (without {@code options.}); any other option
   * is a configuration error. {@link AbstractCache#COMMON_OPTIONS} are accepted for every backend.
   */
  Set<String> options();

  /**
   * Checks one alias's settings and parses them, once, into what its cache is made from. Called
   * once per alias when the handler is built, before any cache is created.
   *
   * <p>The default, for a backend with nothing of its own to check, prepares nothing: the cache is
   * made by {@link #create(CacheSettings, BackendContext)}.
   *
   * @param context the key function, codec and ticker the cache will get
   * @throws io.cachegen.runtime.CacheConfigurationException naming the property that is wrong (the
   *     option accessors of {@link CacheSettings} throw such)
   */
  default Prepared prepare(CacheSettings settings, BackendContext context) {
    return ctx -> create(settings, ctx);
  }

  /**
   * Checks what {@link #prepare} returned for every alias of this backend, together, for rules
   * across aliases (locmem: aliases that share a location must agree on its store). Called once
   * when the handler is built, after every alias was prepared, with this provider's own {@code
   * Prepared} objects in alias order. The default checks nothing.
   *
   * @throws io.cachegen.runtime.CacheConfigurationException naming the aliases that disagree
   */
  default void checkTogether(List<Prepared> aliases) {}

  /**
   * Creates the cache of one alias straight from its settings. The handler calls it through the
   * default {@link #prepare}; a backend that overrides {@code prepare} implements it as {@code
   * prepare(settings, context).create(context)}.
   */
  BaseCache create(CacheSettings settings, BackendContext context);

  /**
   * One alias's settings as its backend checked and parsed them: all its cache is made from. A
   * backend's own type, typically a record of the parsed values.
   */
  @FunctionalInterface
  interface Prepared {
    /**
     * Creates the alias's cache. Called once per alias and handler, lazily, on first use; it does
     * not check the settings again, though it may fail for other reasons (a resource that cannot be
     * had).
     */
    BaseCache create(BackendContext context);
  }
}
