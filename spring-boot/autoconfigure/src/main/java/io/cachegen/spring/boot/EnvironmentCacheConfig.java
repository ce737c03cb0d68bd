package io.cachegen.spring.boot;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.origin.Origin;
import org.springframework.boot.origin.OriginLookup;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Reads every alias's settings from Spring's {@code Environment}, with the checks and messages of
 * {@code cache.properties}.
 *
 * <p>Precedence, lowest first: the file the runtime reads on its own ({@code cache.properties} on
 * the class path, or the file named by {@code cachegen.config}), then Spring's property sources in
 * Spring's order ({@code application.yml}/{@code .properties}, profile files, environment
 * variables, system properties, command-line arguments, test properties), so a setting in {@code
 * application.yml} overrides {@code cache.properties} and an environment variable overrides both.
 *
 * <p>In Spring's files a setting is {@code cachegen.caches.<alias>.<setting>}, written as in {@code
 * cache.properties} ({@code key_prefix}, {@code options.max_entries}) or in Spring's kebab-case
 * ({@code key-prefix}, {@code options.max-entries}) or camelCase ({@code keyPrefix}). Environment
 * variables are read as the runtime reads them, {@code CACHEGEN_CACHES_<ALIAS>_<SETTING>} with
 * {@code CACHEGEN_CACHES_DEFAULT_KEY_PREFIX} meaning {@code key_prefix} (Spring's own relaxed
 * binding would read it as {@code key.prefix}). Besides {@code cachegen.caches.*}, the keys under
 * {@code cachegen.} are the starter's own ({@link CachegenProperties}); any other is an error
 * naming it.
 */
final class EnvironmentCacheConfig {
  static final String PREFIX = "cachegen.";
  static final String CACHES = "cachegen.caches.";
  private static final String ENV_PREFIX = "CACHEGEN_CACHES_";

  /** The starter's own keys under {@code cachegen.} (kebab-case), besides {@code caches}. */
  static final Set<String> OWN_KEYS =
      Set.of(
          "config",
          "evict-after-commit",
          "process-wide",
          "cache-manager.enabled",
          "cache-manager.name");

  private EnvironmentCacheConfig() {}

  /** The configuration {@code environment} describes. */
  static CacheConfig load(ConfigurableEnvironment environment) {
    CacheConfig.Layers layers = CacheConfig.layers();
    Properties fileSetting = new Properties();
    String file = environment.getProperty("cachegen.config");
    if (file != null) {
      fileSetting.setProperty("cachegen.config", file);
    }
    layers.defaultFile(Map.of(), fileSetting);
    List<PropertySource<?>> sources = new ArrayList<>();
    environment.getPropertySources().forEach(sources::add);
    for (int i = sources.size() - 1; i >= 0; i--) { // lowest precedence first
      PropertySource<?> source = sources.get(i);
      if (ConfigurationPropertySources.isAttachedConfigurationPropertySource(source)
          || !(source instanceof EnumerablePropertySource<?> enumerable)) {
        continue;
      }
      if (StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME.equals(source.getName())) {
        Map<String, String> variables = new TreeMap<>();
        for (String name : enumerable.getPropertyNames()) {
          if (name.startsWith(ENV_PREFIX)) {
            variables.put(name, String.valueOf(enumerable.getProperty(name)));
          }
        }
        layers.environment(variables);
        continue;
      }
      for (String name : enumerable.getPropertyNames()) {
        if (name.startsWith(PREFIX)) {
          add(layers, environment, enumerable, name);
        }
      }
    }
    return layers.build();
  }

  private static void add(
      CacheConfig.Layers layers,
      ConfigurableEnvironment environment,
      EnumerablePropertySource<?> source,
      String name) {
    String origin = origin(source, name);
    String normal = name.replace("[", ".").replace("]", "");
    if (!normal.startsWith(CACHES)) {
      String own = normal.substring(PREFIX.length());
      if (!OWN_KEYS.contains(kebab(own))) {
        throw new CacheConfigurationException(
            "unknown property '"
                + name
                + "' in "
                + origin
                + ": cachegen's settings are cachegen.caches.<alias>.<setting> and "
                + OWN_KEYS.stream().sorted().map(k -> PREFIX + k).toList());
      }
      return;
    }
    String rest = normal.substring(CACHES.length());
    int dot = rest.indexOf('.');
    String alias = dot < 0 ? rest : rest.substring(0, dot);
    String setting = dot < 0 ? "" : settingName(rest.substring(dot + 1));
    Object raw = source.getProperty(name);
    String value = environment.resolveRequiredPlaceholders(raw == null ? "" : raw.toString());
    layers.setting(alias, setting, value, name, origin);
  }

  /**
   * A setting as the runtime names it: {@code key-prefix}, {@code keyPrefix} → {@code key_prefix};
   * {@code options.max-entries} → {@code options.max_entries}.
   */
  static String settingName(String written) {
    StringBuilder sb = new StringBuilder(written.length() + 4);
    for (int i = 0; i < written.length(); i++) {
      char c = written.charAt(i);
      if (c == '-') {
        sb.append('_');
      } else if (Character.isUpperCase(c)) {
        sb.append('_').append(Character.toLowerCase(c));
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String kebab(String written) {
    return settingName(written).replace('_', '-').toLowerCase(Locale.ROOT);
  }

  /** Where {@code name} was written: the file and line where Spring knows it, else the source. */
  private static String origin(PropertySource<?> source, String name) {
    if (source instanceof OriginLookup<?>) {
      @SuppressWarnings("unchecked")
      Origin origin = ((OriginLookup<String>) source).getOrigin(name);
      if (origin != null) {
        return origin.toString();
      }
    }
    return "property source '" + source.getName() + "'";
  }
}
