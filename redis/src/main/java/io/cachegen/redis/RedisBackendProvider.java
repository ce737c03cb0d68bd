package io.cachegen.redis;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code backend=redis}: {@link RedisCache}.
 *
 * <p>{@code location}: {@code redis://[user:password@]host:port/db}, {@code rediss://…} (TLS) or
 * {@code unix:///path/redis.sock?db=N}; a comma-separated list is a primary followed by replicas.
 * Options (defaults in brackets): {@code password}, {@code username} (ACL), {@code db} [0] — each
 * used only when the URL has none; {@code socket_timeout} [2 seconds, decimals allowed: the longest
 * wait for a reply], {@code socket_connect_timeout} [socket_timeout: the longest wait for a
 * connection, pooled or new], {@code max_connections} [16 per server], {@code max_idle}
 * [max_connections], {@code min_idle} [0], {@code client_name}, {@code serializer} [json; or
 * smile], {@code compressor} [none; gzip, zlib/deflate: with none, values stored compressed are
 * misses], {@code compress_min_size} [256 bytes], {@code max_value_size} [16 MiB: the most bytes a
 * stored value may decompress to; more is an unreadable value, i.e. a miss], {@code
 * max_concurrent_inflations} [4: see {@link InflationGate}], {@code ignore_exceptions} [false],
 * {@code log_ignored_exceptions} [true], {@code ignored_exceptions_log_interval} [10 seconds],
 * {@code retry_after} [1 second: how long a server's circuit breaker stays open after a timeout or
 * connection failure; 0 = off], {@code clear_flushes_db} [false: clear() deletes this alias's keys
 * by pattern, see {@link ClearPattern}], {@code ssl_ca_certs} [JDK trust store], {@code
 * ssl_check_hostname} [true]. The near cache ({@link NearCacheOptions}): {@code near_cache}
 * [false], {@code near_max_entries} [10,000], {@code near_max_age} [60 seconds], {@code
 * near_liveness_interval} [1 second], {@code near_tracking_prefix} [key_prefix + ":"], {@code
 * store_by_value} [true]; each but {@code near_cache} is ignored (though checked) unless it is on.
 *
 * <p>A call on a server that hangs returns (or, with {@code ignore_exceptions}, gives up) within
 * {@code socket_connect_timeout + socket_timeout}; a read whose replica hangs moves on to the other
 * servers only within that time, so it returns within twice that at worst (see {@link
 * DefaultClient}). After such a timeout, calls to that server fail at once for {@code retry_after},
 * then one probe is let through (see {@link CircuitBreaker}).
 */
public final class RedisBackendProvider implements CacheBackendProvider {
  private static final Logger LOG = LoggerFactory.getLogger(RedisBackendProvider.class);

  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Set<String> options() {
    return OPTIONS;
  }

  private static final Set<String> OPTIONS = union(RedisOptions.NAMES, NearCacheOptions.NAMES);

  private static Set<String> union(Set<String> a, Set<String> b) {
    java.util.Set<String> all = new java.util.HashSet<>(a);
    all.addAll(b);
    return Set.copyOf(all);
  }

  /**
   * {@inheritDoc}
   *
   * <p>Parses the options, the location and {@code ssl_ca_certs} once ({@link RedisSettings});
   * checks that {@code clear()} can be confined to this alias's keys (see {@link ClearPattern}),
   * and warns when the key prefix is empty.
   */
  @Override
  public Prepared prepare(CacheSettings settings, BackendContext context) {
    JedisLine.current(); // an unsupported Jedis fails here, at start-up, naming its version
    RedisSettings prepared = RedisSettings.parse(settings, context);
    if (prepared.clearPattern() != null && settings.keyPrefix().isEmpty()) {
      RedisLocation primary = prepared.locations().get(0);
      LOG.warn(
          "cache '{}': {} is empty, so clear() deletes every key matching '{}' on {} (db {}),"
              + " including those of any other alias or application that uses no prefix there; set a"
              + " key_prefix to keep them apart",
          settings.alias(),
          settings.property("key_prefix"),
          prepared.clearPattern(),
          primary.describe(),
          primary.db() != null ? primary.db() : prepared.options().db());
    }
    return prepared;
  }

  @Override
  public BaseCache create(CacheSettings settings, BackendContext context) {
    return prepare(settings, context).create(context);
  }
}
