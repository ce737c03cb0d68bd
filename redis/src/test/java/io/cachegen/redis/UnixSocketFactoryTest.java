package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.exceptions.JedisConnectionException;

/** Failed Unix-socket connects give back every file descriptor they opened. No server needed. */
class UnixSocketFactoryTest {
  private static final Path FDS = Path.of("/proc/self/fd");

  private static long openFds() throws IOException {
    try (Stream<Path> fds = Files.list(FDS)) {
      return fds.count();
    }
  }

  @Test
  void aFailedConnectLeaksNoFileDescriptor() throws IOException {
    assumeTrue(Files.isDirectory(FDS), "needs /proc/self/fd (Linux)");
    Path dir = Files.createTempDirectory("no-redis-");
    try {
      UnixSocketFactory factory =
          new UnixSocketFactory(dir.resolve("absent.sock").toString(), 200, 200);
      for (int i = 0; i < 5; i++) { // let lazily opened JDK descriptors settle first
        assertThatThrownBy(factory::createSocket).isInstanceOf(JedisConnectionException.class);
      }
      long before = openFds();
      int attempts = 300;
      for (int i = 0; i < attempts; i++) {
        assertThatThrownBy(factory::createSocket)
            .isInstanceOf(JedisConnectionException.class)
            .hasMessageContaining("absent.sock");
      }
      // a leak costs 2+ descriptors per attempt (the selector's epoll and wake-up fds); a few
      // may come and go in other threads of the test JVM meanwhile
      assertThat(openFds() - before).isLessThan(attempts / 10);
    } finally {
      RedisFixture.deleteTree(dir);
    }
  }
}
