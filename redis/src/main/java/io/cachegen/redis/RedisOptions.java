package io.cachegen.redis;

import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheSettings;
import java.util.Set;

/**
 * The Redis options of one alias ({@code caches.<alias>.options.*}), parsed and checked. Every
 * accessor's default is listed in {@link RedisBackendProvider}. Immutable; {@link #toString()}
 * never shows the password.
 */
final class RedisOptions {
  /** Every option name the Redis backend accepts besides the common ones. */
  public static final Set<String> NAMES =
      Set.of(
          "password",
          "username",
          "db",
          "socket_timeout",
          "socket_connect_timeout",
          "max_connections",
          "max_idle",
          "min_idle",
          "client_name",
          "compressor",
          "compress_min_size",
          "max_value_size",
          "max_concurrent_inflations",
          "ignore_exceptions",
          "log_ignored_exceptions",
          "ignored_exceptions_log_interval",
          "retry_after",
          "clear_flushes_db",
          "ssl_ca_certs",
          "ssl_check_hostname",
          "sentinel_username",
          "sentinel_password");

  private final String password;
  private final String username;
  private final int db;
  private final int socketTimeoutMillis;
  private final int connectTimeoutMillis;
  private final int maxConnections;
  private final int maxIdle;
  private final int minIdle;
  private final String clientName;
  private final Compressor compressor;
  private final int compressMinSize;
  private final int maxValueSize;
  private final int maxConcurrentInflations;
  private final boolean ignoreExceptions;
  private final boolean logIgnoredExceptions;
  private final long logIntervalMillis;
  private final long retryAfterMillis;
  private final boolean clearFlushesDb;
  private final String sslCaCerts;
  private final boolean sslCheckHostname;
  private final String sentinelUsername;
  private final String sentinelPassword;

  private RedisOptions(CacheSettings s) {
    this.password = s.option("password").filter(p -> !p.isEmpty()).orElse(null);
    this.username = s.option("username").filter(u -> !u.isEmpty()).orElse(null);
    this.db = s.intOption("db", 0, 0);
    this.socketTimeoutMillis = positiveMillis(s, "socket_timeout", 2000);
    this.connectTimeoutMillis = positiveMillis(s, "socket_connect_timeout", socketTimeoutMillis);
    this.maxConnections = s.intOption("max_connections", 16, 1);
    this.maxIdle = s.intOption("max_idle", maxConnections, 0);
    this.minIdle = s.intOption("min_idle", 0, 0);
    if (minIdle > maxIdle) {
      throw new CacheConfigurationException(
          s.describeOption("min_idle")
              + " = "
              + minIdle
              + " is more than max_idle ("
              + maxIdle
              + "); lower it or raise max_idle");
    }
    this.clientName = s.option("client_name").filter(c -> !c.isEmpty()).orElse(null);
    if (clientName != null && !clientName.matches("[\\x21-\\x7e]+")) {
      throw new CacheConfigurationException(
          s.describeOption("client_name")
              + " = '"
              + clientName
              + "' is not allowed: Redis client names cannot hold spaces or special characters");
    }
    this.compressor =
        Compressor.named(s.stringOption("compressor", "none"), s.describeOption("compressor"));
    this.compressMinSize = s.intOption("compress_min_size", 256, 0);
    this.maxValueSize = s.intOption("max_value_size", Compressor.DEFAULT_MAX_SIZE, 1);
    this.maxConcurrentInflations =
        s.intOption("max_concurrent_inflations", DEFAULT_MAX_CONCURRENT_INFLATIONS, 1);
    this.ignoreExceptions = s.booleanOption("ignore_exceptions", false);
    this.logIgnoredExceptions = s.booleanOption("log_ignored_exceptions", true);
    this.logIntervalMillis = s.secondsOptionAsMillis("ignored_exceptions_log_interval", 10_000);
    this.retryAfterMillis = s.secondsOptionAsMillis("retry_after", 1000);
    this.clearFlushesDb = s.booleanOption("clear_flushes_db", false);
    this.sslCaCerts = s.option("ssl_ca_certs").filter(c -> !c.isEmpty()).orElse(null);
    this.sslCheckHostname = s.booleanOption("ssl_check_hostname", true);
    this.sentinelUsername = s.option("sentinel_username").filter(u -> !u.isEmpty()).orElse(null);
    this.sentinelPassword = s.option("sentinel_password").filter(p -> !p.isEmpty()).orElse(null);
  }

  /**
   * Parses and checks the options of {@code settings}.
   *
   * @throws CacheConfigurationException naming the property of the first bad value
   */
  public static RedisOptions from(CacheSettings settings) {
    return new RedisOptions(settings);
  }

