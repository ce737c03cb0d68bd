package io.cachegen.redis;

import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.spi.CacheMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.ConnectionPool;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The servers of one alias and which one serves each call, as django-redis's {@code DefaultClient}:
 * the first server of {@code location} is the primary and takes every write; the others are
 * replicas, and a read goes to a random replica. A server that fails is not tried again in the same
 * call: a read moves on to another replica and finally to the primary; a write fails. Failures
 * become a {@link RedisConnectionException} naming the last server tried (a {@link
 * RedisUnavailableException} when the server answered but refused the command, e.g. OOM or
 * READONLY); other error replies (WRONGTYPE, syntax) are a plain {@link CacheException}.
 * Thread-safe.
 *
 * <p>Time bounds, with C = {@code socket_connect_timeout} and S = {@code socket_timeout}: a call on
 * one server that hangs returns within C + S (see {@link RedisServer}). A read moves on to the next
 * server only while it is younger than C + S, so a read whose every server hangs returns within 2 ×
 * (C + S), and one whose replica hangs typically within S plus the primary's answer.
 *
 * <p>Circuit breaker ({@code options.retry_after}, see {@link CircuitBreaker}): once a call to a
 * server times out or cannot connect, calls to that server fail at once with a {@link
 * RedisConnectionException} ("circuit breaker open") until {@code retry_after} has passed; then one
 * call probes it. A read skips a replica whose breaker is open and goes on to the next server at
 * once. Error replies (WRONGTYPE, NOAUTH, LOADING, ...), and a pool with no free connection, do not
 * open it.
 */
final class DefaultClient implements AutoCloseable {
  private final String alias;
  private final List<RedisEndpoint> servers;

  /** The cluster, when {@code location} is {@code redis-cluster://}; then the one endpoint. */
  private final RedisClusterEndpoint cluster;

  /** How long after its start a read may still move on to another server. */
  private final long fallbackWindowNanos;

  /**
   * @param settings the alias's servers and options
   * @param clock the circuit breakers' time source
   * @param metrics the alias's counters (the breakers' events)
   * @param sockets wraps each server's socket factory ({@link UnaryOperator#identity()} but in
   *     tests)
   */
  DefaultClient(
      RedisSettings settings,
      Ticker clock,
      CacheMetrics.Counters metrics,
      UnaryOperator<JedisSocketFactory> sockets) {
    this.alias = settings.alias();
    RedisOptions options = settings.options();
    this.fallbackWindowNanos =
        TimeUnit.MILLISECONDS.toNanos(
            (long) options.connectTimeoutMillis() + options.socketTimeoutMillis());
    if (settings.cluster()) {
      this.cluster =
          new RedisClusterEndpoint(
              alias, settings.locations(), options, settings.tls(), clock, metrics);
      this.servers = List.of(cluster);
      return;
    }
    this.cluster = null;
    if (settings.sentinelService() != null) {
      this.servers =
          List.of(
              new RedisSentinelEndpoint(
                  alias,
                  settings.sentinelService(),
                  settings.locations(),
                  options,
                  settings.tls(),
                  clock,
                  metrics));
      return;
    }
    List<RedisEndpoint> made = new ArrayList<>();
    try {
      for (RedisLocation location : settings.locations()) {
        made.add(
            new RedisServer(alias, location, options, settings.tls(), clock, metrics, sockets));
      }
    } catch (RuntimeException e) {
      made.forEach(RedisEndpoint::close);
      throw e;
    }
    this.servers = List.copyOf(made);
  }

  /** The servers as {@code host:port}, primary first. */
  public List<String> servers() {
    return servers.stream().map(RedisEndpoint::describe).toList();
  }

  /**
   * The servers whose circuit breaker is open now (calls to them fail at once), as {@code
   * host:port}, primary first.
   */
  public List<String> serversBehindOpenBreaker() {
    if (cluster != null) {
      return cluster.nodesBehindOpenBreaker();
    }
    return servers.stream().filter(s -> s.breaker().isOpen()).map(RedisEndpoint::describe).toList();
  }

