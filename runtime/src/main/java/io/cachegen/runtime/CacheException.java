package io.cachegen.runtime;

/**
 * The root of every exception cachegen throws. Unchecked.
 *
 * <p>Subclasses keep configuration mistakes ({@link CacheConfigurationException}), infrastructure
 * failures ({@link CacheConnectionException}) and data problems ({@link CacheValueException},
 * {@link CacheKeyNotFoundException}) apart.
 */
public class CacheException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public CacheException(String message) {
    super(message);
  }

  public CacheException(String message, Throwable cause) {
    super(message, cause);
  }
}
