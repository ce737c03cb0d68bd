package io.cachegen.redis;

import io.cachegen.runtime.BaseCacheContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Foundation's contract, unchanged, on a private Redis Cluster of three primaries with a
 * replica each (started once for the class). Time passes as in {@link RedisCacheContractTest}, on
 * every primary.
 */
@Tag("redis")
class RedisClusterContractTest extends BaseCacheContract {
  private static RedisClusterFixture cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisClusterFixture.start(3, 1);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected Map<String, String> backendSettings() {
    return Map.of("backend", "redis", "location", cluster.location());
  }

  @Override
  protected void timePasses(Duration duration) {
    long ms = duration.toMillis();
    List<String> patterns =
        List.of(prefix + ":*", otherPrefix + ":*", "*|" + keyFunctionPrefix + "|*");
    for (RedisFixture.Server primary : cluster.primaries()) {
      try (UnifiedJedis redis = RedisFixture.directClient(primary.url())) {
        ServerTime.pass(redis, patterns, ms);
      }
    }
  }
}
