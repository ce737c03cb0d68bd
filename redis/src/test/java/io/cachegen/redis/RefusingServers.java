package io.cachegen.redis;

import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Private servers that answer but refuse to serve: the outages that are error replies rather than
 * timeouts. The caller closes what it gets.
 */
public final class RefusingServers {
  private RefusingServers() {}

  /**
   * A private server with no eviction, holding about 2 MB, whose {@code maxmemory} is then set to 1
   * MB: every write that may grow memory is refused with {@code OOM} until data is removed.
   * (Filling first and lowering the limit after makes the refusal certain: a server started at 1 MB
   * refuses intermittently, because a refused large write frees its own buffer.)
   */
  public static RedisFixture.Server full() {
    RedisFixture.Server server = RedisFixture.startPrivate("--maxmemory-policy", "noeviction");
    try (UnifiedJedis direct = RedisFixture.directClient(server.url())) {
      String filler = "x".repeat(1024);
      for (int i = 0; i < 2_000; i++) {
        direct.set("filler:" + i, filler);
      }
      direct.configSet("maxmemory", "1mb");
      try {
        direct.set("probe", "1");
        throw new IllegalStateException("the server did not refuse a write at maxmemory");
      } catch (JedisDataException expected) {
        // OOM command not allowed when used memory > 'maxmemory'
      }
    }
    return server;
  }

  /** A replica (read-only) of a primary that is not there, so it stays a replica with no data. */
  public static RedisFixture.Server readOnlyReplica() {
    return RedisFixture.startPrivate(
        "--replicaof", "127.0.0.1", Integer.toString(RedisFixture.freePort()));
  }
}
