package io.cachegen.runtime.internal;

import io.cachegen.runtime.CacheHandler;
import java.util.concurrent.ConcurrentHashMap;

/**
 * <b>Not API.</b> One handler's {@link CacheSite.Bound} per {@link CacheSite}: what a site keeps
 * per (handler, site) pair, its bound cache, made keys and single-flight. Every generated instance
 * that uses the same handler, through {@link CacheSite#bind()} (the process-wide handler) or {@link
 * CacheSite#bind(CacheHandler)} (the handler it was constructed with), gets the same {@code Bound},
 * so they share one computation per made key; instances on different handlers share nothing.
 *
 * <p>Owned by its {@link CacheHandler}, so the bindings go when the handler does (a static map of
 * handlers would keep every handler a test JVM ever built). Consulted when a site binds, never on
 * the hit path. Thread-safe.
 */
@Internal
public final class SiteBindings {
  private final CacheHandler handler;
  private final ConcurrentHashMap<CacheSite, CacheSite.Bound> bound = new ConcurrentHashMap<>();

  /** The bindings of {@code handler}; made once, by the handler itself. */
  public SiteBindings(CacheHandler handler) {
    this.handler = handler;
  }

  /**
   * {@code site} bound to this handler, bound on first use. Binding resolves the alias's cache
   * outside the map's locks (creating a cache may open connections); of two threads binding the
   * same site at once, both get the first {@code Bound} stored.
   *
   * @throws io.cachegen.runtime.CacheConfigurationException if the site's alias is not configured
   * @throws IllegalStateException naming the alias if the handler was closed before the site bound
   */
  CacheSite.Bound bound(CacheSite site) {
    CacheSite.Bound b = bound.get(site);
    if (b != null) {
      return b;
    }
    CacheSite.Bound made = site.newBound(handler);
    CacheSite.Bound raced = bound.putIfAbsent(site, made);
    return raced != null ? raced : made;
  }
}
