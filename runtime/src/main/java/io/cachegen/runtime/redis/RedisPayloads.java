package io.cachegen.runtime.redis;

import io.cachegen.runtime.CacheCodec;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.codec.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * How values are laid out in Redis. Integers ({@code Integer}, {@code Long}, {@code Short}, {@code
 * Byte}) are stored as their plain decimal text, whatever the serializer, so {@code INCRBY} works
 * on them on the server; plain decimal text reads back through JSON, so it decodes as any numeric
 * type. Everything else goes through the alias's codec and, when it is at least {@code
 * compress_min_size} bytes, the compressor. Thread-safe.
 */
final class RedisPayloads {
  private static final CacheCodec PLAIN_NUMBERS = JacksonCodec.json();

  private final CacheCodec codec;
  private final Compressor compressor;
  private final int compressMinSize;
  /** The compressors a stored value may carry: ours first, then the built-in ones. */
  private final Compressor[] readable;

  private final int maxValueSize;

  RedisPayloads(CacheCodec codec, Compressor compressor, int compressMinSize, int maxValueSize) {
    this.maxValueSize = maxValueSize;
    this.readable = new Compressor[] {compressor, Compressor.Builtin.GZIP, Compressor.Builtin.ZLIB};
    this.codec = codec;
    this.compressor = compressor;
    this.compressMinSize = compressMinSize;
  }

  /**
   * The bytes to store for {@code value}.
   *
   * @throws CacheValueException if the codec cannot encode it
   */
  byte[] encode(Object value) {
    if (value instanceof Long || value instanceof Integer || value instanceof Short
        || value instanceof Byte) {
      return Long.toString(((Number) value).longValue()).getBytes(StandardCharsets.US_ASCII);
    }
    byte[] raw = codec.encode(value);
    if (compressor == Compressor.Builtin.NONE || raw.length < compressMinSize) {
      return raw;
    }
    return compressor.compress(raw);
  }

  /**
   * Decodes stored bytes as {@code type}.
   *
   * @throws CacheValueException if they are not a {@code type}, or decompress to more than
   *     {@code max_value_size} bytes
   */
  <T> T decode(byte[] stored, ValueType<T> type) {
    if (isPlainInteger(stored)) {
      return PLAIN_NUMBERS.decode(stored, type);
    }
    return codec.decode(decompressed(stored), type);
  }

  private byte[] decompressed(byte[] stored) {
    for (Compressor c : readable) {
      if (c.recognises(stored)) {
        try {
          return c.decompress(stored, maxValueSize);
        } catch (Compressor.TooLargeException e) {
          throw new CacheValueException(e.getMessage(), e);
        } catch (IOException | RuntimeException e) {
          // not really compressed: fall through and let the codec judge the raw bytes
        }
      }
    }
    return stored;
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
