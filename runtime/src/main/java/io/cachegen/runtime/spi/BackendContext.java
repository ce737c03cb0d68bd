package io.cachegen.runtime.spi;

import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.Ticker;

/**
 * What a {@link CacheBackendProvider} gets besides the settings.
 *
 * @param keyFunction the alias's key function, resolved from {@code key_function}
 * @param ticker the time source for in-process expiry and the Redis circuit breaker's back-off
 */
public record BackendContext(KeyFunction keyFunction, Ticker ticker) {}
