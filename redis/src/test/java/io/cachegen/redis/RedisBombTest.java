package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The compression bomb: about 1 MB of gzip that inflates to 1 GiB of zeros, read by {@value
 * BombReader#READERS} threads at once in a JVM with a 256 MiB heap ({@link BombReader}). Every read
 * is a miss, nothing runs out of memory, and the next store replaces the bomb.
 */
@Tag("redis")
class RedisBombTest {
  private static final long INFLATED = 1L << 30;

  /** 1 GiB of zeros, gzipped as it streams: the bomb is built without holding the gigabyte. */
  private static byte[] bomb() throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(2 << 20);
    byte[] zeros = new byte[1 << 20];
    try (GZIPOutputStream gzip = new GZIPOutputStream(bytes, 1 << 16)) {
      for (long written = 0; written < INFLATED; written += zeros.length) {
        gzip.write(zeros);
      }
    }
    return bytes.toByteArray();
  }

  @Test
  void sixtyFourConcurrentReadsOfABombInASmallHeapAreMissesAndTheNextStoreReplacesIt()
      throws Exception {
    RedisFixture.assumeRedisServerOnPath();
    byte[] bomb = bomb();
    assertThat(bomb.length).isBetween(512 * 1024, 2 * 1024 * 1024);
    String prefix = RedisFixture.uniquePrefix();
    byte[] key = (prefix + ":1:data").getBytes(StandardCharsets.UTF_8);
    try (RedisFixture.Server server = RedisFixture.startPrivate();
        UnifiedJedis redis = RedisFixture.directClient(server.url())) {
      redis.set(key, bomb);
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Path log = Files.createTempFile("bomb-reader-", ".log");
      Process child =
          new ProcessBuilder(
                  java.toString(),
                  "-Xmx256m",
                  "-cp",
                  System.getProperty("java.class.path"),
                  BombReader.class.getName(),
                  server.url(),
                  prefix)
              .redirectErrorStream(true)
              .redirectOutput(log.toFile())
              .start();
      String output;
      try {
        boolean exited = child.waitFor(60, TimeUnit.SECONDS);
        output = Files.readString(log);
        assertThat(exited).as("the reader exits in time: %s", output).isTrue();
      } finally {
        child.destroyForcibly();
        Files.deleteIfExists(log);
      }
      assertThat(output)
          .doesNotContain("OutOfMemoryError")
          .contains("misses=" + BombReader.READERS + " hits=0 errors=0")
          .contains("after-store=fresh");
      assertThat(child.exitValue()).as(output).isZero();
      assertThat(StoredValues.text(redis.get(key))).isEqualTo("\"fresh\"");
    }
  }
}
