package io.cachegen.redis;

import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Time passing on a Redis server, for the contract tests, which never sleep: every key matching the
 * patterns has its TTL shortened by the elapsed time ({@code PTTL} → {@code PEXPIRE}), so keys
 * whose TTL runs out are expired by Redis itself and keys without one are untouched.
 */
final class ServerTime {
  private ServerTime() {}

  /** Passes {@code millis} on {@code redis} for the keys matching {@code patterns}. */
  static void pass(UnifiedJedis redis, List<String> patterns, long millis) {
    for (String pattern : patterns) {
      String cursor = ScanParams.SCAN_POINTER_START;
      do {
        ScanResult<String> page = redis.scan(cursor, new ScanParams().match(pattern).count(500));
        for (String key : page.getResult()) {
          long ttl = redis.pttl(key);
          if (ttl > 0) {
            redis.pexpire(key, Math.max(0, ttl - millis));
          }
        }
        cursor = page.getCursor();
      } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    }
  }
}
