package io.cachegen.runtime;

import java.util.Arrays;

/**
 * Turns values into bytes and back. The default is Jackson JSON ({@code serializer=json}); decoding
 * follows only the requested {@link ValueType} and never a type named inside the payload.
 *
 * <p>Implementations are thread-safe.
 */
public interface CacheCodec {

  /** The name selected with {@code caches.<alias>.options.serializer}. */
  String name();

  /**
   * Encodes {@code value} (which may be {@code null}).
   *
   * @throws CacheValueException if the value cannot be encoded
   */
  byte[] encode(Object value);

  /**
   * Decodes bytes written by {@link #encode} as {@code type}.
   *
   * @throws CacheValueException if the bytes are not a {@code type}
   */
  <T> T decode(byte[] bytes, ValueType<T> type);

  /**
   * Encodes {@code value} after {@code prefix}: the result starts with a copy of {@code prefix} (a
   * backend's header, see {@code spi.ValueHeader}). The default copies {@link #encode}'s bytes
   * once; the built-in codecs write the value straight after the prefix.
   *
   * @throws CacheValueException if the value cannot be encoded
   */
  default byte[] encode(Object value, byte[] prefix) {
    byte[] body = encode(value);
    byte[] out = Arrays.copyOf(prefix, prefix.length + body.length);
    System.arraycopy(body, 0, out, prefix.length, body.length);
    return out;
  }

  /**
   * Decodes the {@code length} bytes of {@code bytes} from {@code offset}, written by {@link
   * #encode}, as {@code type}. The default copies them once; the built-in codecs read them in
   * place.
   *
   * @throws CacheValueException if the bytes are not a {@code type}
   */
  default <T> T decode(byte[] bytes, int offset, int length, ValueType<T> type) {
    return decode(
        offset == 0 && length == bytes.length
            ? bytes
            : Arrays.copyOfRange(bytes, offset, offset + length),
        type);
  }
}
