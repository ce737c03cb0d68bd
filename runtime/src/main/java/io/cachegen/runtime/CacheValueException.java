package io.cachegen.runtime;

/**
 * A value cannot take part in an operation: it cannot be encoded, or {@code incr} found something
 * other than an integer.
 */
public class CacheValueException extends CacheException {
  private static final long serialVersionUID = 1L;

  public CacheValueException(String message) {
    super(message);
  }

  public CacheValueException(String message, Throwable cause) {
    super(message, cause);
  }
}
