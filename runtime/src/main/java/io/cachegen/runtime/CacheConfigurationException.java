package io.cachegen.runtime;

/**
 * A setting is missing, misspelt or has a bad value, or an alias is unknown. The message names the
 * property (for example {@code caches.default.timeout}), the bad value and what is allowed.
 */
public class CacheConfigurationException extends CacheException {
  private static final long serialVersionUID = 1L;

  public CacheConfigurationException(String message) {
    super(message);
  }

  public CacheConfigurationException(String message, Throwable cause) {
    super(message, cause);
  }
}
