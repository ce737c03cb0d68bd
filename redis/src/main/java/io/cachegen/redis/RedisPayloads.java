package io.cachegen.redis;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheCodec;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.codec.JacksonCodec;
import io.cachegen.runtime.spi.ValueHeader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * How values are laid out in Redis. Integers ({@code Integer}, {@code Long}, {@code Short}, {@code
 * Byte}) are stored as their plain decimal text, whatever the serializer, so {@code INCRBY} works
 * on them on the server; plain decimal text reads back through JSON, so it decodes as any numeric
 * type. Everything else goes through the alias's codec and, when it is at least {@code
 * compress_min_size} bytes, the compressor, after a {@link ValueHeader} that says which (see {@code
 * docs/VALUE-FORMAT.md}).
 *
 * <p>Reading: a value with a header this version does not understand is unreadable (a miss until
 * overwritten, never a wrong value). Values written before the header existed still read. An alias
 * with a compressor reads plain values and values of every built-in format (recognised by their own
 * framing), inflating at most {@code max_value_size} bytes, through its {@link InflationGate}. An
 * alias whose compressor is {@code none} inflates nothing: a compressed value (written before the
 * compressor was switched off, or by another alias) is unreadable, a miss until the next store
 * overwrites it. Thread-safe.
 */
final class RedisPayloads {
  private static final CacheCodec PLAIN_NUMBERS = JacksonCodec.json();
  private static final Compressor[] BUILT_IN = {Compressor.Builtin.GZIP, Compressor.Builtin.ZLIB};

  /** Written before every codec value (never read or changed in place). */
  private static final byte[] PLAIN_HEADER = ValueHeader.of(false);

  private static final byte[] COMPRESSED_HEADER = ValueHeader.of(true);

  private final CacheCodec codec;
  private final Compressor compressor;
  private final int compressMinSize;

  /** The formats this alias inflates: its own first, then the other built-in ones; none if none. */
  private final Compressor[] readable;

  private final int maxValueSize;
  private final InflationGate gate;

  RedisPayloads(
      CacheCodec codec,
      Compressor compressor,
      int compressMinSize,
      int maxValueSize,
      InflationGate gate) {
    this.codec = codec;
    this.compressor = compressor;
    this.compressMinSize = compressMinSize;
    this.maxValueSize = maxValueSize;
    this.gate = gate;
    this.readable =
        compressor == Compressor.Builtin.NONE
            ? new Compressor[0]
            : new Compressor[] {compressor, Compressor.Builtin.GZIP, Compressor.Builtin.ZLIB};
  }

  /**
   * The bytes to store for {@code value}.
   *
   * @throws CacheValueException if the codec cannot encode it
   * @throws ValueTooLargeException if the encoded value is larger than {@code max_value_size}, so
   *     that it could not be read back
   */
  byte[] encode(Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return Long.toString(((Number) value).longValue()).getBytes(StandardCharsets.US_ASCII);
    }
    byte[] stored = codec.encode(value, PLAIN_HEADER);
    int rawLength = stored.length - PLAIN_HEADER.length;
    if (rawLength > maxValueSize) {
      throw new ValueTooLargeException(rawLength, maxValueSize);
    }
    if (compressor == Compressor.Builtin.NONE || rawLength < compressMinSize) {
      return stored;
    }
    byte[] raw = Arrays.copyOfRange(stored, PLAIN_HEADER.length, stored.length);
    return ValueHeader.prepend(COMPRESSED_HEADER, compressor.compress(raw));
  }

  /**
   * Decodes stored bytes as {@code type}: the value, or {@link BaseCache#MISS} when the value is
   * compressed and no inflation permit came in time (see {@link InflationGate}).
   *
   * @throws CacheValueException if they are not a {@code type}, decompress to more than {@code
   *     max_value_size} bytes, or are compressed while this alias's compressor is {@code none}
   */
  Object decode(byte[] stored, ValueType<?> type) {
    if (isPlainInteger(stored)) {
      return PLAIN_NUMBERS.decode(stored, type);
    }
    long header = ValueHeader.read(stored);
    if (header == ValueHeader.NONE) {
      return decodeHeaderless(stored, type);
    }
    if (header == ValueHeader.UNKNOWN) {
      throw new CacheValueException(
          "its header (value format "
              + (stored[2] & 0xFF)
              + ", flags 0x"
              + Integer.toHexString(stored[3] & 0xFF)
              + ") is not one this version of cachegen reads"
              + " (format "
              + ValueHeader.VERSION
              + "): written by a newer version?");
    }
    int body = ValueHeader.bodyOffset(header);
    if ((ValueHeader.flags(header) & ValueHeader.COMPRESSED) == 0) {
      return codec.decode(stored, body, stored.length - body, type);
    }
    byte[] compressed = Arrays.copyOfRange(stored, body, stored.length);
    for (int i = 0; i < readable.length; i++) {
      if (readable[i].recognises(compressed)) {
        return inflateAndDecode(compressed, type, i, false);
      }
    }
    throw new CacheValueException(
        readable.length == 0
            ? "it is compressed but options.compressor is none, so it is not inflated"
            : "it is compressed in a format options.compressor="
                + compressor.id()
                + " does not read");
  }

  /** A value written before the header existed: plain codec bytes, or gzip/zlib of them. */
  private Object decodeHeaderless(byte[] stored, ValueType<?> type) {
    for (int i = 0; i < readable.length; i++) {
      if (readable[i].recognises(stored)) {
        return inflateAndDecode(stored, type, i, true);
      }
    }
    return decodePlain(stored, type);
  }

  /**
   * Inflates {@code stored} with the first readable format from {@code first} that takes it; a
   * headerless value that no format inflates may be plain codec bytes after all ({@code
   * plainIfNot}).
   */
  private Object inflateAndDecode(byte[] stored, ValueType<?> type, int first, boolean plainIfNot) {
    if (!gate.tryEnter()) {
      return BaseCache.MISS;
    }
    try {
      for (int i = first; i < readable.length; i++) {
        if (readable[i].recognises(stored)) {
          byte[] raw;
          try {
            raw = readable[i].decompress(stored, maxValueSize);
          } catch (Compressor.TooLargeException e) {
            throw new CacheValueException(e.getMessage(), e);
          } catch (IOException | RuntimeException e) {
            continue; // not really this format: try the next
          }
          // decoded under the permit too: the parse is where a large value costs the most
          return codec.decode(raw, type);
        }
      }
      if (!plainIfNot) {
        throw new CacheValueException("it is marked compressed but does not inflate");
      }
      return codec.decode(stored, type);
    } finally {
      gate.exit();
    }
  }

  private Object decodePlain(byte[] stored, ValueType<?> type) {
    try {
      return codec.decode(stored, type);
    } catch (CacheValueException e) {
      if (readable.length == 0) {
        for (Compressor c : BUILT_IN) {
          if (c.recognises(stored)) {
            throw new CacheValueException(
                "it is compressed ("
                    + c.id()
                    + ") but"
                    + " options.compressor is none, so it is not inflated",
                e);
          }
        }
      }
      throw e;
    }
  }

  /** Whether {@code bytes} is an optional minus sign and 1 to 19 ASCII digits. */
  static boolean isPlainInteger(byte[] bytes) {
    int start = bytes.length > 0 && bytes[0] == '-' ? 1 : 0;
    int digits = bytes.length - start;
    if (digits < 1 || digits > 19) {
      return false;
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return false;
      }
    }
    return true;
  }
}
