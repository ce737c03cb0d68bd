package io.cachegen.redis;

import io.cachegen.runtime.CacheConfigurationException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Properties;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.providers.ClusterConnectionProvider;
import redis.clients.jedis.providers.ConnectionProvider;

/**
 * The Jedis line on the class path, and how to open a client on it: the one place that knows how
 * Jedis 6.0 to 8.x differ. Spring Boot 3.5 manages Jedis 6.0, Boot 4.0 manages 7.0, and Jedis 8
 * removes {@code JedisPooled}; no single way to build a pooled client spans them all:
 *
 * <ul>
 *   <li>{@link #UNIFIED} (Jedis 6.0 to 7.1): a {@link UnifiedJedis} over our connection provider
 *       ({@code RedisClient} does not exist yet);
 *   <li>{@link #REDIS_CLIENT} (Jedis 7.2 and later, including 8.x, where {@code UnifiedJedis}'s
 *       public provider constructor is gone): {@link RedisClient#builder()}.
 * </ul>
 *
 * <p>Everything else the backend calls (commands on {@link UnifiedJedis}, {@link Pipeline} over a
 * pooled connection, the provider's pool, the exceptions) has the same binary signature on every
 * supported line; the build runs the whole Redis suite on Jedis 6.0, 7.0, this module's version and
 * 8.x to keep it so (see {@code redis-compat/}). Each line's branch is compiled against the
 * module's Jedis (which has both APIs) and runs only on the lines that have its classes. Cluster
 * and Sentinel clients, which differ the same way ({@code JedisCluster} and {@code JedisSentineled}
 * up to 7.x, {@code RedisClusterClient} and {@code RedisSentinelClient} in 8), belong here too.
 *
 * <p>An unsupported Jedis (before 6.0, or 9 and later) fails at start-up naming the version found
 * and the range supported.
 */
enum JedisLine {
  /** Jedis 6.0 to 7.1: {@code new UnifiedJedis(provider)}. */
  UNIFIED {
    @Override
    UnifiedJedis open(ConnectionProvider provider, JedisClientConfig config) {
      return new UnifiedJedis(provider);
    }
  },
  /** Jedis 7.2 and later: {@code RedisClient.builder()}. */
  REDIS_CLIENT {
    @Override
    UnifiedJedis open(ConnectionProvider provider, JedisClientConfig config) {
      return Builder.open(provider, config);
    }
  };

  /** The supported range, as users read it. */
  static final String SUPPORTED = "Jedis 6.0 to 8.x";

  /** A client whose every command borrows a connection from {@code provider} and returns it. */
  abstract UnifiedJedis open(ConnectionProvider provider, JedisClientConfig config);

  /**
   * A cluster client over {@code provider} (which keeps the slot map and a pool per node): {@code
   * JedisCluster}, whose constructor and binary signatures are the same on every supported line
   * (deprecated from 7.x in favour of {@code RedisClusterClient}, which 6.0 lacks).
   */
  @SuppressWarnings("deprecation")
  static JedisCluster openCluster(
      ClusterConnectionProvider provider, int maxAttempts, Duration maxTotalRetries) {
    return new JedisCluster(provider, maxAttempts, maxTotalRetries);
  }

  /**
   * A pipeline on a connection borrowed from {@code provider}; closing it returns the connection.
   * ({@code UnifiedJedis.pipelined()} returns a different type on each line.)
   */
  static Pipeline pipeline(ConnectionProvider provider) {
    return new Pipeline(provider.getConnection(), true);
  }

  /**
   * The line of the Jedis on the class path.
   *
   * @throws CacheConfigurationException naming the version found and the range supported, if it is
   *     not supported
   */
  static JedisLine current() {
    return of(version());
  }

  /**
   * The version of the Jedis on the class path, from the {@code pom.properties} it ships in its
   * package (what Jedis reports as its own version), or {@code null} if it has none.
   */
  static String version() {
    try (InputStream in = UnifiedJedis.class.getResourceAsStream("pom.properties")) {
      if (in == null) {
        return null;
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      return null;
    }
  }

  /** The line of Jedis {@code version} (as {@link #version()} gives it). */
  static JedisLine of(String version) {
    int major = part(version, 0);
    int minor = part(version, 1);
    if (major < 6 || major > 8) {
      throw new CacheConfigurationException(
          "cachegen-redis found Jedis "
              + (version == null ? "of an unknown version" : version)
              + " on the class path and supports "
              + SUPPORTED
              + ": use a supported redis.clients:jedis (Spring Boot 3.5 manages 6.0, Boot 4.0"
              + " manages 7.0)");
    }
    return major < 7 || (major == 7 && minor < 2) ? UNIFIED : REDIS_CLIENT;
  }

  /**
   * Names {@link RedisClient} for the {@link #REDIS_CLIENT} line only: a class of its own is loaded
   * (and verified, which loads {@code RedisClient}) only when that line opens a client, so this
   * enum still loads on Jedis 6.0 to 7.1.
   */
  private static final class Builder {
    static UnifiedJedis open(ConnectionProvider provider, JedisClientConfig config) {
      RedisClient client =
          RedisClient.builder().connectionProvider(provider).clientConfig(config).build();
      return client;
    }
  }

  /** The {@code index}th dot-separated number of {@code version}, -1 if there is none. */
  private static int part(String version, int index) {
    String[] parts = version == null ? new String[0] : version.split("[.\\-]");
    if (index >= parts.length) {
      return -1;
    }
    try {
      return Integer.parseInt(parts[index]);
    } catch (NumberFormatException e) {
      return -1;
    }
  }
}
