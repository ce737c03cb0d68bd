package io.cachegen.runtime.spi;

import io.cachegen.runtime.CacheCodec;
import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.Ticker;

/**
 * What a {@link CacheBackendProvider} gets besides the settings: what the handler resolved from the
 * settings every backend shares, and its ticker.
 *
 * @param keyFunction the alias's key function, resolved from {@code key_function}
 * @param ticker the time source for in-process expiry and the Redis circuit breaker's back-off
 * @param codec the alias's codec, resolved from {@code options.serializer} (JSON by default)
 */
public record BackendContext(KeyFunction keyFunction, Ticker ticker, CacheCodec codec) {}
