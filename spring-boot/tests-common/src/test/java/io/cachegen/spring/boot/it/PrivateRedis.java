package io.cachegen.spring.boot.it;

import io.cachegen.redis.RedisFixture;

/** One private {@code redis-server} for the test JVM, started from the PATH on a free port. */
final class PrivateRedis {
  private static RedisFixture.Server server;

  private PrivateRedis() {}

  static synchronized RedisFixture.Server server() {
    if (server == null) {
      server = RedisFixture.startPrivate();
    }
    return server;
  }

  static String url() {
    return server().url();
  }
}
