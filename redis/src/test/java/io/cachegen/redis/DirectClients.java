package io.cachegen.redis;

import java.net.URI;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;

/**
 * A plain Jedis client for tests to look at a server directly, on whichever supported Jedis line
 * the tests run on (see {@link JedisLine}): {@code new UnifiedJedis(uri)} up to 7.1, {@code
 * RedisClient.create(uri)} from 7.2 (8.x has no public {@code UnifiedJedis(URI)}).
 */
final class DirectClients {
  private DirectClients() {}

  static UnifiedJedis open(URI uri) {
    return JedisLine.current() == JedisLine.UNIFIED ? new UnifiedJedis(uri) : Builder.open(uri);
  }

  /** Loaded only on the lines that have {@link RedisClient}. */
  private static final class Builder {
    static UnifiedJedis open(URI uri) {
      RedisClient client = RedisClient.create(uri);
      return client;
    }
  }
}
