package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Decompression is bounded, so a small stored value cannot exhaust the heap. No server needed. */
class CompressorTest {

  @ParameterizedTest
  @EnumSource(Compressor.Builtin.class)
  void decompressionStopsPastTheBound(Compressor.Builtin compressor) throws IOException {
    byte[] raw = new byte[64 * 1024]; // zeros: compresses to a few hundred bytes
    byte[] stored = compressor.compress(raw);
    assertThat(compressor.decompress(stored, raw.length)).hasSize(raw.length);
    assertThat(compressor.decompress(stored)).hasSize(raw.length);
    assertThatThrownBy(() -> compressor.decompress(stored, raw.length - 1))
        .isInstanceOf(Compressor.TooLargeException.class)
        .hasMessageContaining("more than " + (raw.length - 1) + " bytes")
        .hasMessageContaining("max_value_size");
  }

  @ParameterizedTest
  @EnumSource(
      value = Compressor.Builtin.class,
      names = {"GZIP", "ZLIB"})
  void theDefaultBoundIs16MiB(Compressor.Builtin compressor) throws IOException {
    byte[] atTheBound = compressor.compress(new byte[16 * 1024 * 1024]);
    assertThat(compressor.decompress(atTheBound)).hasSize(16 * 1024 * 1024);
    byte[] past = compressor.compress(new byte[16 * 1024 * 1024 + 1]);
    assertThatThrownBy(() -> compressor.decompress(past))
        .isInstanceOf(Compressor.TooLargeException.class);
  }
}
