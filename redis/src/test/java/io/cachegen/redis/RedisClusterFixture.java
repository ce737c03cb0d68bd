package io.cachegen.redis;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import redis.clients.jedis.UnifiedJedis;

/**
 * A private Redis Cluster for tests: {@code primaries} primaries with {@code replicas} replicas
 * each, {@code redis-server --cluster-enabled yes} processes started through {@link RedisFixture}
 * (so they die with the JVM) on free loopback ports whose cluster bus port (the port + 10000) is
 * free too, joined with {@code redis-cli --cluster create}, {@code cluster-node-timeout} 1 s. Start
 * one per test class; {@link #close()} stops every node. Never touches a server it did not start.
 */
public final class RedisClusterFixture implements AutoCloseable {
  /** The nodes' {@code cluster-node-timeout}. */
  public static final Duration NODE_TIMEOUT = Duration.ofSeconds(1);

  private final List<RedisFixture.Server> nodes;

  /** The nodes' password ({@code requirepass}/{@code masterauth}), or null. */
  private final String password;

  private RedisClusterFixture(List<RedisFixture.Server> nodes, String password) {
    this.nodes = nodes;
    this.password = password;
  }

  /**
   * Starts and joins the cluster, and waits until every node reports {@code cluster_state:ok} and
   * knows every other.
   *
   * @throws IllegalStateException saying why if it does not come up
   */
  public static RedisClusterFixture start(int primaries, int replicas) {
    return start(primaries, replicas, null);
  }