  /** The primary (the first server of the location); not for a cluster. */
  RedisServer primary() {
    return (RedisServer) servers.get(0);
  }

  /** Which endpoint serves {@code key} now ({@code cluster node host:port} on a cluster). */
  String nodeDescription(byte[] key) {
    return cluster != null ? cluster.nodeFor(key).describe() : servers.get(0).describe();
  }

  /** Whether this is a Redis Cluster. */
  boolean cluster() {
    return cluster != null;
  }

  /**
   * Runs a command on {@code key} that writes (or must see the latest data): on the primary; on a
   * cluster, on the key's node, through that node's breaker.
   */
  <T> T write(byte[] key, Function<UnifiedJedis, T> command) {
    return call(cluster != null ? cluster.nodeFor(key) : servers.get(0), command);
  }

  /** A read of {@code key}: as {@link #read(Function)}; on a cluster, on the key's node. */
  <T> T read(byte[] key, Function<UnifiedJedis, T> command) {
    return cluster != null ? call(cluster.nodeFor(key), command) : read(command);
  }

  /** Runs a write (or anything that must see the latest data) on the primary. */
  <T> T write(Function<UnifiedJedis, T> command) {
    return call(servers.get(0), command);
  }

  /**
   * {@code GET}: the hit path of every cached method, so with a single server it calls the client
   * directly instead of through {@link #read(Function)} (no lambda to allocate).
   */
  byte[] get(byte[] key) {
    if (servers.size() != 1) {
      return read(c -> c.get(key));
    }
    return getOn(cluster != null ? cluster.nodeFor(key) : servers.get(0), key);
  }

  private byte[] getOn(RedisEndpoint primary, byte[] key) {
    CircuitBreaker.Admission admission = admit(primary);
    try {
      byte[] value = primary.client().get(key);
      primary.breaker().answered(admission);
      return value;
    } catch (JedisException e) {
      throw failed(primary, admission, e);
    } catch (RuntimeException | Error e) {
      primary.breaker().inconclusive(admission);
      throw e;
    }
  }

  /** Runs a read on a replica, falling back to the other replicas and then the primary. */
  <T> T read(Function<UnifiedJedis, T> command) {
    if (servers.size() == 1) {
      return write(command);
    }
    List<RedisEndpoint> order = new ArrayList<>(servers.subList(1, servers.size()));
    Collections.shuffle(order, ThreadLocalRandom.current());
    order.add(servers.get(0));
    RedisConnectionException last = null;
    long start = System.nanoTime();
    for (RedisEndpoint server : order) {
      if (last != null && System.nanoTime() - start >= fallbackWindowNanos) {
        break; // the call has used its time: no other server is tried
      }
      try {
        return call(server, command);
      } catch (RedisConnectionException rce) {
        if (last != null) {
          rce.addSuppressed(last);
        }
        last = rce;
      }
    }
    throw last;
  }

  /**
   * Runs {@code commands} in one pipeline on the primary (a write); on a cluster, one batch per
   * node.
   */
  <T> T writePipelined(Function<AbstractPipeline, T> commands) {
    RedisEndpoint primary = servers.get(0);
    return call(
        primary,
        c -> {
          try (AbstractPipeline pipe = primary.pipeline()) {
            return commands.apply(pipe);
          }
        });
  }

  /**
   * {@code GET} of every key, in order: one {@code MGET} on one server (a replica first); on a
   * cluster, whose keys live on several nodes, one pipeline of GETs, which sends one batch per node
   * and never a cross-slot command.
   */
  List<byte[]> getMany(byte[][] keys) {
    if (cluster == null) {
      return read(c -> c.mget(keys));
    }
    return writePipelined(
        pipe -> {
          List<Response<byte[]>> replies = new ArrayList<>(keys.length);
          for (byte[] key : keys) {
            replies.add(pipe.get(key));
          }
          pipe.sync();
          List<byte[]> out = new ArrayList<>(keys.length);
          for (Response<byte[]> r : replies) {
            out.add(r.get());
          }
          return out;
        });
  }

