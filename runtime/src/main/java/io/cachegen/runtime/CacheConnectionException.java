package io.cachegen.runtime;

/**
 * A cache server could not be reached or did not answer in time. The message names the server
 * ({@code host:port}), never a password.
 */
public class CacheConnectionException extends CacheException {
  private static final long serialVersionUID = 1L;

  public CacheConnectionException(String message) {
    super(message);
  }

  public CacheConnectionException(String message, Throwable cause) {
    super(message, cause);
  }
}
