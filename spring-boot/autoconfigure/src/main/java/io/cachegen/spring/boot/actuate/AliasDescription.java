package io.cachegen.spring.boot.actuate;

import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.internal.Redaction;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * One alias as {@code /actuator/cachegen} shows it: its settings without secrets, and its counters.
 *
 * @param backend {@code locmem}, {@code dummy}, {@code redis}, ...
 * @param location where the backend keeps entries, with every password shown as {@code ****}
 * @param timeout the default timeout in seconds, or {@code none}
 * @param keyPrefix put before every key
 * @param version the key version
 * @param keyFunction a registered key function's name, or {@code null} for {@code
 *     prefix:version:key}
 * @param options the backend's options; the value of an option whose name holds a secret ({@code
 *     password}, {@code secret}, {@code token}) is {@code ****}, and the password of a URL in any
 *     value is too
 * @param stats what the alias counted since the handler was created (zero for an alias not used
 *     yet)
 */
public record AliasDescription(
    String backend,
    String location,
    String timeout,
    String keyPrefix,
    int version,
    String keyFunction,
    Map<String, String> options,
    Stats stats) {

  static final String HIDDEN = "****";

  /** Describes {@code settings} and {@code stats}, hiding secrets as the runtime's messages do. */
  static AliasDescription of(CacheSettings settings, CacheStats stats) {
    Map<String, String> options = new LinkedHashMap<>();
    settings.options().forEach((name, value) -> options.put(name, redactOption(name, value)));
    return new AliasDescription(
        settings.backend(),
        Redaction.location(settings.location()),
        seconds(settings.timeout()),
        settings.keyPrefix(),
        settings.version(),
        settings.keyFunction().orElse(null),
        options,
        Stats.of(stats));
  }

  /**
   * An option's value as shown: hidden if its name holds a secret, else with URL passwords hidden.
   */
  static String redactOption(String name, String value) {
    if (Redaction.isSecret(name)) {
      return HIDDEN;
    }
    return value.contains("://") ? Redaction.location(value) : value;
  }

  private static String seconds(Timeout timeout) {
    if (timeout.isNever()) {
      return "none";
    }
    return BigDecimal.valueOf(timeout.toMillis())
        .movePointLeft(3)
        .stripTrailingZeros()
        .toPlainString();
  }

  /**
   * An alias's counters ({@link CacheStats}).
   *
   * @param hits lookups that found a value
   * @param misses lookups that found nothing
   * @param hitRate hits over hits plus misses, 0 when there were none
   * @param puts values stored
   * @param loads computations on a miss that returned a value
   * @param loadFailures computations on a miss that threw
   * @param averageLoadMillis the mean time of a computation, in milliseconds
   * @param lookupFailures reads the backend failed to serve (e.g. Redis down)
   * @param storeFailures writes the backend failed to do
   * @param evictions entries the backend dropped to make room
   * @param events other counts by name ({@code evict_failure}, a backend's own events, ...)
   */
  public record Stats(
      long hits,
      long misses,
      double hitRate,
      long puts,
      long loads,
      long loadFailures,
      double averageLoadMillis,
      long lookupFailures,
      long storeFailures,
      long evictions,
      Map<String, Long> events) {

    static Stats of(CacheStats s) {
      return new Stats(
          s.hits(),
          s.misses(),
          s.hitRate(),
          s.puts(),
          s.loads(),
          s.loadFailures(),
          s.averageLoadPenaltyNanos() / 1_000_000.0,
          s.lookupFailures(),
          s.storeFailures(),
          s.evictions(),
          new TreeMap<>(s.events()));
    }
  }
}