  /** {@code UNLINK} of every key: one command on one server, one pipeline on a cluster. */
  long unlink(byte[][] keys) {
    if (cluster == null) {
      return write(c -> c.unlink(keys));
    }
    return writePipelined(
        pipe -> {
          List<Response<Long>> replies = new ArrayList<>(keys.length);
          for (byte[] key : keys) {
            replies.add(pipe.unlink(key));
          }
          pipe.sync();
          long n = 0;
          for (Response<Long> r : replies) {
            n += r.get();
          }
          return n;
        });
  }

  /**
   * Where an operation over every key (SCAN, FLUSHDB) runs: the primary, or each primary of a
   * cluster as the cluster reports them now.
   */
  List<ScanNode> scanNodes() {
    if (cluster == null) {
      RedisEndpoint primary = servers.get(0);
      return List.of(
          new ScanNode() {
            @Override
            public String describe() {
              return primary.describe();
            }

            @Override
            public ScanResult<String> scan(String cursor, ScanParams params) {
              return write(c -> c.scan(cursor, params));
            }

            @Override
            public long unlink(String[] keys) {
              return write(c -> c.unlink(keys));
            }

            @Override
            public void flushDb() {
              write(c -> c.flushDB());
            }
          });
    }
    Map<String, ConnectionPool> primaries = call(cluster, c -> cluster.primaries());
    List<ScanNode> nodes = new ArrayList<>();
    primaries.forEach((address, pool) -> nodes.add(new ClusterNode(address, pool)));
    return nodes;
  }

  /** One node of the cluster, over its own pool: commands run there, whatever their keys. */
  private final class ClusterNode implements ScanNode {
    private final String address;
    private final ConnectionPool pool;

    ClusterNode(String address, ConnectionPool pool) {
      this.address = address;
      this.pool = pool;
    }

    @Override
    public String describe() {
      return address;
    }

    /** Runs {@code command} on a connection of this node's pool, through the breaker. */
    private <T> T onNode(Function<Jedis, T> command) {
      return DefaultClient.this.call(
          cluster,
          c -> {
            try (Jedis node = new Jedis(pool.getResource())) {
              return command.apply(node);
            }
          });
    }

    @Override
    public ScanResult<String> scan(String cursor, ScanParams params) {
      return onNode(j -> j.scan(cursor, params));
    }

    @Override
    public void flushDb() {
      onNode(Jedis::flushDB);
    }

    @Override
    public long unlink(String[] keys) {
      // keys of several slots: one UNLINK each, in one pipeline to this node
      return onNode(
          node -> {
            try (Pipeline pipe = node.pipelined()) {
              List<Response<Long>> replies = new ArrayList<>(keys.length);
              for (String key : keys) {
                replies.add(pipe.unlink(key));
              }
              pipe.sync();
              long n = 0;
              for (Response<Long> r : replies) {
                n += r.get();
              }
              return n;
            }
          });
    }
  }

  /** Runs {@code command} on {@code server} through its circuit breaker. */
  private <T> T call(RedisEndpoint server, Function<UnifiedJedis, T> command) {
    CircuitBreaker.Admission admission = admit(server);
    try {
      T result = command.apply(server.client());
      server.breaker().answered(admission);
      return result;
    } catch (JedisException e) {
      throw failed(server, admission, e);
    } catch (RuntimeException | Error e) {
      server.breaker().inconclusive(admission);
      throw e;
    }
  }

  /**
   * The breaker's admission for a call to {@code server}.
   *
   * @throws RedisConnectionException naming the alias and the server if the breaker is open
   */
  private CircuitBreaker.Admission admit(RedisEndpoint server) {
    CircuitBreaker.Admission admission = server.breaker().admit();
    if (admission == CircuitBreaker.Admission.REJECT) {
      throw new RedisConnectionException(
          server.describe(),
          "cache '"
              + alias
              + "': Redis server "
              + server.describe()
              + ": "
              + server.breaker().rejection(),
          null);
    }
    return admission;
  }

