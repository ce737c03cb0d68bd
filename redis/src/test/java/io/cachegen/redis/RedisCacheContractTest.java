package io.cachegen.redis;

import io.cachegen.runtime.BaseCacheContract;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

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
      for (String pattern : patterns) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
          ScanResult<String> page = redis.scan(cursor, new ScanParams().match(pattern).count(500));
          for (String key : page.getResult()) {
            long ttl = redis.pttl(key);
            if (ttl > 0) {
              redis.pexpire(key, Math.max(0, ttl - ms));
            }
          }
          cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
      }
    }
  }
}