  private static int positiveMillis(CacheSettings s, String name, long defaultMillis) {
    long ms = s.secondsOptionAsMillis(name, defaultMillis);
    if (ms < 1 || ms > Integer.MAX_VALUE) {
      throw new CacheConfigurationException(
          s.describeOption(name)
              + " = '"
              + s.option(name).orElse("")
              + "' is not allowed: use a"
              + " number of seconds of at least 0.001, e.g. 0.5 (0 would mean wait forever)");
    }
    return (int) ms;
  }

  /** {@code password}: used when the location URL has none; {@code null} if unset. */
  public String password() {
    return password;
  }

  /** {@code username} (Redis 6 ACL): used when the location URL has none; {@code null} if unset. */
  public String username() {
    return username;
  }

  /** {@code db}: used when the location URL names none; 0 by default. */
  public int db() {
    return db;
  }

  /** {@code socket_timeout} in milliseconds; 2000 by default. */
  public int socketTimeoutMillis() {
    return socketTimeoutMillis;
  }

  /** {@code socket_connect_timeout} in milliseconds; the socket timeout by default. */
  public int connectTimeoutMillis() {
    return connectTimeoutMillis;
  }

  /** {@code max_connections}: pool size per server; 16 by default. */
  public int maxConnections() {
    return maxConnections;
  }

  /** {@code max_idle}: idle connections kept per server; {@code max_connections} by default. */
  public int maxIdle() {
    return maxIdle;
  }

  /** {@code min_idle}: idle connections kept open per server; 0 by default. */
  public int minIdle() {
    return minIdle;
  }

  /** {@code client_name} (CLIENT SETNAME), or {@code null}. */
  public String clientName() {
    return clientName;
  }

  /** {@code compressor}: {@code none} by default. */
  public Compressor compressor() {
    return compressor;
  }

  /** {@code compress_min_size}: payloads shorter than this many bytes are stored as they are. */
  public int compressMinSize() {
    return compressMinSize;
  }

  /**
   * {@code max_value_size}: the most bytes a stored value may decompress to (16 MiB by default); a
   * value that would decompress to more (a "compression bomb", or a value of a larger
   * configuration) is unreadable: a miss, logged at a bounded rate, overwritten by the next store.
   */
  public int maxValueSize() {
    return maxValueSize;
  }

  /** The default of {@link #maxConcurrentInflations()}. */
  public static final int DEFAULT_MAX_CONCURRENT_INFLATIONS = 4;

  /**
   * {@code max_concurrent_inflations}: how many reads of this alias may inflate a compressed value
   * at once (4 by default), so those reads hold at most about this many times {@code
   * max_value_size} bytes. A read that finds them all busy for {@value InflationGate#WAIT_MILLIS}
   * ms is a miss (logged at a bounded rate).
   */
  public int maxConcurrentInflations() {
    return maxConcurrentInflations;
  }

  /** {@code ignore_exceptions}: connection failures become misses and skipped writes. */
  public boolean ignoreExceptions() {
    return ignoreExceptions;
  }

  /** {@code log_ignored_exceptions}: whether ignored failures are logged (rate-limited). */
  public boolean logIgnoredExceptions() {
    return logIgnoredExceptions;
  }

  /** {@code ignored_exceptions_log_interval}: at most one warning per this many milliseconds. */
  public long logIntervalMillis() {
    return logIntervalMillis;
  }

  /**
   * {@code retry_after}: after a call to a server timed out or could not connect, how long calls to
   * that server fail at once before one probe is let through (see {@link DefaultClient}); 1000 by
   * default, 0 turns the circuit breaker off.
   */
  public long retryAfterMillis() {
    return retryAfterMillis;
  }

  /** {@code clear_flushes_db}: whether {@code clear()} runs FLUSHDB. */
  public boolean clearFlushesDb() {
    return clearFlushesDb;
  }

  /**
   * {@code ssl_ca_certs}: a PEM file of CA certificates to trust for {@code rediss://}, or null.
   */
  public String sslCaCerts() {
    return sslCaCerts;
  }

  /** {@code ssl_check_hostname}: whether TLS checks the server's name; true by default. */
  public boolean sslCheckHostname() {
    return sslCheckHostname;
  }

  /** {@code sentinel_username}: the sentinels' ACL user (Redis Sentinel only), or null. */
  public String sentinelUsername() {
    return sentinelUsername;
  }

  /** {@code sentinel_password}: the sentinels' password (Redis Sentinel only), or null. */
  public String sentinelPassword() {
    return sentinelPassword;
  }

  @Override
  public String toString() {
    return "RedisOptions[db="
        + db
        + (username == null ? "" : ", username=" + username)
        + (password == null ? "" : ", password=****")
        + ", socket_timeout="
        + socketTimeoutMillis
        + "ms, socket_connect_timeout="
        + connectTimeoutMillis
        + "ms, max_connections="
        + maxConnections
        + ", compressor="
        + compressor.id()
        + ", ignore_exceptions="
        + ignoreExceptions
        + ", retry_after="
        + retryAfterMillis
        + "ms, clear_flushes_db="
        + clearFlushesDb
        + "]";
  }
}
