package io.cachegen.redis;

/**
 * A Redis server answered but refused to serve the command now: it is full ({@code OOM} under
 * {@code maxmemory}), read-only ({@code READONLY}: a replica used as the primary), loading its data
 * ({@code LOADING}), running a long script ({@code BUSY}), cut off from its primary or cluster
 * ({@code MASTERDOWN}, {@code NOREPLICAS}, {@code CLUSTERDOWN}) or asks to retry ({@code
 * TRYAGAIN}). An outage like an unreachable server, so {@code ignore_exceptions} covers it; errors
 * about the data or the command (such as {@code WRONGTYPE}) are not. The message names the server
 * and quotes the server's reply.
 */
public class RedisUnavailableException extends RedisConnectionException {
  private static final long serialVersionUID = 1L;

  /**
   * @param server the server as {@code host:port} or {@code unix:/path}
   * @param message what went wrong, with the server's reply
   * @param cause the client's exception
   */
  public RedisUnavailableException(String server, String message, Throwable cause) {
    super(server, message, cause);
  }
}
