package io.cachegen.redis;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import java.util.List;
import redis.clients.jedis.SslOptions;

/**
 * One Redis alias's settings, parsed and checked once, when the handler is built: its options, its
 * servers, the TLS options they connect with and what {@code clear()} deletes by. A {@link
 * RedisCache} and its {@link DefaultClient} are made from this and never read the settings again.
 *
 * @param settings the alias's settings
 * @param options its {@code options.*}
 * @param locations its servers, primary first
 * @param tls the TLS options of its {@code rediss://} servers ({@code ssl_ca_certs} already read)
 * @param clearPattern the SCAN pattern {@code clear()} deletes by ({@link ClearPattern}); {@code
 *     null} with {@code clear_flushes_db=true}
 * @param near the near cache's options; {@code null} without {@code near_cache=true}
 * @param cluster whether {@code location} is a Redis Cluster ({@code redis-cluster://}); then
 *     {@code locations} are its seed nodes
 * @param sentinelService the service name when {@code location} is Redis Sentinel ({@code
 *     redis-sentinel://}), else {@code null}; then {@code locations} are the sentinels
 */
record RedisSettings(
    CacheSettings settings,
    RedisOptions options,
    List<RedisLocation> locations,
    SslOptions tls,
    String clearPattern,
    NearCacheOptions near,
    boolean cluster,
    String sentinelService)
    implements CacheBackendProvider.Prepared {

  /**
   * Parses and checks the Redis settings of {@code settings}, in this order: the options, the
   * location, the credentials, {@code ssl_ca_certs}, and whether {@code clear()} can be confined.
   *
   * @param context gives the key function the clear pattern is derived for
   * @throws CacheConfigurationException naming the first property at fault
   */
  static RedisSettings parse(CacheSettings settings, BackendContext context) {
    RedisOptions options = RedisOptions.from(settings);
    boolean cluster = RedisLocation.isCluster(settings.location());
    String sentinelService = null;
    List<RedisLocation> locations;
    if (cluster) {
      locations = RedisLocation.parseCluster(settings.location(), settings.describe("location"));
    } else if (RedisLocation.isSentinel(settings.location())) {
      RedisLocation.Sentinels sentinels =
          RedisLocation.parseSentinel(settings.location(), settings.describe("location"));
      locations = sentinels.sentinels();
      sentinelService = sentinels.service();
    } else {
      locations = RedisLocation.parseAll(settings.location(), settings.describe("location"));
    }
    checkCredentials(settings, options, locations);
    SslOptions tls =
        TlsSettings.sslOptions(
            options.sslCaCerts(),
            options.sslCheckHostname(),
            settings.describeOption("ssl_ca_certs"));
    String clearPattern =
        options.clearFlushesDb() ? null : ClearPattern.of(settings, context.keyFunction());
    NearCacheOptions near = NearCacheOptions.parse(settings, context.keyFunction());
    if (near != null && cluster) {
      throw new CacheConfigurationException(
          settings.describeOption("near_cache")
              + " = true is not supported on a Redis Cluster yet ("
              + settings.describe("location")
              + " is one): turn it off for this alias");
    }
    if (cluster && options.db() != 0) {
      throw new CacheConfigurationException(
          settings.describeOption("db")
              + " = "
              + options.db()
              + ": a Redis Cluster has only database 0; remove it");
    }
    if (near != null && sentinelService != null) {
      throw new CacheConfigurationException(
          settings.describeOption("near_cache")
              + " = true is not supported with Redis Sentinel yet ("
              + settings.describe("location")
              + " is one): turn it off for this alias");
    }
    return new RedisSettings(
        settings,
        options,
        List.copyOf(locations),
        tls,
        clearPattern,
        near,
        cluster,
        sentinelService);
  }

  /**
   * Fails when a server would be given a user name but no password (Redis ACLs need both).
   *
   * @throws CacheConfigurationException naming {@code options.username} or {@code location},
   *     whichever supplied the user name
   */
  private static void checkCredentials(
      CacheSettings settings, RedisOptions options, List<RedisLocation> locations) {
    for (RedisLocation location : locations) {
      boolean userInUrl = location.username() != null;
      String user = userInUrl ? location.username() : options.username();
      String password = location.password() != null ? location.password() : options.password();
      if (user != null && password == null) {
        String property =
            userInUrl ? settings.describe("location") : settings.describeOption("username");
        throw new CacheConfigurationException(
            property
                + ": user name '"
                + user
                + "' for "
                + location.describe()
                + " needs a password: set "
                + settings.property("options.password")
                + " or put it in the URL (redis://user:password@host:port/db)");
      }
    }
  }

  /** The alias. */
  String alias() {
    return settings.alias();
  }

  @Override
  public BaseCache create(BackendContext context) {
    return new RedisCache(this, context);
  }

  /** Never shows a password: the settings and options redact theirs. */
  @Override
  public String toString() {
    return "RedisSettings[" + settings + ", " + options + "]";
  }
}
