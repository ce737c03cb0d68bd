/**
 * Value codecs: Jackson-based, decoding only into the caller's static type.
 *
 * <p><b>API:</b> {@link io.cachegen.runtime.codec.JacksonCodec} (JSON or Smile, with strict read
 * constraints), the codec behind {@code options.serializer=json} and {@code smile}.
 * <b>Internal:</b> {@link io.cachegen.runtime.codec.Codecs}, the lookup by name the handler uses
 * ({@link io.cachegen.runtime.internal.Internal}). A codec cannot be plugged in by name yet.
 */
package io.cachegen.runtime.codec;
