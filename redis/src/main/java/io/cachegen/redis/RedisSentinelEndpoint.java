package io.cachegen.redis;

import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.spi.CacheMetrics;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.providers.SentineledConnectionProvider;

/**
 * A primary found through Redis Sentinel ({@code redis-sentinel://host:port,host:port/service}):
 * Jedis's sentineled connection provider asks the sentinels which node is the service's primary,
 * keeps a pool to it, and when the sentinels announce a failover ({@code +switch-master}) moves the
 * pool to the new primary, without a restart. Every call goes to the primary: Jedis has no
 * per-replica pools for Sentinel, so replica reads are not offered (see the README). The data
 * nodes' credentials and database come from the URL (or {@code options.username}/{@code password}/
 * {@code db}); the sentinels' own from {@code options.sentinel_username}/{@code sentinel_password}.
 * Thread-safe.
 */
final class RedisSentinelEndpoint implements RedisEndpoint {
  private final SentineledConnectionProvider provider;
  private final UnifiedJedis client;
  private final String described;
  private final CircuitBreaker breaker;

  RedisSentinelEndpoint(
      String alias,
      String service,
      List<RedisLocation> sentinels,
      RedisOptions options,
      SslOptions tls,
      Ticker clock,
      CacheMetrics.Counters metrics) {
    this.described =
        "sentinel service '"
            + service
            + "' via "
            + sentinels.stream().map(RedisLocation::describe).collect(Collectors.joining(","));
    this.breaker = new CircuitBreaker(alias, described, options.retryAfterMillis(), clock, metrics);
    JedisClientConfig primaryConfig =
        RedisServer.clientConfig(
            sentinels.get(0),
            options,
            tls,
            options.connectTimeoutMillis(),
            options.socketTimeoutMillis(),
            false);
    DefaultJedisClientConfig.Builder sentinelConfig =
        DefaultJedisClientConfig.builder()
            .connectionTimeoutMillis(options.connectTimeoutMillis())
            .socketTimeoutMillis(options.socketTimeoutMillis());
    if (options.sentinelUsername() != null) {
      sentinelConfig.user(options.sentinelUsername());
    }
    if (options.sentinelPassword() != null) {
      sentinelConfig.password(options.sentinelPassword());
    }
    if (sentinels.get(0).tls()) { // rediss-sentinel://: the sentinels and the data nodes speak TLS
      sentinelConfig.ssl(true).sslOptions(tls);
    }
    Set<HostAndPort> nodes = new LinkedHashSet<>();
    for (RedisLocation s : sentinels) {
      nodes.add(new HostAndPort(s.host(), s.port()));
    }
    try {
      this.provider =
          new SentineledConnectionProvider(
              service,
              primaryConfig,
              RedisServer.poolConfig(options),
              nodes,
              sentinelConfig.build());
    } catch (JedisException e) {
      throw new RedisConnectionException(
          described,
          "cache '"
              + alias
              + "': Redis "
              + described
              + ": no sentinel named a primary for '"
              + service
              + "' ("
              + e.getMessage()
              + "); check the service name, that the sentinels are reachable, and"
              + " options.sentinel_password",
          e);
    }
    this.client = JedisLine.current().open(provider, primaryConfig);
  }

  @Override
  public UnifiedJedis client() {
    return client;
  }

  @Override
  public Pipeline pipeline() {
    return JedisLine.pipeline(provider);
  }

  @Override
  public CircuitBreaker breaker() {
    return breaker;
  }

  @Override
  public String describe() {
    return described;
  }

  /** The primary the sentinels name now. */
  HostAndPort currentPrimary() {
    return provider.getCurrentMaster();
  }

  @Override
  public void dropIdleConnections() {
    // the provider moves its pool on failover; idle connections close with it
  }

  @Override
  public void close() {
    client.close();
  }

  @Override
  public String toString() {
    return "RedisSentinelEndpoint[" + described + "]";
  }
}
