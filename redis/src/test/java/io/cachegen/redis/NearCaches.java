package io.cachegen.redis;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * Handlers with a near-cached Redis alias ({@code near}) for tests: each its own handler, so two of
 * them on one server are two "instances" that share no state but the server.
 */
public final class NearCaches {
  /** The tests' liveness interval, so that losses are noticed quickly. */
  public static final Duration INTERVAL = Duration.ofMillis(500);

  private NearCaches() {}

  /**
   * A handler whose alias {@code near} caches near on {@code url} under {@code prefix}, with {@code
   * extra} settings relative to the alias (e.g. {@code options.store_by_value}).
   */
  public static CacheHandler handler(String url, String prefix, String... extra) {
    Map<String, String> props = new HashMap<>();
    props.put("caches.near.backend", "redis");
    props.put("caches.near.location", url);
    props.put("caches.near.key_prefix", prefix);
    props.put("caches.near.options.near_cache", "true");
    props.put(
        "caches.near.options.near_liveness_interval",
        Double.toString(INTERVAL.toMillis() / 1000.0));
    props.put("caches.near.options.socket_timeout", "1");
    props.put("caches.near.options.retry_after", "0");
    for (int i = 0; i < extra.length; i += 2) {
      props.put("caches.near." + extra[i], extra[i + 1]);
    }
    return CacheHandler.builder().config(CacheConfig.fromMap(props)).build();
  }

  /** Whether {@code cache}'s near cache holds a copy of {@code madeKey}. */
  public static boolean holds(RedisCache cache, String madeKey) {
    return cache.nearCache().holds(madeKey);
  }

  /** How many lookups {@code cache}'s near cache served. */
  public static long nearHits(RedisCache cache) {
    return cache.stats().event(NearCache.Events.NEAR_HIT);
  }

  /** How many invalidations from Redis {@code cache}'s near cache handled. */
  public static long invalidations(RedisCache cache) {
    return cache.stats().event(NearCache.Events.NEAR_INVALIDATION);
  }

  /**
   * Waits until {@code cache} has handled every invalidation Redis sent it so far: writes a key of
   * its own through {@code direct}, behind the cache's back, then waits for the reply to a PING
   * sent after it on the invalidation connection ({@link NearTracking#awaitInvalidationsHandled}),
   * which comes after every message. A write's own message comes back to the writer too, after its
   * reply, and drops a copy read meanwhile: settle before asserting that a read is served from
   * near. (Waiting for the count to grow past the settle key's write is not enough: the message of
   * an earlier write still on its way satisfies it, and the settle key's comes later.)
   */
  public static void settle(RedisCache cache, UnifiedJedis direct) {
    long before = invalidations(cache);
    direct.set(cache.makeKey("settle"), "1");
    if (!cache.nearTracking().awaitInvalidationsHandled(Duration.ofSeconds(5))) {
      throw new AssertionError(
          "not within 5000 ms: the invalidations sent before a PING on the subscriber handled"
              + " (tracking live: "
              + cache.nearTracking().live()
              + ")");
    }
    if (invalidations(cache) <= before) {
      throw new AssertionError("the settle key's invalidation was not counted");
    }
  }

  /** The handler's near-cached alias, once its tracking is set up. */
  public static RedisCache live(CacheHandler handler) {
    return live(handler, "near");
  }

  /** The handler's near-cached {@code alias}, once its tracking is set up. */
  public static RedisCache live(CacheHandler handler, String alias) {
    RedisCache cache = (RedisCache) handler.get(alias);
    Eventually.within(
        Duration.ofSeconds(10),
        "near cache tracking of alias " + alias + " set up",
        () -> cache.nearTracking().live());
    return cache;
  }
}
