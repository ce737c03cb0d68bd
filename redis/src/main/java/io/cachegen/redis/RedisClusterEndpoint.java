package io.cachegen.redis;

import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.spi.CacheMetrics;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A Redis Cluster ({@code redis-cluster://host:port,host:port}) as one endpoint: Jedis's cluster
 * client, which learns the slot map from the seed nodes, keeps a pool per node, sends each key's
 * command to the node that owns its slot and follows {@code MOVED}/{@code ASK} and failovers
 * without a restart. Pipelines ({@link #pipeline()}) group their commands by node: one batch per
 * node. Operations over the whole key space run on each primary ({@link #primaries()}).
 *
 * <p>One circuit breaker covers the cluster for now (see the README's "Redis Cluster").
 * Thread-safe.
 */
final class RedisClusterEndpoint implements RedisEndpoint {
  /** How many times Jedis retries a command whose node moved or failed, as Jedis's default. */
  static final int MAX_ATTEMPTS = 5;

  private final JedisCluster cluster;
  private final String described;
  private final CircuitBreaker breaker;

  /**
   * @param seeds the seed nodes (user, password and TLS from the first)
   */
  RedisClusterEndpoint(
      String alias,
      List<RedisLocation> seeds,
      RedisOptions options,
      redis.clients.jedis.SslOptions tls,
      Ticker clock,
      CacheMetrics.Counters metrics) {
    this.described =
        "cluster " + seeds.stream().map(RedisLocation::describe).collect(Collectors.joining(","));
    this.breaker = new CircuitBreaker(alias, described, options.retryAfterMillis(), clock, metrics);
    JedisClientConfig config =
        RedisServer.clientConfig(
            seeds.get(0),
            options,
            tls,
            options.connectTimeoutMillis(),
            options.socketTimeoutMillis(),
            false);
    Set<HostAndPort> nodes = new LinkedHashSet<>();
    for (RedisLocation seed : seeds) {
      nodes.add(new HostAndPort(seed.host(), seed.port()));
    }
    try {
      this.cluster =
          JedisLine.openCluster(nodes, config, MAX_ATTEMPTS, RedisServer.poolConfig(options));
    } catch (JedisException e) {
      throw new RedisConnectionException(
          described,
          "cache '"
              + alias
              + "': Redis "
              + described
              + ": could not read the cluster's slot map from any seed node ("
              + causes(e)
              + "); check that each seed is reachable and is a cluster node (cluster-enabled yes)",
          e);
    }
  }

  /** The first line of {@code e}'s message and of each cause and suppressed failure. */
  private static String causes(Throwable e) {
    java.util.Set<String> lines = new java.util.LinkedHashSet<>();
    java.util.ArrayDeque<Throwable> todo = new java.util.ArrayDeque<>(List.of(e));
    while (!todo.isEmpty() && lines.size() < 6) {
      Throwable t = todo.poll();
      if (t.getMessage() != null) {
        lines.add(t.getMessage().lines().findFirst().orElse(""));
      }
      if (t.getCause() != null) {
        todo.add(t.getCause());
      }
      todo.addAll(List.of(t.getSuppressed()));
    }
    return String.join("; ", lines);
  }

  @Override
  public UnifiedJedis client() {
    return cluster;
  }

  @Override
  public ClusterPipeline pipeline() {
    return cluster.pipelined();
  }

  @Override
  public CircuitBreaker breaker() {
    return breaker;
  }

  @Override
  public String describe() {
    return described;
  }

  /**
   * The pools of the primaries as the cluster reports them now ({@code CLUSTER NODES} asked of any
   * node), by {@code host:port}: where operations over every key (SCAN, FLUSHDB) run.
   */
  Map<String, ConnectionPool> primaries() {
    Map<String, ConnectionPool> pools = cluster.getClusterNodes();
    List<String> primaries = new ArrayList<>();
    RuntimeException last = null;
    for (ConnectionPool pool : pools.values()) {
      try (Connection c = pool.getResource()) {
        c.sendCommand(Protocol.Command.CLUSTER, "NODES");
        String nodes = SafeEncoder.encode(c.getBinaryBulkReply());
        for (String line : nodes.split("\n")) {
          String[] f = line.trim().split(" ");
          if (f.length > 2 && f[2].contains("master") && !f[2].contains("fail")) {
            String addr = f[1];
            int at = addr.indexOf('@');
            primaries.add(at < 0 ? addr : addr.substring(0, at));
          }
        }
        break;
      } catch (RuntimeException e) {
        last = e;
      }
    }
    if (primaries.isEmpty() && last != null) {
      throw last;
    }
    Map<String, ConnectionPool> out = new java.util.LinkedHashMap<>();
    for (String p : primaries) {
      ConnectionPool pool = pools.get(p);
      if (pool != null) {
        out.put(p, pool);
      }
    }
    return out;
  }

  @Override
  public void dropIdleConnections() {
    for (ConnectionPool pool : cluster.getClusterNodes().values()) {
      try {
        pool.clear();
      } catch (RuntimeException e) {
        // best effort
      }
    }
  }

  @Override
  public void close() {
    cluster.close();
  }

  @Override
  public String toString() {
    return "RedisClusterEndpoint[" + described + "]";
  }
}
