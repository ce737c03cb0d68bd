package io.cachegen.runtime.redis;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.codec.Codecs;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import java.util.Set;

/**
 * {@code backend=redis}: {@link RedisCache}.
 *
 * <p>{@code location}: {@code redis://[user:password@]host:port/db}, {@code rediss://…} (TLS) or
 * {@code unix:///path/redis.sock?db=N}; a comma-separated list is a primary followed by replicas.
 * Options (defaults in brackets): {@code password}, {@code username} (ACL), {@code db} [0] — each
 * used only when the URL has none; {@code socket_timeout} [2 seconds, decimals allowed], {@code
 * socket_connect_timeout} [socket_timeout], {@code max_connections} [16 per server], {@code
 * max_idle} [max_connections], {@code min_idle} [0], {@code client_name}, {@code serializer}
 * [json; or smile], {@code compressor} [none; gzip, zlib/deflate], {@code compress_min_size} [256
 * bytes], {@code ignore_exceptions} [false], {@code log_ignored_exceptions} [true], {@code
 * ignored_exceptions_log_interval} [10 seconds], {@code clear_flushes_db} [false], {@code
 * ssl_ca_certs} [JDK trust store], {@code ssl_check_hostname} [true].
 */
public final class RedisBackendProvider implements CacheBackendProvider {
  @Override
  public String name() {
    return "redis";
  }

  @Override
  public Set<String> options() {
    return RedisOptions.NAMES;
  }

  @Override
  public void validate(CacheSettings settings) {
    Codecs.named(settings.stringOption("serializer", "json"), settings.describeOption("serializer"));
    RedisOptions options = RedisOptions.from(settings);
    RedisLocation.parseAll(settings.location(), settings.describe("location"));
    if (options.sslCaCerts() != null) {
      TlsSettings.trustStore(options.sslCaCerts(), settings.describeOption("ssl_ca_certs"));
    }
  }

  @Override
  public BaseCache create(CacheSettings settings, BackendContext context) {
    return new RedisCache(settings, context);
  }
}
