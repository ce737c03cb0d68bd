package io.cachegen.redis;

import java.util.List;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.util.SafeEncoder;

/** The Lua scripts the Redis backend runs; each is atomic on the server. */
final class RedisScripts {
  private RedisScripts() {}

  /**
   * INCRBY that never creates a key: nil when KEYS[1] is missing, else the new value as a bulk
   * string (not a Lua number, which would lose precision above 2^53). INCRBY keeps the TTL.
   */
  static final String INCR_EXISTING =
      "if redis.call('EXISTS', KEYS[1]) == 0 then return false end\n"
          + "redis.call('INCRBY', KEYS[1], ARGV[1])\n"
          + "return redis.call('GET', KEYS[1])";

  /** RENAME KEYS[1] to KEYS[2] (keeping value and TTL) if KEYS[1] exists; 1 if it moved. */
  static final String MOVE_EXISTING =
      "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end\n"
          + "redis.call('RENAME', KEYS[1], KEYS[2])\n"
          + "return 1";

  /** PERSIST that reports whether the key exists, not whether it had a TTL. */
  static final String PERSIST_EXISTING =
      "if redis.call('EXISTS', KEYS[1]) == 0 then return 0 end\n"
          + "redis.call('PERSIST', KEYS[1])\n"
          + "return 1";

  /** Deletes lock KEYS[1] only if it still holds our token ARGV[1]; 1 if released. */
  static final String RELEASE_LOCK =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end\n"
          + "return 0";

  /** Extends lock KEYS[1] to ARGV[2] ms only if it still holds our token ARGV[1]. */
  static final String EXTEND_LOCK =
      "if redis.call('GET', KEYS[1]) == ARGV[1] then"
          + " return redis.call('PEXPIRE', KEYS[1], ARGV[2]) end\n"
          + "return 0";

  /**
   * Runs {@code script} with {@code keys} and {@code args} as {@code EVAL}, sent with the first key
   * as the routing key so that a cluster client sends it to the key's node on every Jedis line
   * (Jedis 8's cluster client does not route {@code eval(script, keys, args)} by its keys). The
   * reply as {@code eval} returns it: bulk strings as {@code String}s, integers as {@code Long}s.
   */
  static Object eval(
      redis.clients.jedis.UnifiedJedis client,
      String script,
      List<String> keys,
      List<String> args) {
    String[] raw = new String[2 + keys.size() + args.size()];
    int n = 0;
    raw[n++] = script;
    raw[n++] = Integer.toString(keys.size());
    for (String k : keys) {
      raw[n++] = k;
    }
    for (String a : args) {
      raw[n++] = a;
    }
    return decoded(client.sendCommand(keys.get(0), Protocol.Command.EVAL, raw));
  }

  private static Object decoded(Object reply) {
    if (reply instanceof byte[] bytes) {
      return SafeEncoder.encode(bytes);
    }
    if (reply instanceof List<?> list) {
      return list.stream().map(RedisScripts::decoded).toList();
    }
    return reply;
  }
}
