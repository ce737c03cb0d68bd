package io.cachegen.redis;

import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.spi.CacheMetrics;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
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
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.util.JedisClusterCRC16;
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

  /**
   * How often the slot map is read again even when no command was redirected: a failover is
   * followed within this (a MOVED reply or a connection failure refreshes it at once).
   */
  static final Duration TOPOLOGY_REFRESH = Duration.ofSeconds(1);

  private final JedisCluster cluster;
  private final ClusterConnectionProvider provider;
  private final String described;
  private final CircuitBreaker breaker;
  private final String alias;
  private final long retryAfterMillis;
  private final Ticker clock;
  private final CacheMetrics.Counters metrics;

  /** One view per node, each with its own breaker, by {@code host:port}. */
  private final ConcurrentHashMap<String, Node> nodes = new ConcurrentHashMap<>();

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
    // operations over several nodes (pipelines, scans) pass no breaker: each node has its own
    this.breaker = new CircuitBreaker(alias, described, 0, clock, metrics);
    this.alias = alias;
    this.retryAfterMillis = options.retryAfterMillis();
    this.clock = clock;
    this.metrics = metrics;
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
      this.provider =
          new ClusterConnectionProvider(
              nodes, config, RedisServer.poolConfig(options), TOPOLOGY_REFRESH);
      this.cluster =
          JedisLine.openCluster(
              provider,
              MAX_ATTEMPTS,
              Duration.ofMillis((long) options.socketTimeoutMillis() * MAX_ATTEMPTS));
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

  /**
   * The node that serves {@code key} now, as Jedis's slot map says, with its own circuit breaker: a
   * dead primary opens the breaker of its slots only, so keys on the healthy primaries are still
   * served.
   */
  RedisEndpoint nodeFor(byte[] key) {
    HostAndPort node = provider.getNode(JedisClusterCRC16.getSlot(key));
    String name = node == null ? "unknown" : node.getHost() + ":" + node.getPort();
    Node view = nodes.get(name);
    return view != null ? view : nodes.computeIfAbsent(name, Node::new);
  }

  /** The nodes whose breaker is open now, as {@code host:port}. */
  List<String> nodesBehindOpenBreaker() {
    return nodes.values().stream()
        .filter(n -> n.breaker.isOpen())
        .map(n -> n.name)
        .sorted()
        .toList();
  }

  /** One node: calls for its keys go through the cluster client and this node's breaker. */
  private final class Node implements RedisEndpoint {
    private final String name;
    private final String described;
    private final CircuitBreaker breaker;

    Node(String name) {
      this.name = name;
      this.described = "cluster node " + name;
      this.breaker = new CircuitBreaker(alias, described, retryAfterMillis, clock, metrics);
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

    @Override
    public void dropIdleConnections() {
      ConnectionPool pool = cluster.getClusterNodes().get(name);
      if (pool != null) {
        try {
          pool.clear();
        } catch (RuntimeException e) {
          // best effort
        }
      }
    }

    @Override
    public void close() {
      // the cluster's pools close with the cluster
    }
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
   * The pools of the primaries that own slots as the cluster reports them now ({@code CLUSTER
   * NODES} asked of any node), by {@code host:port}, including one marked failed whose slots no
   * replica has taken over: where operations over every key (SCAN, FLUSHDB) run, so that such an
   * operation fails naming a dead primary rather than skipping its keys.
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
          // every primary that owns slots, failed or not: a whole-keyspace operation must reach
          // (or report) each of them, never skip one silently
          if (f.length > 8 && f[2].contains("master")) {
            primaries.add(f[1]);
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
    for (String node : primaries) {
      String name = poolName(node, pools);
      if (name == null) {
        throw new CacheException(
            "Redis "
                + described
                + ": primary "
                + node
                + " is in CLUSTER NODES but not in the client's slot map yet; try again once the"
                + " cluster is stable");
      }
      out.put(name, pools.get(name));
    }
    return out;
  }

  /**
   * The name of {@code node}'s pool: a {@code CLUSTER NODES} address is {@code ip:port@bus} or
   * {@code ip:port@bus,hostname}, and the client names a pool by the endpoint the cluster announces
   * (the hostname when it announces one); {@code null} if it has none.
   */
  private static String poolName(String node, Map<String, ConnectionPool> pools) {
    int at = node.indexOf('@');
    String ipPort = at < 0 ? node : node.substring(0, at);
    int comma = node.indexOf(',');
    String port = ipPort.substring(ipPort.lastIndexOf(':') + 1);
    if (comma > 0 && comma + 1 < node.length()) {
      String byHost = node.substring(comma + 1) + ":" + port;
      if (pools.containsKey(byHost)) {
        return byHost;
      }
    }
    return pools.containsKey(ipPort) ? ipPort : null;
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
