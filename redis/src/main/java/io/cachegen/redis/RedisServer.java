package io.cachegen.redis;

import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.spi.CacheMetrics;
import java.time.Duration;
import java.util.function.UnaryOperator;
import redis.clients.jedis.ClientSetInfoConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.ConnectionFactory;
import redis.clients.jedis.ConnectionPoolConfig;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.DefaultJedisSocketFactory;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.providers.PooledConnectionProvider;

/**
 * One Redis server of an alias with its own connection pool (a Jedis {@link UnifiedJedis} over a
 * pooled connection provider, opened by {@link JedisLine}). Getting a connection takes at most
 * {@code socket_connect_timeout}, whether it waits for a free one in the pool or opens a new one;
 * the reply then takes at most {@code socket_timeout}. So a call on a server that hangs returns
 * within {@code socket_connect_timeout + socket_timeout}. Each server has its own {@link
 * CircuitBreaker}, so a hung replica does not stop calls to the primary. Thread-safe.
 */
final class RedisServer implements RedisEndpoint {
  private final RedisLocation location;
  private final PooledConnectionProvider provider;
  private final UnifiedJedis client;
  private final String described;
  private final CircuitBreaker breaker;
  private final RedisOptions options;
  private final SslOptions tls;

  /**
   * @param alias the cache alias, for the breaker's log lines
   * @param tls the TLS options, used if {@code location} is {@code rediss://}
   * @param clock the breaker's time source
   * @param metrics the alias's counters, for the breaker's events
   * @param sockets wraps the socket factory: {@link UnaryOperator#identity()} except in tests that
   *     count connections and writes
   */
  RedisServer(
      String alias,
      RedisLocation location,
      RedisOptions options,
      SslOptions tls,
      Ticker clock,
      CacheMetrics.Counters metrics,
      UnaryOperator<JedisSocketFactory> sockets) {
    this.location = location;
    this.options = options;
    this.tls = tls;
    this.described = location.describe();
    this.breaker = new CircuitBreaker(alias, described, options.retryAfterMillis(), clock, metrics);
    JedisClientConfig config =
        clientConfig(
            location,
            options,
            tls,
            options.connectTimeoutMillis(),
            options.socketTimeoutMillis(),
            false);
    ConnectionPoolConfig pool = poolConfig(options);
    // what Jedis builds from a HostAndPort too, with the socket factory made explicit
    JedisSocketFactory socketFactory =
        socketFactory(location, config, options.connectTimeoutMillis());
    this.provider =
        new PooledConnectionProvider(
            new ConnectionFactory(sockets.apply(socketFactory), config), pool);
    this.client = JedisLine.current().open(provider, config);
  }

  /** The pool settings of one server (or of each node of a cluster). */
  static ConnectionPoolConfig poolConfig(RedisOptions options) {
    ConnectionPoolConfig pool = new ConnectionPoolConfig();
    pool.setMaxTotal(options.maxConnections());
    pool.setMaxIdle(options.maxIdle());
    pool.setMinIdle(options.minIdle());
    pool.setBlockWhenExhausted(true);
    pool.setMaxWait(Duration.ofMillis(options.connectTimeoutMillis()));
    pool.setTestWhileIdle(true);
    pool.setJmxEnabled(false);
    return pool;
  }

  /** The Jedis client settings of one server (or of every node of a cluster). */
  static JedisClientConfig clientConfig(
      RedisLocation location,
      RedisOptions options,
      SslOptions tls,
      int connectTimeoutMillis,
      int socketTimeoutMillis,
      boolean resp2) {
    String user = location.username() != null ? location.username() : options.username();
    String password = location.password() != null ? location.password() : options.password();
    int db = location.db() != null ? location.db() : options.db();
    DefaultJedisClientConfig.Builder b =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(connectTimeoutMillis)
            .socketTimeoutMillis(socketTimeoutMillis)
            .database(db)
            .clientSetInfoConfig(ClientSetInfoConfig.DISABLED);
    if (user != null) {
      b.user(user); // with a password: RedisSettings.parse made sure
    }
    if (password != null) {
      b.password(password);
    }
    if (resp2) {
      b.protocol(RedisProtocol.RESP2); // Jedis 8 negotiates RESP3 unless told
    }
    if (options.clientName() != null) {
      b.clientName(options.clientName());
    }
    if (location.tls()) {
      b.sslOptions(tls);
    }
    return b.build();
  }

  @Override
  public UnifiedJedis client() {
    return client;
  }

  /**
   * A new connection of its own, outside the pool (the near cache's tracking connections), with the
   * alias's credentials, database and TLS, its replies awaited at most {@code socketTimeoutMillis}.
   * The caller closes it.
   */
  Connection dedicatedConnection(int socketTimeoutMillis) {
    int connectTimeout = Math.min(options.connectTimeoutMillis(), socketTimeoutMillis);
    JedisClientConfig config =
        clientConfig(location, options, tls, connectTimeout, socketTimeoutMillis, true);
    return new Connection(socketFactory(location, config, connectTimeout), config);
  }

  private static JedisSocketFactory socketFactory(
      RedisLocation location, JedisClientConfig config, int connectTimeoutMillis) {
    return location.unixSocket()
        ? new UnixSocketFactory(
            location.socketPath(), connectTimeoutMillis, config.getSocketTimeoutMillis())
        : new DefaultJedisSocketFactory(new HostAndPort(location.host(), location.port()), config);
  }

  /** A pipeline on a pooled connection; closing it returns the connection. */
  @Override
  public Pipeline pipeline() {
    return JedisLine.pipeline(provider);
  }

  @Override
  public CircuitBreaker breaker() {
    return breaker;
  }

  RedisLocation location() {
    return location;
  }

  /** {@code host:port} or {@code unix:/path}. */
  @Override
  public String describe() {
    return described;
  }

  /**
   * Closes the idle pooled connections: after a connection failure (they most likely point at the
   * same dead or restarted server, and the next call should open a fresh one) and on {@link
   * DefaultClient#releaseConnections()}. The pool stays open; the calls take no lock of ours.
   */
  @Override
  public void dropIdleConnections() {
    try {
      provider.getPool().clear();
    } catch (RuntimeException e) {
      // best effort
    }
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "RedisServer[" + described + "]";
  }
}
