package io.cachegen.redis;

import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.spi.CacheMetrics;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

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
  private final List<RedisServer> servers;

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
    List<RedisServer> made = new ArrayList<>();
    try {
      for (RedisLocation location : settings.locations()) {
        made.add(
            new RedisServer(alias, location, options, settings.tls(), clock, metrics, sockets));
      }
    } catch (RuntimeException e) {
      made.forEach(RedisServer::close);
      throw e;
    }
    this.servers = List.copyOf(made);
  }

  /** The servers as {@code host:port}, primary first. */
  public List<String> servers() {
    return servers.stream().map(RedisServer::describe).toList();
  }

  /**
   * The servers whose circuit breaker is open now (calls to them fail at once), as {@code
   * host:port}, primary first.
   */
  public List<String> serversBehindOpenBreaker() {
    return servers.stream().filter(s -> s.breaker().isOpen()).map(RedisServer::describe).toList();
  }

  /** The primary (the first server of the location). */
  RedisServer primary() {
    return servers.get(0);
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
    RedisServer primary = servers.get(0);
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
    List<RedisServer> order = new ArrayList<>(servers.subList(1, servers.size()));
    Collections.shuffle(order, ThreadLocalRandom.current());
    order.add(servers.get(0));
    RedisConnectionException last = null;
    long start = System.nanoTime();
    for (RedisServer server : order) {
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

  /** Runs {@code commands} in one pipeline on the primary (a write). */
  <T> T writePipelined(Function<Pipeline, T> commands) {
    RedisServer primary = servers.get(0);
    return call(
        primary,
        c -> {
          try (Pipeline pipe = primary.pipeline()) {
            return commands.apply(pipe);
          }
        });
  }

  /** Runs {@code command} on {@code server} through its circuit breaker. */
  private <T> T call(RedisServer server, Function<UnifiedJedis, T> command) {
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
  private CircuitBreaker.Admission admit(RedisServer server) {
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
      RedisServer server, CircuitBreaker.Admission admission, JedisException e) {
    if (e instanceof JedisConnectionException) {
      server.breaker().timedOutOrUnreachable(admission, firstLine(e));
    } else if (e instanceof JedisDataException) {
      server.breaker().answered(admission);
    } else {
      server.breaker().inconclusive(admission); // e.g. no free connection in the pool
    }
    return translate(server, e);
  }

  private RuntimeException translate(RedisServer server, JedisException e) {
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
    for (RedisServer s : servers) {
      s.dropIdleConnections();
    }
  }

  /** Closes the pools for good; later calls fail. */
  @Override
  public void close() {
    for (RedisServer s : servers) {
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
