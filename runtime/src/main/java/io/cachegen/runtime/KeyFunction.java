package io.cachegen.runtime;

/**
 * Builds the stored key from the caller's key, the alias's prefix and a version (Django's {@code
 * KEY_FUNCTION}). Implementations must be pure and thread-safe.
 *
 * <p>Register one by name with a {@link io.cachegen.runtime.spi.KeyFunctionProvider} in {@code
 * META-INF/services}, or with {@link CacheHandler.Builder#keyFunction(String, KeyFunction)}, and
 * select it with {@code caches.<alias>.key_function=<name>}.
 */
@FunctionalInterface
public interface KeyFunction {

  /** Django's default: {@code key_prefix:version:key}. */
  KeyFunction DEFAULT = (key, keyPrefix, version) -> keyPrefix + ':' + version + ':' + key;

  /** The stored key. */
  String makeKey(String key, String keyPrefix, int version);
}
