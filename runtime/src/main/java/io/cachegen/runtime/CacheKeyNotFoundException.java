package io.cachegen.runtime;

/**
 * An operation that needs an existing value ({@code incr}, {@code decr}, {@code incrVersion}) found
 * none: Django raises {@code ValueError("Key ... not found")} in the same place.
 */
public class CacheKeyNotFoundException extends CacheException {
  private static final long serialVersionUID = 1L;
  private final String key;

  public CacheKeyNotFoundException(String key) {
    super("Key '" + key + "' not found");
    this.key = key;
  }

  /** The caller's key that held nothing. */
  public String key() {
    return key;
  }
}
