package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.LogCapture;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.codec.JacksonCodec;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** How stored bytes are inflated and decoded, without a server. */
class RedisPayloadsTest {
  private static final ValueType<String> STRING = ValueType.of(String.class);
  private static final int MAX = 1 << 20;

  private static byte[] json(String text) {
    return ("\"" + text + "\"").getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void anAliasWithoutACompressorInflatesNothingAndSaysWhy() {
    RedisPayloads none =
        new RedisPayloads(
            JacksonCodec.json(), Compressor.Builtin.NONE, 0, MAX, new InflationGate("a", 1));
    byte[] gzipped = Compressor.Builtin.GZIP.compress(json("x".repeat(1000)));
    assertThatThrownBy(() -> none.decode(gzipped, STRING))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("gzip")
        .hasMessageContaining("options.compressor is none");
    byte[] zlibbed = Compressor.Builtin.ZLIB.compress(json("x".repeat(1000)));
    assertThatThrownBy(() -> none.decode(zlibbed, STRING))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("zlib");
    assertThat(none.decode(json("plain"), STRING)).isEqualTo("plain");
  }

  @Test
  void anAliasWithACompressorReadsPlainAndEveryBuiltInFormat() {
    RedisPayloads gzip =
        new RedisPayloads(
            JacksonCodec.json(), Compressor.Builtin.GZIP, 0, MAX, new InflationGate("a", 1));
    assertThat(gzip.decode(json("plain"), STRING)).isEqualTo("plain");
    assertThat(gzip.decode(Compressor.Builtin.ZLIB.compress(json("z")), STRING)).isEqualTo("z");
    assertThat(gzip.decode(gzip.encode("g"), STRING)).isEqualTo("g");
  }

  @Test
  void aReaderThatFindsEveryInflationPermitTakenGetsAMissLoggedAtABoundedRate() {
    InflationGate gate = new InflationGate("busy-alias", 2);
    RedisPayloads gzip =
        new RedisPayloads(JacksonCodec.json(), Compressor.Builtin.GZIP, 0, MAX, gate);
    byte[] stored = gzip.encode("value");
    try (LogCapture log = LogCapture.start()) {
      assertThat(gate.tryEnter()).isTrue();
      assertThat(gate.tryEnter()).isTrue();
      assertThat(gzip.decode(stored, STRING)).isSameAs(BaseCache.MISS);
      assertThat(gzip.decode(stored, STRING)).isSameAs(BaseCache.MISS);
      assertThat(gzip.decode(json("plain"), STRING))
          .as("plain values need no permit")
          .isEqualTo("plain");
      assertThat(log.count("cache 'busy-alias'")).as("rate-limited").isEqualTo(1);
      assertThat(log.text()).contains("options.max_concurrent_inflations");
      gate.exit();
      assertThat(gzip.decode(stored, STRING)).isEqualTo("value");
      gate.exit();
    }
    assertThat(gate.busyMisses()).isEqualTo(2);
  }

  @Test
  void permitsComeBackWhateverTheOutcome() {
    InflationGate gate = new InflationGate("a", 1);
    RedisPayloads gzip =
        new RedisPayloads(JacksonCodec.json(), Compressor.Builtin.GZIP, 0, 1000, gate);
    byte[] tooLarge = Compressor.Builtin.GZIP.compress(json("x".repeat(5000)));
    byte[] notJson = Compressor.Builtin.GZIP.compress("{nope".getBytes(StandardCharsets.UTF_8));
    for (byte[] bad : new byte[][] {tooLarge, notJson}) {
      assertThatThrownBy(() -> gzip.decode(bad, STRING)).isInstanceOf(CacheValueException.class);
    }
    assertThatThrownBy(() -> gzip.decode(tooLarge, STRING))
        .hasMessageContaining("more than 1000 bytes");
    assertThat(gzip.decode(gzip.encode("ok"), STRING)).isEqualTo("ok");
    assertThat(gate.tryEnter()).as("the one permit is free again").isTrue();
    gate.exit();
  }
}
