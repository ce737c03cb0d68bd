package io.cachegen.runtime.locmem;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Policy;
import io.cachegen.runtime.Ticker;
import java.util.concurrent.ConcurrentMap;

/**
 * The Caffeine cache behind one or more {@link LocMemCache}s: per-entry expiry, a size bound, and
 * the policy views culling and {@code touch} need.
 */
final class LocMemStore {
  final Cache<String, Entry> cache;
  final ConcurrentMap<String, Entry> map;
  final Policy.Eviction<String, Entry> eviction;
  final Policy.VarExpiration<String, Entry> expiration;

  LocMemStore(int maxEntries, Ticker ticker) {
    this.cache =
        Caffeine.newBuilder()
            .maximumSize(maxEntries)
            .expireAfter(new EntryExpiry())
            .ticker(ticker::read)
            .executor(Runnable::run)
            .build();
    this.map = cache.asMap();
    this.eviction = cache.policy().eviction().orElseThrow();
    this.expiration = cache.policy().expireVariably().orElseThrow();
  }
}