  /** Tells {@code server}'s breaker how the call ended, and translates {@code e}. */
  private RuntimeException failed(
      RedisEndpoint server, CircuitBreaker.Admission admission, JedisException e) {
    if (e instanceof JedisConnectionException) {
      server.breaker().timedOutOrUnreachable(admission, firstLine(e));
    } else if (e instanceof JedisDataException) {
      server.breaker().answered(admission);
    } else {
      server.breaker().inconclusive(admission); // e.g. no free connection in the pool
    }
    return translate(server, e);
  }

  private RuntimeException translate(RedisEndpoint server, JedisException e) {
    String where = "cache '" + alias + "': Redis server " + server.describe();
    if (e instanceof JedisAccessControlException
        || (e instanceof JedisDataException && isAuthError(e.getMessage()))) {
      server.dropIdleConnections();
      return new RedisConnectionException(
          server.describe(),
          where + " refused the credentials (check username/password): " + firstLine(e),
          e);
    }
    if (e instanceof JedisDataException && isRefusal(e.getMessage())) {
      return new RedisUnavailableException(
          server.describe(),
          where + " refused the command (it cannot serve it now): " + firstLine(e),
          e);
    }
    if (e instanceof JedisDataException) {
      return new CacheException(where + " answered an error: " + firstLine(e), e);
    }
    server.dropIdleConnections();
    String why =
        e instanceof JedisConnectionException
            ? "is unreachable or did not answer in time"
            : "failed";
    return new RedisConnectionException(
        server.describe(), where + " " + why + ": " + firstLine(e), e);
  }

  private static boolean isAuthError(String message) {
    return message != null
        && (message.startsWith("NOAUTH")
            || message.startsWith("WRONGPASS")
            || message.startsWith("NOPERM")
            || message.contains("invalid password"));
  }

  /** Error replies that refuse service for now, see {@link RedisUnavailableException}. */
  private static final List<String> REFUSALS =
      List.of(
          "OOM",
          "READONLY",
          "LOADING",
          "BUSY",
          "MASTERDOWN",
          "NOREPLICAS",
          "TRYAGAIN",
          "CLUSTERDOWN");

  /**
   * Whether an error reply is the server refusing service for now (full, read-only, loading, busy,
   * cut off), an outage to the failure policy, rather than an error about the command or data.
   */
  static boolean isRefusal(String message) {
    if (message == null) {
      return false;
    }
    for (String code : REFUSALS) {
      if (message.startsWith(code)
          && (message.length() == code.length() || message.charAt(code.length()) == ' ')) {
        return true;
      }
    }
    return false;
  }

  private static String firstLine(Throwable e) {
    Throwable t = e;
    String msg = t.getMessage();
    while ((msg == null || msg.isBlank()) && t.getCause() != null) {
      t = t.getCause();
      msg = t.getMessage();
    }
    if (msg == null) {
      return t.getClass().getSimpleName();
    }
    int nl = msg.indexOf('\n');
    return nl < 0 ? msg : msg.substring(0, nl);
  }

  /**
   * Closes every server's idle pooled connections (Django's {@code close()} after a request); the
   * pools stay open, and the next call opens a connection again. Connections in use by calls on
   * other threads are left alone and return to the pool as those calls end, so no call fails; a
   * pool with {@code min_idle > 0} reopens that many on its next eviction run.
   */
  public void releaseConnections() {
    for (RedisEndpoint s : servers) {
      s.dropIdleConnections();
    }
  }

  /** Closes the pools for good; later calls fail. */
  @Override
  public void close() {
    for (RedisEndpoint s : servers) {
      try {
        s.close();
      } catch (RuntimeException e) {
        // closing is best effort
      }
    }
  }

  @Override
  public String toString() {
    return "DefaultClient[" + String.join(", ", servers()) + "]";
  }
}
