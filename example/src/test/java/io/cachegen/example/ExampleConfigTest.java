package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.redis.RedisBackendProvider;
import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.locmem.LocMemBackendProvider;
import io.cachegen.runtime.spi.AbstractCache;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The example's own cache.properties: valid as shipped, and on Redis through two variables. */
class ExampleConfigTest {
  /** A setting line of the file, commented out or not. */
  private static final Pattern SETTING_LINE = Pattern.compile("#?caches\\.default\\.([a-z_.]+)=.*");

  private static final Set<String> LOCMEM_OPTIONS = new LocMemBackendProvider().options();
  private static final Set<String> REDIS_OPTIONS = new RedisBackendProvider().options();

  @Test
  void theShippedFileIsValidLocmem() {
    CacheConfig config = CacheConfig.load(Map.of(), new Properties());
    CacheSettings settings = config.settings("default");
    assertThat(settings.backend()).isEqualTo("locmem");
    assertThat(settings.keyPrefix()).isEqualTo("web");
    assertThat(settings.timeout()).isEqualTo(Timeout.seconds(300));
    CacheHandler.create(config).close();
  }

  @Test
  void theShippedFileShowsEverySettingWithAComment() throws IOException {
    List<String> lines = shippedLines();
    Set<String> shown = new TreeSet<>();
    for (int i = 0; i < lines.size(); i++) {
      Matcher m = SETTING_LINE.matcher(lines.get(i));
      if (m.matches()) {
        shown.add(m.group(1));
        assertThat(lines.get(i - 1)).as("comment above " + lines.get(i)).startsWith("# ");
      }
    }
    Set<String> all = new TreeSet<>(CacheConfig.SETTINGS);
    for (String option : allOptions()) {
      all.add("options." + option);
    }
    assertThat(shown).isEqualTo(all);
  }

  @Test
  void everyLocmemLineUncommentedIsAccepted() throws IOException {
    Map<String, String> props =
        uncommented(name -> LOCMEM_OPTIONS.contains(name) || !REDIS_OPTIONS.contains(name));
    CacheConfig config = CacheConfig.fromMap(props);
    assertThat(config.settings("default").options())
        .containsKeys("max_entries", "cull_frequency", "store_by_value", "serializer");
    CacheHandler.create(config).close();
  }

  @Test
  @Tag("redis")
  void everyRedisLineUncommentedIsAccepted() throws IOException {
    Map<String, String> props =
        uncommented(name -> REDIS_OPTIONS.contains(name) || !LOCMEM_OPTIONS.contains(name));
    props.put("caches.default.backend", "redis");
    props.put("caches.default.location", RedisFixture.shared());
    props.put("caches.default.key_prefix", RedisFixture.uniquePrefix());
    try (CacheHandler handler = CacheHandler.create(CacheConfig.fromMap(props))) {
      assertThat(handler.cache().set("example-config-check", 1)).isTrue();
      assertThat(handler.cache().delete("example-config-check")).isTrue();
    }
  }

  private static Set<String> allOptions() {
    Set<String> all = new TreeSet<>(AbstractCache.COMMON_OPTIONS);
    all.addAll(LOCMEM_OPTIONS);
    all.addAll(REDIS_OPTIONS);
    return all;
  }

  /** The file with every setting line uncommented, keeping the options {@code keep} accepts. */
  private static Map<String, String> uncommented(Predicate<String> keep) throws IOException {
    Map<String, String> props = new TreeMap<>();
    for (String line : shippedLines()) {
      Matcher m = SETTING_LINE.matcher(line);
      if (!m.matches()) {
        continue;
      }
      String setting = m.group(1);
      if (setting.startsWith("options.") && !keep.test(setting.substring("options.".length()))) {
        continue;
      }
      String property = line.startsWith("#") ? line.substring(1) : line;
      int eq = property.indexOf('=');
      String value = property.substring(eq + 1);
      if (!value.isEmpty()) {
        props.put(property.substring(0, eq), value);
      }
    }
    return props;
  }

  private static List<String> shippedLines() throws IOException {
    try (InputStream in = ExampleConfigTest.class.getResourceAsStream("/cache.properties")) {
      assertThat(in).as("cache.properties on the classpath").isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
  }

  @Test
  @Tag("redis")
  void twoEnvironmentVariablesMoveItToRedis() {
    CacheConfig config =
        CacheConfig.load(
            Map.of(
                "CACHEGEN_CACHES_DEFAULT_BACKEND",
                "redis",
                "CACHEGEN_CACHES_DEFAULT_LOCATION",
                RedisFixture.shared()),
            new Properties());
    try (CacheHandler handler = CacheHandler.create(config)) {
      assertThat(handler.cache().set("example-config-check", 1)).isTrue();
      assertThat(handler.cache().delete("example-config-check")).isTrue();
    }
  }
}
