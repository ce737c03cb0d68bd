package io.cachegen.redis;

import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Where an operation over every key runs ({@link RedisScan}): the one primary, or one primary of a
 * cluster, which SCAN must visit one by one since each owns only its slots.
 */
interface ScanNode {
  /** {@code host:port}, for messages. */
  String describe();

  /** One {@code SCAN} page on this node. */
  ScanResult<String> scan(String cursor, ScanParams params);

  /** Deletes {@code keys}, all held by this node; returns how many existed. */
  long unlink(String[] keys);

  /** {@code FLUSHDB} on this node. */
  void flushDb();
}
