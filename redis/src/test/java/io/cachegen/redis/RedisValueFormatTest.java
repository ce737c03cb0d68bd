package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.LogCapture;
import io.cachegen.runtime.codec.JacksonCodec;
import io.cachegen.runtime.spi.ValueHeader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** The stored value format ({@link ValueHeader}) as Redis holds it, on a real server. */
@Tag("redis")
class RedisValueFormatTest {
  private RedisCache cache;
  private UnifiedJedis redis;

  @BeforeEach
  void open() {
    cache = RedisFixture.cache(RedisFixture.shared(), Map.of());
    redis = RedisFixture.directClient(RedisFixture.shared());
  }

  @AfterEach
  void close() {
    cache.clear();
    cache.close();
    redis.close();
  }

  private byte[] raw(String key) {
    return redis.get(cache.makeKey(key).getBytes(StandardCharsets.UTF_8));
  }

  private void putRaw(String key, byte[] value) {
    redis.set(cache.makeKey(key).getBytes(StandardCharsets.UTF_8), value);
  }

  @Test
  void valuesAreStoredAfterAHeaderAndCountersAsPlainText() {
    cache.set("v", List.of("a", "b"));
    cache.set("n", 41);
    assertThat(StoredValues.text(raw("v"))).isEqualTo("[\"a\",\"b\"]");
    assertThat(new String(raw("n"), StandardCharsets.US_ASCII)).isEqualTo("41");
    assertThat(cache.incr("n")).as("INCRBY on the server still works").isEqualTo(42);
  }

  @Test
  void valuesWrittenBeforeTheHeaderStillReadAsHits() throws IOException {
    putRaw("json", JacksonCodec.json().encode(Map.of("k", 1)));
    putRaw("gz", gzip(JacksonCodec.json().encode("zipped long ago")));
    RedisCache gzipAlias =
        RedisFixture.cache(
            RedisFixture.shared(),
            Map.of("key_prefix", cache.keyPrefix(), "options.compressor", "gzip"));
    try {
      assertThat(cache.get("json", Map.class)).isEqualTo(Map.of("k", 1));
      assertThat(gzipAlias.get("gz", String.class)).isEqualTo("zipped long ago");
    } finally {
      gzipAlias.close();
    }
  }

  @Test
  void aHeaderFromANewerVersionIsACleanMissUntilOverwritten() {
    byte[] future =
        ValueHeader.prepend(
            new byte[] {(byte) 0xC0, 'g', 2, 0},
            "\"from the future\"".getBytes(StandardCharsets.UTF_8));
    putRaw("f", future);
    byte[] unknownFlag =
        ValueHeader.prepend(
            new byte[] {(byte) 0xC0, 'g', 1, 0x10}, "\"flagged\"".getBytes(StandardCharsets.UTF_8));
    putRaw("u", unknownFlag);
    try (LogCapture log = LogCapture.start()) {
      assertThat(cache.get("f", String.class, "dflt")).isEqualTo("dflt");
      assertThat(cache.get("u", String.class, "dflt")).isEqualTo("dflt");
      assertThat(cache.getMany(List.of("f", "u"), String.class)).isEmpty();
      assertThat(log.text())
          .contains("under key '" + cache.makeKey("f") + "' is unreadable")
          .contains("value format 2")
          .contains("newer version");
    }
    cache.set("f", "now");
    assertThat(cache.get("f", String.class)).isEqualTo("now");
  }

  @Test
  void aCompressedBodyThatDoesNotInflateIsAMiss() {
    RedisCache gzipAlias =
        RedisFixture.cache(
            RedisFixture.shared(),
            Map.of(
                "key_prefix",
                cache.keyPrefix(),
                "options.compressor",
                "gzip",
                "options.compress_min_size",
                "0"));
    try (LogCapture log = LogCapture.start()) {
      putRaw("bad", ValueHeader.prepend(ValueHeader.of(true), new byte[] {0x1f, (byte) 0x8b, 1}));
      assertThat(gzipAlias.get("bad", String.class, "dflt")).isEqualTo("dflt");
      gzipAlias.set("good", "x".repeat(500));
      assertThat(StoredValues.compressedBody(raw("good"))[0] & 0xff).isEqualTo(0x1f);
      assertThat(gzipAlias.get("good", String.class)).isEqualTo("x".repeat(500));
      assertThat(cache.get("good", String.class, "dflt"))
          .as("an alias without a compressor reads it as a miss")
          .isEqualTo("dflt");
      assertThat(log.text()).contains("options.compressor is none");
    } finally {
      gzipAlias.close();
    }
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    }
    return out.toByteArray();
  }
}
