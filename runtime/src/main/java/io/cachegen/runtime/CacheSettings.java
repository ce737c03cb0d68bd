package io.cachegen.runtime;

import io.cachegen.runtime.internal.Redaction;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The settings of one alias ({@code caches.<alias>.*}), after overrides, with Django's defaults.
 * Immutable. Option accessors parse and check a value and, when it is bad, throw a {@link
 * CacheConfigurationException} that names the property, the value and where it came from.
 *
 * <p>{@link #toString()} never shows a password (options whose name contains {@code password}, or
 * the password part of a {@code location} URL).
 */
public final class CacheSettings {
  private final String alias;
  private final String backend;
  private final String location;
  private final Timeout timeout;
  private final String keyPrefix;
  private final int version;
  private final String keyFunction;
  private final Map<String, String> options;
  private final Map<String, String> origins;

  CacheSettings(
      String alias,
      String backend,
      String location,
      Timeout timeout,
      String keyPrefix,
      int version,
      String keyFunction,
      Map<String, String> options,
      Map<String, String> origins) {
    this.alias = alias;
    this.backend = backend;
    this.location = location;
    this.timeout = timeout;
    this.keyPrefix = keyPrefix;
    this.version = version;
    this.keyFunction = keyFunction;
    this.options = Collections.unmodifiableMap(new TreeMap<>(options));
    this.origins = Map.copyOf(origins);
  }

  /** Settings for {@code alias} with every default and the given backend; for tests and code. */
  public static CacheSettings defaults(String alias, String backend) {
    return new CacheSettings(
        alias, backend, "", Timeout.seconds(300), "", 1, null, Map.of(), Map.of());
  }

  /** A copy with one option set (for programmatic configuration and tests). */
  public CacheSettings withOption(String name, String value) {
    Map<String, String> copy = new TreeMap<>(options);
    copy.put(name, value);
    return new CacheSettings(
        alias, backend, location, timeout, keyPrefix, version, keyFunction, copy, origins);
  }

  /** A copy with another key prefix, version and timeout. */
  public CacheSettings with(String keyPrefix, int version, Timeout timeout) {
    return new CacheSettings(
        alias, backend, location, timeout, keyPrefix, version, keyFunction, options, origins);
  }

  /** A copy with another location. */
  public CacheSettings withLocation(String location) {
    return new CacheSettings(
        alias, backend, location, timeout, keyPrefix, version, keyFunction, options, origins);
  }

  /** A copy with another key function name. */
  public CacheSettings withKeyFunction(String keyFunction) {
    return new CacheSettings(
        alias, backend, location, timeout, keyPrefix, version, keyFunction, options, origins);
  }

  /** The alias, e.g. {@code default}. */
  public String alias() {
    return alias;
  }

  /** The backend name ({@code locmem} unless configured). */
  public String backend() {
    return backend;
  }

  /** The location (backend-specific: a Redis URL, a locmem name); empty if not configured. */
  public String location() {
    return location;
  }

  /** The default timeout; 300 seconds unless configured. */
  public Timeout timeout() {
    return timeout;
  }

  /** The key prefix; empty unless configured. */
  public String keyPrefix() {
    return keyPrefix;
  }

  /** The version; 1 unless configured. */
  public int version() {
    return version;
  }

  /** The registered key function's name, if one is configured. */
  public Optional<String> keyFunction() {
    return Optional.ofNullable(keyFunction);
  }

  /** Every {@code options.*} value by option name (without the {@code options.} part). */
  public Map<String, String> options() {
    return options;
  }

  /** The full property name of a setting, e.g. {@code caches.default.options.max_entries}. */
  public String property(String setting) {
    return "caches." + alias + "." + setting;
  }

  /** The property name of option {@code name}, with where its value came from when known. */
  public String describeOption(String name) {
    return describe("options." + name);
  }

  /** The property name of {@code setting} with where its value came from when known. */
  public String describe(String setting) {
    String origin = origins.get(setting);
    return property(setting) + (origin == null ? "" : " (from " + origin + ")");
  }

  /** The raw value of option {@code name}, if set. */
  public Optional<String> option(String name) {
    return Optional.ofNullable(options.get(name));
  }

  /** Option {@code name} as text, or {@code defaultValue}. */
  public String stringOption(String name, String defaultValue) {
    return options.getOrDefault(name, defaultValue);
  }

  /**
   * Option {@code name} as an int of at least {@code min}, or {@code defaultValue} when unset.
   *
   * @throws CacheConfigurationException naming the property if the value is not such an int
   */
  public int intOption(String name, int defaultValue, int min) {
    String raw = options.get(name);
    if (raw == null) {
      return defaultValue;
    }
    try {
      int value = Integer.parseInt(raw.trim());
      if (value >= min) {
        return value;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CacheConfigurationException(
        describeOption(name) + " = '" + raw + "' is not allowed: use a whole number >= " + min);
  }

  /**
   * Option {@code name} as a boolean ({@code true}/{@code false}, any case), or {@code
   * defaultValue}.
   *
   * @throws CacheConfigurationException naming the property if the value is neither
   */
  public boolean booleanOption(String name, boolean defaultValue) {
    String raw = options.get(name);
    if (raw == null) {
      return defaultValue;
    }
    String v = raw.trim().toLowerCase(Locale.ROOT);
    if (v.equals("true") || v.equals("false")) {
      return v.equals("true");
    }
    throw new CacheConfigurationException(
        describeOption(name) + " = '" + raw + "' is not allowed: use true or false");
  }

  /**
   * Option {@code name} as a duration in seconds (decimals allowed, e.g. {@code 0.5}), in
   * milliseconds, or {@code defaultMillis} when unset.
   *
   * @throws CacheConfigurationException naming the property if the value is not a number >= 0
   */
  public long secondsOptionAsMillis(String name, long defaultMillis) {
    String raw = options.get(name);
    if (raw == null) {
      return defaultMillis;
    }
    try {
      double seconds = Double.parseDouble(raw.trim());
      if (seconds >= 0 && !Double.isInfinite(seconds)) {
        return Math.round(seconds * 1000);
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new CacheConfigurationException(
        describeOption(name)
            + " = '"
            + raw
            + "' is not allowed: use a number of seconds >= 0,"
            + " e.g. 0.5");
  }

  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder("CacheSettings[alias=").append(alias);
    sb.append(", backend=").append(backend);
    if (!location.isEmpty()) {
      sb.append(", location=").append(Redaction.location(location));
    }
    sb.append(", timeout=").append(timeout);
    sb.append(", key_prefix='").append(keyPrefix).append('\'');
    sb.append(", version=").append(version);
    if (keyFunction != null) {
      sb.append(", key_function=").append(keyFunction);
    }
    options.forEach(
        (k, v) ->
            sb.append(", options.")
                .append(k)
                .append('=')
                .append(Redaction.isSecret(k) ? "****" : v));
    return sb.append(']').toString();
  }
}
