package io.cachegen.benchmarks;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.spi.CacheMetrics;
import java.util.HashMap;
import java.util.Map;

/**
 * Configures the process-wide handler the generated code uses: alias {@code default} with key
 * prefix {@code bench}, on locmem (by value or by reference) or on Redis at {@link RedisTarget}.
 * Everything else is the user's default ({@code record_stats=true}, 300 s timeout, 300 locmem
 * entries), except where {@code -Dbench.record_stats=false} is passed for a profiling run.
 */
final class CachegenSetup {
  private CachegenSetup() {}

  /**
   * Installs a locmem {@code default} alias; {@code store} is {@code reference} or {@code value}.
   */
  static CacheHandler installLocmem(String store) {
    return install(CacheHandler.create(CacheConfig.fromMap(locmem(store))));
  }

  /**
   * Installs a locmem {@code default} alias as {@link #installLocmem(String)} does, on a handler
   * that counts into {@code metrics}.
   */
  static CacheHandler installLocmem(String store, CacheMetrics metrics) {
    return install(
        CacheHandler.builder().config(CacheConfig.fromMap(locmem(store))).metrics(metrics).build());
  }

  private static Map<String, String> locmem(String store) {
    Map<String, String> m = common();
    m.put("caches.default.backend", "locmem");
    m.put("caches.default.options.store_by_value", Boolean.toString(store.equals("value")));
    return m;
  }

  /** Installs a Redis {@code default} alias on {@link RedisTarget#url()}. */
  static CacheHandler installRedis() {
    Map<String, String> m = common();
    m.put("caches.default.backend", "redis");
    m.put("caches.default.location", RedisTarget.url());
    return install(m);
  }

  /**
   * Installs a Redis {@code default} alias on {@link RedisTarget#url()} with the near cache on;
   * {@code store} is {@code reference} or {@code value} (its {@code store_by_value}). The near
   * options are the user's defaults.
   */
  static CacheHandler installNear(String store) {
    Map<String, String> m = common();
    m.putAll(nearAlias(CacheConfig.DEFAULT_ALIAS, RedisTarget.url(), Keys.PREFIX, true));
    m.put("caches.default.options.store_by_value", Boolean.toString(store.equals("value")));
    return install(m);
  }

  /**
   * The properties of a Redis alias on {@code url} under key prefix {@code prefix}, with the near
   * cache on or off (its other options the user's defaults), for a handler of its own.
   */
  static Map<String, String> nearAlias(String alias, String url, String prefix, boolean near) {
    Map<String, String> m = new HashMap<>();
    m.put("caches." + alias + ".backend", "redis");
    m.put("caches." + alias + ".location", url);
    m.put("caches." + alias + ".key_prefix", prefix);
    if (near) {
      m.put("caches." + alias + ".options.near_cache", "true");
    }
    return m;
  }

  /**
   * Installs {@code backend}: {@code locmem} (by reference), {@code locmem-value} or {@code redis}.
   */
  static CacheHandler install(String backend) {
    return switch (backend) {
      case "locmem", "reference" -> installLocmem("reference");
      case "locmem-value", "value" -> installLocmem("value");
      case "redis" -> installRedis();
      default -> throw new IllegalArgumentException(backend);
    };
  }

  private static Map<String, String> common() {
    Map<String, String> m = new HashMap<>();
    m.put("caches.default.key_prefix", Keys.PREFIX);
    String stats = System.getProperty("bench.record_stats");
    if (stats != null) {
      m.put("caches.default.options.record_stats", stats);
    }
    return m;
  }

  private static CacheHandler install(Map<String, String> m) {
    return install(CacheHandler.create(CacheConfig.fromMap(m)));
  }

  private static CacheHandler install(CacheHandler handler) {
    CacheHandler previous = Caches.install(handler);
    if (previous != null) {
      previous.close();
    }
    return handler;
  }

  /** Closes the installed handler. */
  static void uninstall() {
    Caches.reset();
  }
}
