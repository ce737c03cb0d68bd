package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.spi.ValueHeader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads values as cachegen lays them out in Redis: a {@link ValueHeader}, then the body. */
final class StoredValues {
  private StoredValues() {}

  /** The body of {@code stored}, after checking it has this version's header with {@code flags}. */
  static byte[] body(byte[] stored, int flags) {
    long header = ValueHeader.read(stored);
    assertThat(header).as("a value header").isNotIn(ValueHeader.NONE, ValueHeader.UNKNOWN);
    assertThat(ValueHeader.flags(header)).as("header flags").isEqualTo(flags);
    return Arrays.copyOfRange(stored, ValueHeader.bodyOffset(header), stored.length);
  }

  /** The codec text of a plain (uncompressed) stored value. */
  static String text(byte[] stored) {
    return new String(body(stored, 0), StandardCharsets.UTF_8);
  }

  /** The compressed body of a compressed stored value. */
  static byte[] compressedBody(byte[] stored) {
    return body(stored, ValueHeader.COMPRESSED);
  }
}
