package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** {@code unix:///path?db=N} against a private server listening on a Unix socket. */
@Tag("redis")
class RedisUnixSocketTest {
  @Test
  void unixSocketWithDbAndTimeouts() {
    Path dir = RedisFixture.tempDir("redis-sock-");
    Path sock = dir.resolve("redis.sock");
    try (RedisFixture.Server server =
            RedisFixture.startPrivate("--unixsocket", sock.toString(), "--unixsocketperm", "700");
        RedisCache cache =
            RedisFixture.cache(
                "unix://" + sock + "?db=2",
                // retry_after 0: the first call after the pause must reach the server again
                Map.of("options.socket_timeout", "0.3", "options.retry_after", "0"));
        UnifiedJedis db2 = RedisFixture.directClient("redis://127.0.0.1:" + server.port() + "/2")) {
      cache.set("k", "via socket");
      assertThat(cache.get("k", String.class)).isEqualTo("via socket");
      assertThat(db2.exists(cache.makeKey("k"))).isTrue();
      assertThat(cache.client().servers()).containsExactly("unix:" + sock);
      cache.setMany(Map.of("a", "x".repeat(300_000), "b", 2));
      assertThat(cache.get("a", String.class)).hasSize(300_000);

      server.pause();
      try {
        long start = System.nanoTime();
        assertThatThrownBy(() -> cache.get("k", String.class))
            .isInstanceOf(RedisConnectionException.class)
            .hasMessageContaining("unix:" + sock);
        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(1_000);
      } finally {
        server.resume();
      }
      assertThat(cache.get("k", String.class)).isEqualTo("via socket");
    } finally {
      RedisFixture.deleteTree(dir);
    }
  }
}
