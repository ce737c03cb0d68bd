package io.cachegen.runtime;

import io.cachegen.runtime.internal.Internal;

/**
 * Builds the stored key from the caller's key, the alias's prefix and a version (Django's {@code
 * KEY_FUNCTION}). Implementations must be pure and thread-safe.
 *
 * <p>Register one by name with a {@link io.cachegen.runtime.spi.KeyFunctionProvider} in {@code
 * META-INF/services}, or with {@link CacheHandler.Builder#keyFunction(String, KeyFunction)}, and
 * select it with {@code caches.<alias>.key_function=<name>}.
 *
 * <p>This interface owns Django's default format, {@code key_prefix:version:key}: {@link #DEFAULT}
 * makes it, {@link #defaultPrefix(String, int)} is what all its keys of one prefix and version
 * start with (generated code puts it before the caller key itself), and {@link
 * #defaultKeyGlob(String)} matches all its keys of one prefix at every version (Redis's {@code
 * clear()}).
 */
@FunctionalInterface
public interface KeyFunction {

  /**
   * Django's default: {@code key_prefix:version:key}, i.e. {@link #defaultPrefix(String, int)
   * defaultPrefix(keyPrefix, version)} followed by the key. One concatenation, since {@code
   * BaseCache}'s operations by caller key make a key per call.
   */
  KeyFunction DEFAULT = (key, keyPrefix, version) -> keyPrefix + ':' + version + ':' + key;

  /** The stored key. */
  String makeKey(String key, String keyPrefix, int version);

  /**
   * <b>Not API</b> (for generated code's made keys). What every key {@link #DEFAULT} makes for
   * {@code keyPrefix} and {@code version} starts with, {@code key_prefix:version:}: the made key is
   * this followed by the caller's key as is.
   */
  @Internal
  static String defaultPrefix(String keyPrefix, int version) {
    return DEFAULT.makeKey("", keyPrefix, version);
  }

  /**
   * <b>Not API</b> (for Redis's {@code clear()}). A glob (Redis {@code SCAN MATCH} syntax) that
   * matches every key {@link #DEFAULT} makes for one prefix, at every version: {@code
   * key_prefix:[-0-9]*:*}. The version must start with a digit or {@code -}, so the keys of prefix
   * {@code web:sessions} do not match prefix {@code web}.
   *
   * @param globEscapedPrefix the {@code key_prefix} with the glob's special characters escaped
   */
  @Internal
  static String defaultKeyGlob(String globEscapedPrefix) {
    return globEscapedPrefix + ":[-0-9]*:*";
  }
}
