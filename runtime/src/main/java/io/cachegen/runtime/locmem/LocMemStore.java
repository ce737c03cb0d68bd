package io.cachegen.runtime.locmem;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import com.github.benmanes.caffeine.cache.RemovalCause;
import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheMetrics;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The Caffeine cache behind one or more {@link LocMemCache}s: a size bound with Caffeine's eviction
 * policy, and the clock that entries' expiry instants are read against.
 *
 * <p>Expiry is not Caffeine's: each {@link Entry} carries its own instant and readers drop an
 * expired entry when they meet it, as Django's locmem does. This keeps a hit at one Caffeine lookup
 * plus one comparison (Caffeine's variable expiry would add a clock call and its timer wheel
 * bookkeeping to every read); expired entries that nobody reads are reclaimed by culling.
 */
final class LocMemStore {
  final Cache<String, Entry> cache;
  final ConcurrentMap<String, Entry> map;
  final Policy.Eviction<String, Entry> eviction;
  final Ticker clock;

  /**
   * Held by the one writer that culls. A writer that finds another culling stores without waiting:
   * Caffeine's own bound keeps the store at {@code max_entries} meanwhile, and two writers culling
   * at once would drop twice the entries and queue on Caffeine's eviction lock.
   */
  final ReentrantLock culling = new ReentrantLock();

  /**
   * @param evictions counts each entry dropped to keep the store within {@code max_entries}
   *     (Caffeine's own bound and Django's cull, which lowers it for a moment); not expiries or
   *     deletions
   */
  LocMemStore(int maxEntries, Ticker ticker, CacheMetrics.Counters evictions) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .executor(Runnable::run)
            .evictionListener(
                (String key, Entry entry, RemovalCause cause) -> {
                  if (cause == RemovalCause.SIZE) {
                    evictions.evictions(1);
                  }
                })
            .build();
    this.map = cache.asMap();
    this.eviction = cache.policy().eviction().orElseThrow();
    this.clock = BackendContext.expiryClock(ticker);
  }
}
