package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.redis.CommandStats;
import io.cachegen.redis.NearCaches;
import io.cachegen.redis.RedisCache;
import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The generated wrappers' behaviour ({@link CachedBehaviourContract}) on Redis with the near cache
 * on ({@code options.near_cache=true} for both aliases), on a private server. Each handler has key
 * prefixes of its own, so it shares no entries with another. Tests that move time stay in {@link
 * CachedBehaviourTest}.
 */
@Tag("redis")
class RedisNearCachedBehaviourTest extends CachedBehaviourContract {
  private static RedisFixture.Server server;
  private static UnifiedJedis direct;

  @BeforeAll
  static void start() {
    server = RedisFixture.startPrivate();
    direct = RedisFixture.directClient(server.url());
  }

  @AfterAll
  static void stop() {
    direct.close();
    server.close();
  }

  @Override
  CacheHandler newHandler() {
    String prefix = RedisFixture.uniquePrefix();
    Map<String, String> props = new HashMap<>();
    for (String alias : new String[] {"default", "other"}) {
      String p = "caches." + alias + ".";
      props.put(p + "backend", "redis");
      props.put(p + "location", server.url());
      props.put(p + "key_prefix", prefix + "-" + alias);
      props.put(p + "options.near_cache", "true");
      props.put(p + "options.near_liveness_interval", "0.5");
    }
    props.put("caches.default.timeout", "300");
    CacheHandler h = CacheHandler.builder().config(CacheConfig.fromMap(props)).build();
    NearCaches.live(h, "default");
    NearCaches.live(h, "other");
    return h;
  }

  @Test
  void aRepeatedHitIsServedFromNearWithoutARoundTrip() {
    RedisCache cache = (RedisCache) handler.get("default");
    service.data();
    // the store's own invalidation comes back after its reply: let it, then fill near
    NearCaches.settle(cache, direct);
    service.data();
    long nearHits = NearCaches.nearHits(cache);
    Map<String, Long> before = CommandStats.calls(direct);
    for (int i = 0; i < 5; i++) {
      assertThat(service.data()).containsExactly("v", "b");
    }
    assertThat(CommandStats.delta(before, CommandStats.calls(direct)))
        .doesNotContainKeys("get", "pttl");
    assertThat(NearCaches.nearHits(cache) - nearHits).isEqualTo(5);
    assertThat(service.calls("data")).isEqualTo(1);
  }
}
