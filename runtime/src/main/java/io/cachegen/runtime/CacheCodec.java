package io.cachegen.runtime;

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
}
