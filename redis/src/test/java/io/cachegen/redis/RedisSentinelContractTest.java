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
 * The Foundation's contract, unchanged, through Redis Sentinel (a primary, a replica and three
 * sentinels started once for the class). Time passes as in {@link RedisCacheContractTest}, on the
 * primary.
 */
@Tag("redis")
class RedisSentinelContractTest extends BaseCacheContract {
  private static final String PASSWORD = "contract-Pa55";
  private static final String SENTINEL_PASSWORD = "contract-sentinel-Pa55";
  private static RedisSentinelFixture sentinel;

  @BeforeAll
  static void startSentinel() {
    sentinel = RedisSentinelFixture.start(PASSWORD, SENTINEL_PASSWORD);
  }

  @AfterAll
  static void stopSentinel() {
    sentinel.close();
  }

  @Override
  protected Map<String, String> backendSettings() {
    return Map.of(
        "backend",
        "redis",
        "location",
        sentinel.location(),
        "options.sentinel_password",
        SENTINEL_PASSWORD);
  }

  @Override
  protected void timePasses(Duration duration) {
    long ms = duration.toMillis();
    List<String> patterns =
        List.of(prefix + ":*", otherPrefix + ":*", "*|" + keyFunctionPrefix + "|*");
    String primary = "redis://:" + PASSWORD + "@127.0.0.1:" + sentinel.currentPrimaryPort() + "/0";
    try (UnifiedJedis redis = RedisFixture.directClient(primary)) {
      ServerTime.pass(redis, patterns, ms);
    }
  }
}
