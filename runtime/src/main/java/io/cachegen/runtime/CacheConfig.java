package io.cachegen.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Every alias's settings: Django's {@code CACHES}, read from properties.
 *
 * <p>{@link #load()} reads, lowest precedence first:
 *
 * <ol>
 *   <li>the file named by system property {@code cachegen.config} or environment variable {@code
 *       CACHEGEN_CONFIG}, or else {@code cache.properties} on the classpath (if present);
 *   <li>environment variables {@code CACHEGEN_CACHES_<ALIAS>_<SETTING>}, e.g. {@code
 *       CACHEGEN_CACHES_DEFAULT_KEY_PREFIX} or {@code CACHEGEN_CACHES_DEFAULT_OPTIONS_MAX_ENTRIES};
 *   <li>system properties {@code cachegen.caches.<alias>.<setting>}.
 * </ol>
 *
 * <p>Keys are {@code caches.<alias>.<setting>} with the settings {@code backend} (default {@code
 * locmem}), {@code location}, {@code timeout} (seconds, {@code none} = never expires, {@code 0} =
 * do not cache; default 300), {@code key_prefix} (default empty), {@code version} (default 1),
 * {@code key_function} and {@code options.<name>}. Alias {@code default} always exists (locmem
 * unless configured). A misspelt key, a bad number or a bad timeout is a {@link
 * CacheConfigurationException} naming the property, the value and what is allowed.
 */
public final class CacheConfig {
  /** The alias of {@link Caches#cache()}, as Django's {@code DEFAULT_CACHE_ALIAS}. */
  public static final String DEFAULT_ALIAS = "default";

  /** The setting names an alias accepts, besides {@code options.*}. */
  public static final List<String> SETTINGS =
      List.of("backend", "location", "timeout", "key_prefix", "version", "key_function");

  static final String FILE_PROPERTY = "cachegen.config";
  static final String FILE_ENV = "CACHEGEN_CONFIG";
  static final String CLASSPATH_FILE = "cache.properties";
  private static final String PREFIX = "caches.";
  private static final String SYSPROP_PREFIX = "cachegen.caches.";
  private static final String ENV_PREFIX = "CACHEGEN_CACHES_";
  private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_-]+");
  private static final Pattern OPTION = Pattern.compile("[a-z0-9_]+");

  private final Map<String, CacheSettings> aliases;

  private CacheConfig(Map<String, CacheSettings> aliases) {
    this.aliases = Collections.unmodifiableMap(aliases);
  }

  /** Loads the configuration from the file, the environment and system properties (see above). */
  public static CacheConfig load() {
    return load(System.getenv(), System.getProperties());
  }

  /** As {@link #load()}, with the environment and system properties given (for tests). */
  public static CacheConfig load(Map<String, String> env, Properties systemProperties) {
    Layers layers = layers().defaultFile(env, systemProperties).environment(env);
    layers.builder.addSystemProperties(systemProperties);
    return layers.build();
  }

  /**
   * Builds a configuration from sources an integration reads itself (the Spring Boot starter reads
   * Spring's {@code Environment}), lowest precedence first, with the same checks and messages as
   * {@link #load()}.
   */
  public static Layers layers() {
    return new Layers();
  }

  /** A configuration from properties alone, with no file, environment or system properties. */
  public static CacheConfig fromProperties(Properties properties) {
    Builder builder = new Builder();
    builder.addProperties(properties, "properties");
    return builder.build();
  }

  /** A configuration from {@code caches.*} key/value pairs, for code and tests. */
  public static CacheConfig fromMap(Map<String, String> properties) {
    Properties p = new Properties();
    p.putAll(properties);
    return fromProperties(p);
  }

  /** The configured aliases, sorted, {@code default} always among them. */
  public Set<String> aliases() {
    return aliases.keySet();
  }

  /** The settings of {@code alias}, if configured. */
  public Optional<CacheSettings> find(String alias) {
    return Optional.ofNullable(aliases.get(alias));
  }

  /**
   * The settings of {@code alias}.
   *
   * @throws CacheConfigurationException naming the alias and the configured ones if it is unknown
   */
  public CacheSettings settings(String alias) {
    CacheSettings settings = aliases.get(alias);
    if (settings == null) {
      throw new CacheConfigurationException(
          "Could not find config for '"
              + alias
              + "' in caches; configured aliases: "
              + aliases.keySet()
              + ". Add caches."
              + alias
              + ".backend=<backend> to configure it");
    }
    return settings;
  }

  @Override
  public String toString() {
    return "CacheConfig" + aliases.values();
  }

  /**
   * Sources of settings, added lowest precedence first: a later value of a setting replaces an
   * earlier one. Each value is checked as it is added (an unknown setting fails, naming it and its
   * origin); {@link #build()} checks the values.
   */
  public static final class Layers {
    private final Builder builder = new Builder();

    private Layers() {}

    /**
     * The file {@link #load()} reads: the one named by system property {@code cachegen.config} or
     * environment variable {@code CACHEGEN_CONFIG}, else {@code cache.properties} on the class path
     * if present.
     */
    public Layers defaultFile(Map<String, String> env, Properties systemProperties) {
      String file = systemProperties.getProperty(FILE_PROPERTY);
      String fileOrigin = "system property " + FILE_PROPERTY;
      if (file == null) {
        file = env.get(FILE_ENV);
        fileOrigin = "environment variable " + FILE_ENV;
      }
      if (file != null) {
        builder.addFile(Path.of(file), fileOrigin);
      } else {
        builder.addClasspathFile();
      }
      return this;
    }

    /**
     * One setting: {@code alias} and {@code setting} ({@code timeout}, {@code options.max_entries},
     * ...), with {@code property}, the name the user wrote, and {@code origin}, where it was
     * written, for messages.
     *
     * @throws CacheConfigurationException if the alias or the setting is not allowed
     */
    public Layers setting(
        String alias, String setting, String value, String property, String origin) {
      builder.put(alias + "." + setting, value, property, origin);
      return this;
    }

    /**
     * Environment variables as {@link #load()} reads them: {@code
     * CACHEGEN_CACHES_<ALIAS>_<SETTING>} ({@code CACHEGEN_CACHES_DEFAULT_KEY_PREFIX}); others are
     * ignored.
     */
    public Layers environment(Map<String, String> env) {
      builder.addEnvironment(env);
      return this;
    }

    /**
     * The configuration.
     *
     * @throws CacheConfigurationException naming the first bad setting and its origin
     */
    public CacheConfig build() {
      return builder.build();
    }
  }

  /** Collects raw values with their origins, then checks and converts them. */
  private static final class Builder {
    private final Map<String, Map<String, String>> values = new TreeMap<>();
    private final Map<String, Map<String, String>> origins = new TreeMap<>();

    void addClasspathFile() {
      ClassLoader loader = Thread.currentThread().getContextClassLoader();
      if (loader == null) {
        loader = CacheConfig.class.getClassLoader();
      }
      try (InputStream in = loader.getResourceAsStream(CLASSPATH_FILE)) {
        if (in == null) {
          return;
        }
        Properties p = new Properties();
        p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        addProperties(p, "classpath:" + CLASSPATH_FILE);
      } catch (IOException e) {
        throw new CacheConfigurationException(
            "cannot read classpath:" + CLASSPATH_FILE + ": " + e.getMessage(), e);
      }
    }

    void addFile(Path file, String origin) {
      if (!Files.isRegularFile(file)) {
        throw new CacheConfigurationException(
            origin + " names " + file + ", which is not a readable file");
      }
      try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
        Properties p = new Properties();
        p.load(reader);
        addProperties(p, file.toString());
      } catch (IOException e) {
        throw new CacheConfigurationException(
            "cannot read " + file + " (named by " + origin + "): " + e.getMessage(), e);
      }
    }

    void addProperties(Properties properties, String origin) {
      for (String key : new TreeMap<>(toStringMap(properties)).keySet()) {
        if (!key.startsWith(PREFIX)) {
          throw new CacheConfigurationException(
              "unknown property '"
                  + key
                  + "' in "
                  + origin
                  + ": every key must be caches.<alias>.<setting>, with setting one of "
                  + SETTINGS
                  + " or options.<name>");
        }
        put(key.substring(PREFIX.length()), properties.getProperty(key), key, origin);
      }
    }

    void addEnvironment(Map<String, String> env) {
      for (Map.Entry<String, String> e : new TreeMap<>(env).entrySet()) {
        String name = e.getKey();
        if (!name.startsWith(ENV_PREFIX)) {
          continue;
        }
        String rest = name.substring(ENV_PREFIX.length());
        String origin = "environment variable " + name;
        int options = rest.indexOf("_OPTIONS_");
        String alias;
        String setting = null;
        if (options > 0) {
          alias = rest.substring(0, options);
          setting = "options." + rest.substring(options + "_OPTIONS_".length());
        } else {
          alias = null;
          for (String candidate : SETTINGS) {
            String suffix = "_" + candidate.toUpperCase(Locale.ROOT);
            if (rest.endsWith(suffix) && rest.length() > suffix.length()) {
              alias = rest.substring(0, rest.length() - suffix.length());
              setting = candidate;
              break;
            }
          }
          if (alias == null) {
            throw new CacheConfigurationException(
                "unknown setting in "
                    + origin
                    + ": use CACHEGEN_CACHES_<ALIAS>_<SETTING> with"
                    + " SETTING one of "
                    + upper(SETTINGS)
                    + " or OPTIONS_<NAME>");
          }
        }
        String key = alias.toLowerCase(Locale.ROOT) + "." + setting.toLowerCase(Locale.ROOT);
        put(key, e.getValue(), PREFIX + key, origin);
      }
    }

    void addSystemProperties(Properties properties) {
      for (Map.Entry<String, String> e : new TreeMap<>(toStringMap(properties)).entrySet()) {
        if (e.getKey().startsWith(SYSPROP_PREFIX)) {
          String key = e.getKey().substring(SYSPROP_PREFIX.length());
          put(key, e.getValue(), PREFIX + key, "system property " + e.getKey());
        }
      }
    }

    private void put(String aliasAndSetting, String value, String property, String origin) {
      int dot = aliasAndSetting.indexOf('.');
      String alias = dot < 0 ? aliasAndSetting : aliasAndSetting.substring(0, dot);
      String setting = dot < 0 ? "" : aliasAndSetting.substring(dot + 1);
      if (!ALIAS.matcher(alias).matches()) {
        throw new CacheConfigurationException(
            "'"
                + property
                + "' in "
                + origin
                + " has a bad alias '"
                + alias
                + "': use letters, digits, '_' and '-'");
      }
      boolean known =
          SETTINGS.contains(setting)
              || (setting.startsWith("options.")
                  && OPTION.matcher(setting.substring("options.".length())).matches());
      if (!known) {
        throw new CacheConfigurationException(
            "unknown setting '"
                + property
                + "' in "
                + origin
                + suggestion(setting)
                + ": allowed are "
                + SETTINGS
                + " and options.<name> (lower case)");
      }
      values.computeIfAbsent(alias, a -> new LinkedHashMap<>()).put(setting, value.trim());
      origins.computeIfAbsent(alias, a -> new LinkedHashMap<>()).put(setting, origin);
    }

    CacheConfig build() {
      values.computeIfAbsent(DEFAULT_ALIAS, a -> new LinkedHashMap<>());
      Map<String, CacheSettings> aliases = new TreeMap<>();
      for (Map.Entry<String, Map<String, String>> e : values.entrySet()) {
        String alias = e.getKey();
        aliases.put(alias, settings(alias, e.getValue(), origins.getOrDefault(alias, Map.of())));
      }
      return new CacheConfig(aliases);
    }

    private static CacheSettings settings(
        String alias, Map<String, String> raw, Map<String, String> origins) {
      String backend = raw.getOrDefault("backend", "locmem");
      if (backend.isEmpty()) {
        throw bad(
            alias, "backend", backend, origins, "name a backend, e.g. locmem, dummy or redis");
      }
      Timeout timeout = Timeout.seconds(300);
      if (raw.containsKey("timeout")) {
        try {
          timeout = Timeout.parse(raw.get("timeout"));
        } catch (IllegalArgumentException ex) {
          throw bad(alias, "timeout", raw.get("timeout"), origins, "use " + Timeout.ALLOWED);
        }
      }
      int version = 1;
      if (raw.containsKey("version")) {
        try {
          version = Integer.parseInt(raw.get("version"));
        } catch (NumberFormatException ex) {
          version = -1;
        }
        if (version < 0) {
          throw bad(alias, "version", raw.get("version"), origins, "use a whole number >= 0");
        }
      }
      String keyFunction = raw.get("key_function");
      if (keyFunction != null && keyFunction.isEmpty()) {
        keyFunction = null;
      }
      Map<String, String> options = new TreeMap<>();
      raw.forEach(
          (k, v) -> {
            if (k.startsWith("options.")) {
              options.put(k.substring("options.".length()), v);
            }
          });
      return new CacheSettings(
          alias,
          backend.toLowerCase(Locale.ROOT),
          raw.getOrDefault("location", ""),
          timeout,
          raw.getOrDefault("key_prefix", ""),
          version,
          keyFunction,
          options,
          origins);
    }

    private static CacheConfigurationException bad(
        String alias, String setting, String value, Map<String, String> origins, String allowed) {
      String origin = origins.get(setting);
      return new CacheConfigurationException(
          "caches."
              + alias
              + "."
              + setting
              + (origin == null ? "" : " (from " + origin + ")")
              + " = '"
              + value
              + "' is not allowed: "
              + allowed);
    }

    private static String suggestion(String setting) {
      String best = null;
      int bestDistance = 3;
      for (String candidate : SETTINGS) {
        int d = distance(setting, candidate);
        if (d < bestDistance) {
          best = candidate;
          bestDistance = d;
        }
      }
      return best == null ? "" : " (did you mean '" + best + "'?)";
    }

    private static int distance(String a, String b) {
      int[] prev = new int[b.length() + 1];
      int[] cur = new int[b.length() + 1];
      for (int j = 0; j <= b.length(); j++) {
        prev[j] = j;
      }
      for (int i = 1; i <= a.length(); i++) {
        cur[0] = i;
        for (int j = 1; j <= b.length(); j++) {
          int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
          cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
        }
        int[] t = prev;
        prev = cur;
        cur = t;
      }
      return prev[b.length()];
    }

    private static List<String> upper(List<String> names) {
      return names.stream().map(n -> n.toUpperCase(Locale.ROOT)).toList();
    }

    private static Map<String, String> toStringMap(Properties properties) {
      Map<String, String> map = new TreeMap<>();
      for (String name : properties.stringPropertyNames()) {
        map.put(name, properties.getProperty(name));
      }
      return map;
    }
  }
}
