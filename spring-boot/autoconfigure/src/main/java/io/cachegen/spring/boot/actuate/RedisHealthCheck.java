package io.cachegen.spring.boot.actuate;

import io.cachegen.redis.RedisCache;
import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.internal.Redaction;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the {@code cachegen} health contributor reports, on every Boot line (each line's glue module
 * turns a {@link Report} into its own {@code Health}): each alias with {@code backend=redis} is
 * sent a {@code PING} ({@link RedisCache#ping()}, which sees an outage even where {@code
 * ignore_exceptions=true} hides it from callers).
 *
 * <p><b>Status.</b> DOWN only where a Redis outage fails calls: when an alias with {@code
 * ignore_exceptions=false} (the default) is unreachable. An unreachable alias with {@code
 * ignore_exceptions=true} leaves the status UP, as the application still answers (its calls are
 * served as misses and its writes skipped); its details say so. A custom status ("DEGRADED") was
 * not used: Boot's aggregator and HTTP mapping do not know it unless each application configures
 * {@code management.endpoint.health.status.order}, so it would sort and map unpredictably.
 *
 * <p><b>Details,</b> by alias: {@code backend}, {@code location} (passwords as {@code ****}),
 * {@code ignoreExceptions}, {@code reachable}, and {@code latencyMillis} when reachable or {@code
 * error} (the failure's message, passwords hidden) and {@code effect} (what calls do meanwhile)
 * when not.
 *
 * <p>The aliases are pinged one after another; a hung server costs its alias's {@code
 * socket_timeout}. Thread-safe.
 */
public final class RedisHealthCheck {
  private final CacheHandler handler;

  /** A check of {@code handler}'s Redis aliases. */
  public RedisHealthCheck(CacheHandler handler) {
    this.handler = handler;
  }

  /**
   * What the check found.
   *
   * @param down whether an outage fails calls now (an unreachable alias with {@code
   *     ignore_exceptions=false})
   * @param details by alias, as described on {@link RedisHealthCheck}
   */
  public record Report(boolean down, Map<String, Object> details) {}

  /** Pings every Redis alias now. */
  public Report check() {
    CacheConfig config = handler.config();
    boolean down = false;
    Map<String, Object> details = new LinkedHashMap<>();
    for (String alias : config.aliases()) {
      CacheSettings settings = config.settings(alias);
      if (!"redis".equals(settings.backend())) {
        continue;
      }
      Map<String, Object> detail = new LinkedHashMap<>();
      detail.put("backend", settings.backend());
      detail.put("location", Redaction.location(settings.location()));
      RedisCache redis = null;
      long start = System.nanoTime();
      RuntimeException failure = null;
      try {
        redis = redisCache(alias);
        start = System.nanoTime();
        redis.ping();
      } catch (RuntimeException e) {
        failure = e;
      }
      boolean ignoresExceptions =
          redis != null ? redis.ignoresExceptions() : ignoresExceptions(settings);
      detail.put("ignoreExceptions", ignoresExceptions);
      if (failure == null) {
        detail.put("reachable", true);
        detail.put("latencyMillis", millis(System.nanoTime() - start));
      } else {
        detail.put("reachable", false);
        detail.put("error", redact(failure.getMessage()));
        detail.put(
            "effect",
            ignoresExceptions
                ? "calls are served as misses and writes are skipped (ignore_exceptions=true)"
                : "calls fail (ignore_exceptions=false)");
        down |= !ignoresExceptions;
      }
      details.put(alias, detail);
    }
    return new Report(down, details);
  }

  private RedisCache redisCache(String alias) {
    BaseCache cache = handler.get(alias);
    if (cache instanceof RedisCache redis) {
      return redis;
    }
    throw new IllegalStateException(
        "backend 'redis' of alias '"
            + alias
            + "' is not cachegen-redis's RedisCache but "
            + cache.getClass().getName());
  }

  /** The setting, for an alias whose cache could not be created (false by default, as Redis's). */
  private static boolean ignoresExceptions(CacheSettings settings) {
    try {
      return settings.booleanOption("ignore_exceptions", false);
    } catch (RuntimeException e) {
      return false;
    }
  }

  private static double millis(long nanos) {
    return BigDecimal.valueOf(nanos)
        .movePointLeft(6)
        .setScale(3, RoundingMode.HALF_UP)
        .doubleValue();
  }

  /** A message with anything that could be a password hidden (cachegen's own never holds one). */
  static String redact(String message) {
    if (message == null) {
      return null;
    }
    return message.indexOf('@') < 0 ? message : Redaction.location(message);
  }
}
