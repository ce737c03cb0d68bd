package io.cachegen.redis;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

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

  /** The handler's near-cached alias, once its tracking is set up. */
  public static RedisCache live(CacheHandler handler) {
    RedisCache cache = (RedisCache) handler.get("near");
    Eventually.within(
        Duration.ofSeconds(10), "near cache tracking set up", () -> cache.nearTracking().live());
    return cache;
  }
}
