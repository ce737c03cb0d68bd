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

  /** The option names; all but {@code near_cache} are ignored unless it is true. */
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
   * @throws CacheConfigurationException naming the property at fault: a bad value (checked even
   *     with the near cache off, where the options are otherwise ignored), or no prefix to track
   */
  static NearCacheOptions parse(CacheSettings settings, KeyFunction keyFunction) {
    boolean on = settings.booleanOption("near_cache", false);
    // the values are checked whether or not the near cache is on, so a typo never waits for it
    int maxEntries = settings.intOption("near_max_entries", 10_000, 1);
    long maxAge = settings.secondsOptionAsMillis("near_max_age", 60_000);
    positive(settings, "near_max_age", maxAge);
    long interval = settings.secondsOptionAsMillis("near_liveness_interval", 1_000);
    positive(settings, "near_liveness_interval", interval);
    boolean byValue = settings.booleanOption("store_by_value", true);
    String prefix = settings.option("near_tracking_prefix").filter(p -> !p.isEmpty()).orElse(null);
    if (!on) {
      return null;
    }
    if (prefix == null) {
      if (keyFunction != KeyFunction.DEFAULT) {
        throw new CacheConfigurationException(
            settings.property("options.near_cache")
                + " = true needs the prefix every key of this alias starts with, and "
                + settings.describe("key_function")
                + " makes its own keys: set "
                + settings.property("options.near_tracking_prefix"));
      }
      if (settings.keyPrefix().isEmpty()) {
        throw new CacheConfigurationException(
            settings.property("options.near_cache")
                + " = true needs a key prefix, so that Redis reports changes to this alias's keys"
                + " only: set "
                + settings.property("key_prefix"));
      }
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
