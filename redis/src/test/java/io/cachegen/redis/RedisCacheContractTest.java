package io.cachegen.redis;

import io.cachegen.runtime.BaseCacheContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import redis.clients.jedis.UnifiedJedis;

/**
 * The Foundation's contract, unchanged, on Redis ({@link RedisFixture#shared()}).
 *
 * <p>Time cannot be fast-forwarded on a Redis server, and the tests never sleep: {@link
 * #timePasses} shortens the server-side TTL ({@code PTTL} → {@code PEXPIRE}) of every key the
 * contract's caches use by the elapsed time, so keys whose TTL runs out are expired by Redis itself
 * ({@code PEXPIRE} with a non-positive time deletes), and keys without a TTL are untouched.
 */
@Tag("redis")
class RedisCacheContractTest extends BaseCacheContract {

  @Override
  protected Map<String, String> backendSettings() {
    return Map.of("backend", "redis", "location", RedisFixture.shared());
  }

  @Override
  protected void timePasses(Duration duration) {
    long ms = duration.toMillis();
    // only the keys of this test's caches: their prefixes are unique to the test
    List<String> patterns =
        List.of(prefix + ":*", otherPrefix + ":*", "*|" + keyFunctionPrefix + "|*");
    try (UnifiedJedis redis = RedisFixture.directClient(RedisFixture.shared())) {
      ServerTime.pass(redis, patterns, ms);
    }
  }
}
