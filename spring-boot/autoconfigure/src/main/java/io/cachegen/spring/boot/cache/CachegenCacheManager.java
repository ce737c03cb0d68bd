package io.cachegen.spring.boot.cache;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.EvictionScheduler;
import java.util.Collection;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;

/**
 * Spring's {@link CacheManager} over a {@link CacheHandler}: each configured alias is a cache of
 * that name ({@link CachegenSpringCache}, whose Javadoc says how keys and values are handled), so
 * {@code @Cacheable("users")} uses alias {@code users}. A name that is not a configured alias has
 * no cache ({@code null}, which Spring reports naming it); aliases are never made up on the fly.
 *
 * <p>Evictions ({@code evict}, {@code clear}) run when the handler's {@link EvictionScheduler}
 * says, as {@code @CacheEvict} of cachegen's own: with {@code cachegen.evict-after-commit=true},
 * after the surrounding transaction commits, and not if it rolls back. Puts, {@code evictIfPresent}
 * and {@code invalidate} act at once.
 *
 * <p>Registered by the starter with {@code cachegen.cache-manager.enabled=true}. Thread-safe.
 */
public final class CachegenCacheManager implements CacheManager {
  private final CacheHandler handler;
  private final ConcurrentMap<String, CachegenSpringCache> caches = new ConcurrentHashMap<>();

  /** A manager whose caches are {@code handler}'s aliases. */
  public CachegenCacheManager(CacheHandler handler) {
    this.handler = handler;
  }

  /** The alias {@code name} as a Spring cache, or {@code null} if it is not configured. */
  @Override
  public Cache getCache(String name) {
    if (handler.config().find(name).isEmpty()) {
      return null;
    }
    return caches.computeIfAbsent(
        name, alias -> new CachegenSpringCache(handler.get(alias), handler.evictionScheduler()));
  }

  /** The configured aliases. */
  @Override
  public Collection<String> getCacheNames() {
    return handler.config().aliases();
  }
}
