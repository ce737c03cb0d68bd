package io.cachegen.redis;

import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.UnifiedJedis;

/**
 * What {@link DefaultClient} sends a call to: one server with its pool ({@link RedisServer}) or a
 * whole Redis Cluster ({@link RedisClusterEndpoint}, which routes each key to its node). Each has
 * its own {@link CircuitBreaker}. Thread-safe.
 */
interface RedisEndpoint extends AutoCloseable {
  /** The Jedis client; every command borrows a pooled connection and returns it. */
  UnifiedJedis client();

  /** A pipeline; closing it returns its connections. On a cluster, one batch per node. */
  AbstractPipeline pipeline();

  /** This endpoint's circuit breaker. */
  CircuitBreaker breaker();

  /** {@code host:port}, {@code unix:/path}, or {@code cluster host:port,...} (no password). */
  String describe();

  /** Closes the idle pooled connections; the pools stay open. */
  void dropIdleConnections();

  @Override
  void close();
}
