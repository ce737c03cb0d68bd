package io.cachegen.example;

import io.cachegen.redis.RedisFixture;
import io.cachegen.redis.RedisSentinelFixture;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;

/**
 * The whole example through Redis Sentinel (a primary, a replica, three sentinels), configured only
 * by the environment variables the README gives.
 */
@Tag("redis")
class SentinelExampleTest extends ExampleAppContract {
  private static final String SENTINEL_PASSWORD = "example-sentinel-pw";
  private static RedisSentinelFixture sentinel;
  private final String prefix = RedisFixture.uniquePrefix();

  @BeforeAll
  static void startSentinel() {
    sentinel = RedisSentinelFixture.start("example-data-pw", SENTINEL_PASSWORD);
  }

  @AfterAll
  static void stopSentinel() {
    sentinel.close();
  }

  @Override
  protected CacheHandler newHandler() {
    return CacheHandler.create(
        CacheConfig.load(
            Map.of(
                "CACHEGEN_CACHES_DEFAULT_BACKEND",
                "redis",
                "CACHEGEN_CACHES_DEFAULT_LOCATION",
                sentinel.location(),
                "CACHEGEN_CACHES_DEFAULT_KEY_PREFIX",
                prefix,
                "CACHEGEN_CACHES_DEFAULT_OPTIONS_SENTINEL_PASSWORD",
                SENTINEL_PASSWORD),
            new Properties()));
  }
}
