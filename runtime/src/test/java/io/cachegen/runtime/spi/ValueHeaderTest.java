package io.cachegen.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.codec.JacksonCodec;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;

class ValueHeaderTest {

  @Test
  void aPlainHeaderIsFourBytesAndItsBodyFollows() {
    byte[] stored =
        ValueHeader.prepend(ValueHeader.of(false), "\"x\"".getBytes(StandardCharsets.UTF_8));
    long header = ValueHeader.read(stored);
    assertThat(stored).startsWith((byte) 0xC0, (byte) 'g', (byte) 1, (byte) 0);
    assertThat(ValueHeader.bodyOffset(header)).isEqualTo(4);
    assertThat(ValueHeader.flags(header)).isZero();
  }

  @Test
  void optionalFieldsRoundTripAndMoveTheBody() {
    byte[] stored =
        ValueHeader.prepend(ValueHeader.of(true, 0x0102030405060708L, -5L), new byte[] {42});
    long header = ValueHeader.read(stored);
    assertThat(ValueHeader.flags(header))
        .isEqualTo(ValueHeader.COMPRESSED | ValueHeader.SCHEMA | ValueHeader.SOFT_EXPIRY);
    assertThat(ValueHeader.bodyOffset(header)).isEqualTo(20);
    assertThat(stored[20]).isEqualTo((byte) 42);
    assertThat(ValueHeader.schemaFingerprint(stored, header)).isEqualTo(0x0102030405060708L);
    assertThat(ValueHeader.softExpiry(stored, header)).isEqualTo(-5L);

    byte[] onlyExpiry = ValueHeader.prepend(ValueHeader.of(false, null, 99L), new byte[0]);
    long h = ValueHeader.read(onlyExpiry);
    assertThat(ValueHeader.softExpiry(onlyExpiry, h)).isEqualTo(99L);
    assertThatThrownBy(() -> ValueHeader.schemaFingerprint(onlyExpiry, h))
        .hasMessageContaining("no schema fingerprint");
  }

  @Test
  void whatWasStoredBeforeTheHeaderHasNone() throws IOException {
    byte[] json = JacksonCodec.json().encode(Map.of("a", List.of(1, 2)));
    byte[] smile = JacksonCodec.smile().encode("text");
    for (byte[] legacy :
        List.of(
            json,
            smile,
            gzip(json),
            zlib(json),
            "\"s\"".getBytes(StandardCharsets.UTF_8),
            "-12".getBytes(StandardCharsets.US_ASCII),
            "null".getBytes(StandardCharsets.UTF_8),
            " [1]".getBytes(StandardCharsets.UTF_8),
            "\"é\"".getBytes(StandardCharsets.UTF_8),
            new byte[0],
            new byte[] {(byte) 0xC0})) {
      assertThat(ValueHeader.read(legacy))
          .as(new String(legacy, StandardCharsets.ISO_8859_1))
          .isEqualTo(ValueHeader.NONE);
    }
  }

  @Test
  void aNewerVersionOrAnUnknownFlagIsNotUnderstood() {
    assertThat(ValueHeader.read(new byte[] {(byte) 0xC0, 'g', 2, 0, '1'}))
        .isEqualTo(ValueHeader.UNKNOWN);
    assertThat(ValueHeader.read(new byte[] {(byte) 0xC0, 'g', 1, 8, '1'}))
        .as("reserved flag bit 3")
        .isEqualTo(ValueHeader.UNKNOWN);
    assertThat(ValueHeader.read(new byte[] {(byte) 0xC0, 'g', 1, ValueHeader.SCHEMA, 1, 2}))
        .as("truncated optional field")
        .isEqualTo(ValueHeader.UNKNOWN);
  }

  private static byte[] gzip(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream z = new GZIPOutputStream(out)) {
      z.write(raw);
    }
    return out.toByteArray();
  }

  private static byte[] zlib(byte[] raw) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(out)) {
      z.write(raw);
    }
    return out.toByteArray();
  }
}
