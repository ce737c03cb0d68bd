package io.cachegen.redis;

import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.KeyFunction;
import java.util.Set;

/**
 * The near cache options of one Redis alias ({@code caches.<alias>.options.near_*}), parsed and
 * checked when the handler is built; see the README's "Near cache".
 *
 * @param maxEntries {@code near_max_entries}: copies kept in this JVM (10,000 by default)
 * @param maxAgeMillis {@code near_max_age}: the longest a copy is served, whatever Redis says (60 s
 *     by default): the bound on staleness if every other safeguard fails
 * @param livenessIntervalMillis {@code near_liveness_interval} (1 s by default): the bound on
 *     staleness after the tracking connections are lost, which are checked twice per interval (see
 *     {@link NearTracking})
 * @param byValue {@code store_by_value}: copies kept as bytes and decoded on every hit (the
 *     default), or as the objects themselves
 * @param trackingPrefix the key prefix Redis reports changes under: {@code near_tracking_prefix},
 *     else {@code key_prefix + ":"} (what the default key function starts every key with, at every
 *     version)
 */
record NearCacheOptions(
    int maxEntries,
    long maxAgeMillis,
    long livenessIntervalMillis,
    boolean byValue,
    String trackingPrefix) {

  /** The option names, all meaningful only with {@code near_cache=true}. */
  static final Set<String> NAMES =
      Set.of(
          "near_cache",
          "near_max_entries",
          "near_max_age",
          "near_liveness_interval",
          "near_tracking_prefix",
          "store_by_value");

  /**
   * The near cache options of {@code settings}, or {@code null} if {@code near_cache} is not true.
   *
   * @param keyFunction the alias's key function (only the default one yields a tracking prefix)
   * @throws CacheConfigurationException naming the property at fault: a near option without {@code
   *     near_cache=true}, a bad number, or no prefix to track
   */
  static NearCacheOptions parse(CacheSettings settings, KeyFunction keyFunction) {
    if (!settings.booleanOption("near_cache", false)) {
      for (String name : NAMES) {
        if (!name.equals("near_cache") && settings.option(name).isPresent()) {
          throw new CacheConfigurationException(
              settings.describeOption(name)
                  + " is set but "
                  + settings.property("options.near_cache")
                  + " is not true: it applies to the near cache only; remove it or turn the near"
                  + " cache on");
        }
      }
      return null;
    }
    int maxEntries = settings.intOption("near_max_entries", 10_000, 1);
    long maxAge = settings.secondsOptionAsMillis("near_max_age", 60_000);
    positive(settings, "near_max_age", maxAge);
    long interval = settings.secondsOptionAsMillis("near_liveness_interval", 1_000);
    positive(settings, "near_liveness_interval", interval);
    boolean byValue = settings.booleanOption("store_by_value", true);
    String prefix = settings.option("near_tracking_prefix").orElse(null);
    if (prefix != null) {
      if (prefix.isEmpty()) {
        throw new CacheConfigurationException(
            settings.describeOption("near_tracking_prefix")
                + " is empty: Redis would report every key of the server; name the prefix every"
                + " key of this alias starts with");
      }
    } else if (keyFunction != KeyFunction.DEFAULT) {
      throw new CacheConfigurationException(
          settings.property("options.near_cache")
              + " = true needs the prefix every key of this alias starts with, and "
              + settings.describe("key_function")
              + " makes its own keys: set "
              + settings.property("options.near_tracking_prefix"));
    } else if (settings.keyPrefix().isEmpty()) {
      throw new CacheConfigurationException(
          settings.property("options.near_cache")
              + " = true needs a key prefix, so that Redis reports changes to this alias's keys"
              + " only: set "
              + settings.property("key_prefix"));
    } else {
      prefix = settings.keyPrefix() + ":";
    }
    return new NearCacheOptions(maxEntries, maxAge, interval, byValue, prefix);
  }

  private static void positive(CacheSettings settings, String name, long millis) {
    if (millis < 1 || millis > Integer.MAX_VALUE) {
      throw new CacheConfigurationException(
          settings.describeOption(name)
              + " = '"
              + settings.option(name).orElse("")
              + "' is not allowed: use a number of seconds of at least 0.001, e.g. 0.5");
    }
  }
}
