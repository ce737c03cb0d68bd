package io.cachegen.redis;

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
}
