package io.cachegen.example;

import io.cachegen.redis.RedisClusterFixture;
import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The whole example on a private Redis Cluster (three primaries with a replica each), configured
 * only by the environment variables the README gives: the same code, another location.
 */
@Tag("redis")
class ClusterExampleTest extends ExampleAppContract {
  private static RedisClusterFixture cluster;
  private final String prefix = RedisFixture.uniquePrefix();

  @BeforeAll
  static void startCluster() {
    cluster = RedisClusterFixture.start(3, 1);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Override
  protected CacheHandler newHandler() {
    return CacheHandler.create(
        CacheConfig.load(
            Map.of(
                "CACHEGEN_CACHES_DEFAULT_BACKEND",
                "redis",
                "CACHEGEN_CACHES_DEFAULT_LOCATION",
                cluster.location(),
                "CACHEGEN_CACHES_DEFAULT_KEY_PREFIX",
                prefix),
            new Properties()));
  }
}