  /** As {@link #start(int, int)}, every node requiring {@code password} (null: none). */
  public static RedisClusterFixture start(int primaries, int replicas, String password) {
    RedisFixture.assumeRedisServerOnPath();
    int count = primaries * (1 + replicas);
    List<RedisFixture.Server> nodes = new ArrayList<>();
    try {
      List<String> args =
          new ArrayList<>(
              List.of(
                  "--cluster-enabled",
                  "yes",
                  "--cluster-config-file",
                  "nodes.conf",
                  "--cluster-node-timeout",
                  Long.toString(NODE_TIMEOUT.toMillis()),
                  // a replica may take over however long ago it last heard from its primary
                  // (the default refuses after an idle spell, and a test cluster is mostly idle)
                  "--cluster-replica-validity-factor",
                  "0",
                  "--repl-ping-replica-period",
                  "1",
                  // the healthy primaries keep serving their slots while one is down (the
                  // default, yes, makes every node answer CLUSTERDOWN until a replica takes over)
                  "--cluster-require-full-coverage",
                  "no"));
      if (password != null) {
        args.addAll(List.of("--requirepass", password, "--masterauth", password));
      }
      for (int i = 0; i < count; i++) {
        nodes.add(RedisFixture.startPrivateOnPort(clusterPort(), args.toArray(String[]::new)));
      }
      List<String> cmd = new ArrayList<>(List.of("redis-cli", "--cluster", "create"));
      for (RedisFixture.Server n : nodes) {
        cmd.add("127.0.0.1:" + n.port());
      }
      cmd.addAll(List.of("--cluster-replicas", Integer.toString(replicas), "--cluster-yes"));
      if (password != null) {
        cmd.addAll(List.of("-a", password, "--no-auth-warning"));
      }
      Process create = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
        throw new IllegalStateException("redis-cli --cluster create failed:\n" + out);
      }
      RedisClusterFixture cluster = new RedisClusterFixture(List.copyOf(nodes), password);
      cluster.awaitHealthy(count, Duration.ofSeconds(30));
      return cluster;
    } catch (IOException e) {
      nodes.forEach(RedisFixture.Server::close);
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      nodes.forEach(RedisFixture.Server::close);
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      nodes.forEach(RedisFixture.Server::close);
      throw e;
    }
  }

  /** The CA file of a TLS cluster ({@link #startTls}), or null. */
  private java.nio.file.Path caFile;

  /**
   * A cluster whose nodes speak TLS only ({@code tls-port}, {@code tls-cluster yes}, {@code
   * tls-replication yes}), all with one test CA ({@link #caFile()}) and a certificate for {@code
   * localhost}, which they announce as their endpoint ({@code cluster-preferred-endpoint-type
   * hostname}) so that clients check the name they connect to.
   */
  public static RedisClusterFixture startTls(int primaries, int replicas) {
    RedisFixture.assumeRedisServerOnPath();
    java.nio.file.Path dir = RedisFixture.tempDir("redis-cluster-tls-");
    RedisFixture.TlsFiles.make(dir);
    int count = primaries * (1 + replicas);
    List<RedisFixture.Server> nodes = new ArrayList<>();
    try {
      for (int i = 0; i < count; i++) {
        int tlsPort = clusterPort();
        RedisFixture.Server node =
            new RedisFixture.Server(
                0,
                tlsPort,
                dir.resolve("ca.crt"),
                List.of(
                    "--tls-port",
                    Integer.toString(tlsPort),
                    "--tls-cert-file",
                    dir.resolve("server.crt").toString(),
                    "--tls-key-file",
                    dir.resolve("server.key").toString(),
                    "--tls-ca-cert-file",
                    dir.resolve("ca.crt").toString(),
                    "--tls-auth-clients",
                    "no",
                    "--tls-cluster",
                    "yes",
                    "--tls-replication",
                    "yes",
                    "--cluster-enabled",
                    "yes",
                    "--cluster-config-file",
                    "nodes.conf",
                    "--cluster-node-timeout",
                    Long.toString(NODE_TIMEOUT.toMillis()),
                    "--cluster-announce-hostname",
                    "localhost",
                    "--cluster-preferred-endpoint-type",
                    "hostname"));
        RedisFixture.startServer(node);
        nodes.add(node);
      }
      List<String> cmd =
          new ArrayList<>(
              List.of("redis-cli", "--tls", "--cacert", dir.resolve("ca.crt").toString()));
      cmd.addAll(List.of("--cluster", "create"));
      for (RedisFixture.Server n : nodes) {
        cmd.add("localhost:" + n.tlsPort());
      }
      cmd.addAll(List.of("--cluster-replicas", Integer.toString(replicas), "--cluster-yes"));
      Process create = new ProcessBuilder(cmd).redirectErrorStream(true).start();
      String out = new String(create.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!create.waitFor(60, TimeUnit.SECONDS) || create.exitValue() != 0) {
        throw new IllegalStateException("redis-cli --tls --cluster create failed:\n" + out);
      }
      RedisClusterFixture cluster = new RedisClusterFixture(List.copyOf(nodes), null);
      cluster.caFile = dir.resolve("ca.crt");
      Eventually.within(
          Duration.ofSeconds(30),
          "cluster_state:ok and cluster_known_nodes:" + count + " on every TLS node",
          () ->
              nodes.stream()
                  .allMatch(
                      n -> {
                        String info = tlsClusterInfo(cluster.caFile, n);
                        return info.contains("cluster_state:ok")
                            && info.contains("cluster_known_nodes:" + count);
                      }));
      return cluster;
    } catch (IOException e) {
      nodes.forEach(RedisFixture.Server::close);
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      nodes.forEach(RedisFixture.Server::close);
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (RuntimeException e) {
      nodes.forEach(RedisFixture.Server::close);
      throw e;
    }
  }

  /** {@code CLUSTER INFO} of a TLS node, through {@code redis-cli --tls}; "" if it fails. */
  private static String tlsClusterInfo(java.nio.file.Path ca, RedisFixture.Server node) {
    try {
      Process p =
          new ProcessBuilder(
                  "redis-cli",
                  "--tls",
                  "--cacert",
                  ca.toString(),
                  "-h",
                  "localhost",
                  "-p",
                  Integer.toString(node.tlsPort()),
                  "cluster",
                  "info")
              .redirectErrorStream(true)
              .start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(10, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  /** The CA file of a TLS cluster, for {@code options.ssl_ca_certs}. */
  public java.nio.file.Path caFile() {
    return caFile;
  }

  /** {@code rediss-cluster://localhost:port,localhost:port} of a TLS cluster. */
  public String tlsLocation() {
    return "rediss-cluster://"
        + nodes.subList(0, Math.min(2, nodes.size())).stream()
            .map(n -> "localhost:" + n.tlsPort())
            .collect(Collectors.joining(","));
  }

  /** Waits until every live node says {@code cluster_state:ok} and knows {@code known} nodes. */
  public void awaitHealthy(int known, Duration deadline) {
    Eventually.within(
        deadline,
        "cluster_state:ok and cluster_known_nodes:" + known + " on every node",
        () ->
            nodes.stream()
                .allMatch(
                    n -> {
                      String info = clusterInfo(url(n));
                      return info.contains("cluster_state:ok")
                          && info.contains("cluster_known_nodes:" + known);
                    }));
  }

  /** {@code CLUSTER INFO} of {@code node} (no password), or "" if it does not answer. */
  public static String clusterInfo(RedisFixture.Server node) {
    return clusterInfo(node.url());
  }

  /** {@code redis://[:password@]127.0.0.1:port/0} of {@code node}. */
  public String url(RedisFixture.Server node) {
    return password == null
        ? node.url()
        : "redis://:" + password + "@127.0.0.1:" + node.port() + "/0";
  }

  private static String clusterInfo(String url) {
    try (UnifiedJedis j = RedisFixture.directClient(url)) {
      Object info = j.sendCommand(redis.clients.jedis.Protocol.Command.CLUSTER, "INFO");
      return redis.clients.jedis.util.SafeEncoder.encode((byte[]) info);
    } catch (RuntimeException e) {
      return "";
    }
  }

  /** A free port p (1024..55535) whose bus port p + 10000 is free too. */
  private static int clusterPort() {
    for (int attempt = 0; attempt < 200; attempt++) {
      int p = RedisFixture.freePort();
      if (p > 55535) {
        continue;
      }
      try (ServerSocket bus = new ServerSocket(p + 10000)) {
        bus.setReuseAddress(true);
        return p;
      } catch (IOException taken) {
        // try another
      }
    }
    throw new IllegalStateException("no free port pair (p, p + 10000) for a cluster node");
  }

  /** Every node, in the order they were started. */
  public List<RedisFixture.Server> nodes() {
    return nodes;
  }

  /** The location of the cluster: {@code redis-cluster://} and two seed nodes. */
  public String location() {
    return "redis-cluster://"
        + nodes.subList(0, Math.min(2, nodes.size())).stream()
            .map(n -> "127.0.0.1:" + n.port())
            .collect(Collectors.joining(","));
  }

  /** The nodes that are primaries now (their {@code ROLE}). */
  public List<RedisFixture.Server> primaries() {
    List<RedisFixture.Server> out = new ArrayList<>();
    for (RedisFixture.Server n : nodes) {
      try (UnifiedJedis j = RedisFixture.directClient(url(n))) {
        Object role = j.sendCommand(redis.clients.jedis.Protocol.Command.ROLE);
        if (role instanceof List<?> l
            && !l.isEmpty()
            && "master".equals(redis.clients.jedis.util.SafeEncoder.encode((byte[]) l.get(0)))) {
          out.add(n);
        }
      } catch (RuntimeException e) {
        // down: not a primary now
      }
    }
    return out;
  }

  /**
   * A handler whose alias {@code c} caches on this cluster under {@code prefix}, with {@code
   * options} as name, value pairs of {@code caches.c.options.*}.
   */
  public io.cachegen.runtime.CacheHandler handler(String prefix, String... options) {
    java.util.Map<String, String> props = new java.util.HashMap<>();
    props.put("caches.c.backend", "redis");
    props.put("caches.c.location", location());
    props.put("caches.c.key_prefix", prefix);
    for (int i = 0; i < options.length; i += 2) {
      props.put("caches.c.options." + options[i], options[i + 1]);
    }
    return io.cachegen.runtime.CacheHandler.builder()
        .config(io.cachegen.runtime.CacheConfig.fromMap(props))
        .build();
  }

  @Override
  public void close() {
    nodes.forEach(RedisFixture.Server::close);
  }
}
