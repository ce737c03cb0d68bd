package io.cachegen.redis;

import io.cachegen.runtime.CacheConnectionException;

/**
 * A Redis server could not be reached, refused the credentials, or did not answer within {@code
 * socket_timeout}. The message names the server ({@code host:port}), never the password.
 */
public class RedisConnectionException extends CacheConnectionException {
  private static final long serialVersionUID = 1L;
  private final String server;

  /**
   * @param server the server as {@code host:port} or {@code unix:/path}
   * @param message what went wrong
   * @param cause the client's exception
   */
  public RedisConnectionException(String server, String message, Throwable cause) {
    super(message, cause);
    this.server = server;
  }

  /** The server that failed, as {@code host:port} or {@code unix:/path}. */
  public String server() {
    return server;
  }
}
