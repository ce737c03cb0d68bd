package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Private servers die with the JVM that started them, even when it is killed with SIGKILL and no
 * shutdown hook runs (as when a mutation-testing or CI run kills a test JVM).
 */
@Tag("redis")
class RedisFixtureLifetimeTest {
  private static final long DEADLINE_MS = 15_000;

  @Test
  void aPrivateServerDiesWhenItsJvmIsKilled() throws Exception {
    RedisFixture.assumeRedisServerOnPath();
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process child =
        new ProcessBuilder(
                java,
                "-cp",
                System.getProperty("java.class.path"),
                RedisFixtureChild.class.getName())
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    long redisPid = -1;
    try {
      String line = firstLine(child);
      String[] parts = line.trim().split(" ");
      int port = Integer.parseInt(parts[0]);
      redisPid = Long.parseLong(parts[1]);
      assertThat(answers(port)).as("the child's server answers on port %d", port).isTrue();
      assertThat(isRedisServer(redisPid)).as("pid %d is a redis-server", redisPid).isTrue();

      child.destroyForcibly(); // SIGKILL: no shutdown hook runs
      assertThat(child.waitFor(DEADLINE_MS, TimeUnit.MILLISECONDS)).isTrue();

      long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(DEADLINE_MS);
      while ((isRedisServer(redisPid) || answers(port)) && System.nanoTime() < deadline) {
        Thread.sleep(20); // polling until the deadline, not waiting a fixed time
      }
      assertThat(isRedisServer(redisPid))
          .as("redis-server %d outlived the JVM that started it", redisPid)
          .isFalse();
      assertThat(answers(port)).as("port %d still answers", port).isFalse();
    } finally {
      child.destroyForcibly();
      if (redisPid > 0 && isRedisServer(redisPid)) {
        // the fixture failed: don't leave the server this test caused behind
        ProcessHandle.of(redisPid).ifPresent(ProcessHandle::destroyForcibly);
      }
    }
  }

  private static String firstLine(Process child) throws Exception {
    CompletableFuture<String> line =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return new BufferedReader(
                        new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))
                    .readLine();
              } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
    String s = line.get(60, TimeUnit.SECONDS);
    assertThat(s).as("the child JVM reported its server").isNotNull();
    return s;
  }

  private static boolean isRedisServer(long pid) {
    Optional<ProcessHandle> h = ProcessHandle.of(pid);
    return h.isPresent()
        && h.get().isAlive()
        && h.get().info().command().map(c -> c.contains("redis")).orElse(false);
  }

  private static boolean answers(int port) {
    try (Socket s = new Socket()) {
      s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
