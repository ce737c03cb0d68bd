package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading settings, overrides, defaults and every bad-configuration message. */
class CacheConfigTest {

  private static CacheConfig config(String... keyValues) {
    Map<String, String> map = new HashMap<>();
    for (int i = 0; i < keyValues.length; i += 2) {
      map.put(keyValues[i], keyValues[i + 1]);
    }
    return CacheConfig.fromMap(map);
  }

  private static CacheHandler handler(String... keyValues) {
    return CacheHandler.create(config(keyValues));
  }

  @Test
  void noConfigurationMeansADefaultLocmemAliasWithDjangosDefaults() {
    CacheSettings s = CacheConfig.load(Map.of(), new Properties()).settings("default");
    assertThat(s.backend()).isEqualTo("locmem");
    assertThat(s.timeout()).isEqualTo(Timeout.seconds(300));
    assertThat(s.keyPrefix()).isEmpty();
    assertThat(s.version()).isEqualTo(1);
    assertThat(s.keyFunction()).isEmpty();
    try (CacheHandler h = CacheHandler.create(CacheConfig.load(Map.of(), new Properties()))) {
      assertThat(h.cache().set("a", 1)).isTrue();
      assertThat(h.cache().get("a", Integer.class)).isEqualTo(1);
    }
  }

  @Test
  void readsEverySetting() {
    CacheSettings s =
        config(
                "caches.web.backend", "dummy",
                "caches.web.location", "somewhere",
                "caches.web.timeout", "10",
                "caches.web.key_prefix", "web",
                "caches.web.version", "3",
                "caches.web.key_function", "mine",
                "caches.web.options.max_entries", "5")
            .settings("web");
    assertThat(s.backend()).isEqualTo("dummy");
    assertThat(s.location()).isEqualTo("somewhere");
    assertThat(s.timeout()).isEqualTo(Timeout.seconds(10));
    assertThat(s.keyPrefix()).isEqualTo("web");
    assertThat(s.version()).isEqualTo(3);
    assertThat(s.keyFunction()).contains("mine");
    assertThat(s.options()).containsEntry("max_entries", "5");
  }

  @Test
  void timeoutNoneAndZero() {
    assertThat(config("caches.default.timeout", "none").settings("default").timeout())
        .isEqualTo(Timeout.NEVER);
    assertThat(config("caches.default.timeout", "0").settings("default").timeout())
        .isEqualTo(Timeout.NOW);
  }

  @Test
  void environmentOverridesTheFileAndSystemPropertiesOverrideBoth(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("cache.properties");
    Files.writeString(
        file,
        "caches.default.timeout=10\ncaches.default.key_prefix=file\n"
            + "caches.default.version=1\n");
    Properties sys = new Properties();
    sys.setProperty("cachegen.config", file.toString());
    sys.setProperty("cachegen.caches.default.version", "7");
    Map<String, String> env =
        Map.of(
            "CACHEGEN_CACHES_DEFAULT_KEY_PREFIX", "env",
            "CACHEGEN_CACHES_DEFAULT_VERSION", "5",
            "CACHEGEN_CACHES_DEFAULT_OPTIONS_MAX_ENTRIES", "42",
            "CACHEGEN_CACHES_SESSIONS_BACKEND", "dummy",
            "PATH", "/usr/bin");
    CacheConfig config = CacheConfig.load(env, sys);
    CacheSettings s = config.settings("default");
    assertThat(s.timeout()).isEqualTo(Timeout.seconds(10));
    assertThat(s.keyPrefix()).isEqualTo("env");
    assertThat(s.version()).isEqualTo(7);
    assertThat(s.options()).containsEntry("max_entries", "42");
    assertThat(config.settings("sessions").backend()).isEqualTo("dummy");
  }

  @Test
  void configFileFromTheEnvironment(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("x.properties");
    Files.writeString(file, "caches.default.key_prefix=from-env-file\n");
    CacheConfig config =
        CacheConfig.load(Map.of("CACHEGEN_CONFIG", file.toString()), new Properties());
    assertThat(config.settings("default").keyPrefix()).isEqualTo("from-env-file");
  }

  @Test
  void cachePropertiesOnTheClasspathIsRead(@TempDir Path dir) throws Exception {
    Files.writeString(
        dir.resolve("cache.properties"),
        "caches.default.key_prefix=from-classpath\ncaches.other.timeout=soon\n");
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
      thread.setContextClassLoader(loader);
      Properties sys = new Properties();
      sys.setProperty("cachegen.caches.other.timeout", "7");
      assertThat(CacheConfig.load(Map.of(), sys).settings("default").keyPrefix())
          .isEqualTo("from-classpath");
      assertThatThrownBy(() -> CacheConfig.load(Map.of(), new Properties()))
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageContaining("caches.other.timeout")
          .hasMessageContaining("classpath:cache.properties");
      // a file named by cachegen.config replaces the classpath one
      Path named = dir.resolve("named.properties");
      Files.writeString(named, "caches.default.version=3\n");
      sys.setProperty("cachegen.config", named.toString());
      CacheSettings fromNamed = CacheConfig.load(Map.of(), sys).settings("default");
      assertThat(fromNamed.keyPrefix()).isEmpty();
      assertThat(fromNamed.version()).isEqualTo(3);
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  @Test
  void aMissingConfigFileIsAnError() {
    Properties sys = new Properties();
    sys.setProperty("cachegen.config", "/nonexistent/cache.properties");
    assertThatThrownBy(() -> CacheConfig.load(Map.of(), sys))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("cachegen.config")
        .hasMessageContaining("/nonexistent/cache.properties");
  }

  @Test
  void aMisspeltSettingIsAnErrorWithASuggestion() {
    assertThatThrownBy(() -> config("caches.default.timout", "10"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.timout")
        .hasMessageContaining("did you mean 'timeout'");
  }

  @Test
  void aKeyOutsideCachesIsAnError() {
    assertThatThrownBy(() -> config("cache.default.timeout", "10"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("'cache.default.timeout'");
  }

  @Test
  void aMisspeltEnvironmentVariableIsAnError() {
    assertThatThrownBy(
            () -> CacheConfig.load(Map.of("CACHEGEN_CACHES_DEFAULT_TIMOUT", "1"), new Properties()))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("CACHEGEN_CACHES_DEFAULT_TIMOUT");
  }

  @Test
  void aBadTimeoutIsAnErrorNotASilent300() {
    assertThatThrownBy(() -> config("caches.default.timeout", "ten"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.timeout")
        .hasMessageContaining("'ten'")
        .hasMessageContaining("none");
    assertThatThrownBy(() -> config("caches.default.timeout", "-5"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.timeout")
        .hasMessageContaining("'-5'");
  }

  @org.junit.jupiter.params.ParameterizedTest
  @org.junit.jupiter.params.provider.ValueSource(
      strings = {"9223372036854775807", "9223372036854775808", "9223372036854775", "3155760001"})
  void aTimeoutTooLargeIsAConfigurationErrorNamingTheRange(String value) {
    assertThatThrownBy(() -> config("caches.default.timeout", value))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.timeout")
        .hasMessageContaining("'" + value + "'")
        .hasMessageContaining("3155760000 (100 years)");
  }

  @Test
  void theLongestTimeoutIsAccepted() {
    assertThat(
            config("caches.default.timeout", "3155760000").settings("default").timeout().toMillis())
        .isEqualTo(Timeout.MAX_SECONDS * 1000);
    assertThatThrownBy(() -> Timeout.seconds(Long.MAX_VALUE))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 years");
    assertThatThrownBy(() -> Timeout.of(java.time.Duration.ofDays(365L * 200)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("100 years");
  }

  @Test
  void versionZeroIsAcceptedAsTheMessageForABadVersionSays() {
    CacheConfig config = config("caches.default.version", "0");
    assertThat(config.settings("default").version()).isZero();
    try (CacheHandler handler = CacheHandler.create(config)) {
      assertThat(handler.cache().makeKey("k")).isEqualTo(":0:k");
    }
    assertThatThrownBy(() -> config("caches.default.version", "-1")).hasMessageContaining(">= 0");
  }

  @Test
  void aBadVersionIsAnError() {
    assertThatThrownBy(() -> config("caches.default.version", "x"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.version")
        .hasMessageContaining("'x'");
    assertThatThrownBy(() -> config("caches.default.version", "-1"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.version")
        .hasMessageContaining("'-1'");
  }

  @Test
  void theOriginOfABadValueIsNamed() {
    assertThatThrownBy(
            () ->
                CacheConfig.load(
                    Map.of("CACHEGEN_CACHES_DEFAULT_TIMEOUT", "soon"), new Properties()))
        .hasMessageContaining("caches.default.timeout")
        .hasMessageContaining("environment variable CACHEGEN_CACHES_DEFAULT_TIMEOUT");
  }

  @Test
  void anUnknownBackendIsAnErrorListingTheKnownOnes() {
    assertThatThrownBy(() -> handler("caches.default.backend", "memcached"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.backend")
        .hasMessageContaining("'memcached'")
        .hasMessageContaining("locmem")
        .hasMessageContaining("dummy");
  }

  @Test
  void badLocmemOptionsAreErrors() {
    assertThatThrownBy(() -> handler("caches.default.options.max_entries", "many"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.max_entries")
        .hasMessageContaining("'many'");
    assertThatThrownBy(() -> handler("caches.default.options.max_entries", "-1"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.max_entries")
        .hasMessageContaining("'-1'");
    assertThatThrownBy(() -> handler("caches.default.options.cull_frequency", "-1"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.cull_frequency")
        .hasMessageContaining("'-1'");
    assertThatThrownBy(() -> handler("caches.default.options.store_by_value", "yes"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.store_by_value");
  }

  @Test
  void anUnknownOptionIsAnErrorListingTheAllowedOnes() {
    assertThatThrownBy(() -> handler("caches.default.options.max_entires", "5"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.max_entires")
        .hasMessageContaining("max_entries");
  }

  @Test
  void anUnknownSerializerIsAnError() {
    assertThatThrownBy(() -> handler("caches.default.options.serializer", "pickle"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.serializer")
        .hasMessageContaining("'pickle'");
  }

  @Test
  void anUnregisteredKeyFunctionIsAnError() {
    assertThatThrownBy(() -> handler("caches.default.key_function", "nope"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.key_function")
        .hasMessageContaining("'nope'");
  }

  @Test
  void anUnknownAliasAtRunTimeIsAnErrorListingTheConfiguredOnes() {
    try (CacheHandler h = handler("caches.sessions.backend", "dummy")) {
      assertThatThrownBy(() -> h.get("sesions"))
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageContaining("'sesions'")
          .hasMessageContaining("[default, sessions]");
    }
  }

  @Test
  void toStringNeverShowsAPassword() {
    CacheSettings s =
        config(
                "caches.default.location", "redis://user:s3cret@host:6379/0",
                "caches.default.options.password", "s3cret")
            .settings("default");
    assertThat(s.toString()).doesNotContain("s3cret").contains("host:6379").contains("user:****@");
  }

  @Test
  void layersApplyInOrderWithTheirOriginsInMessages() {
    CacheConfig config =
        CacheConfig.layers()
            .setting("default", "timeout", "60", "cachegen.caches.default.timeout", "first")
            .setting("default", "timeout", "30", "cachegen.caches.default.timeout", "second")
            .environment(Map.of("CACHEGEN_CACHES_DEFAULT_KEY_PREFIX", "app", "PATH", "/bin"))
            .build();
    assertThat(config.settings("default").timeout()).isEqualTo(Timeout.seconds(30));
    assertThat(config.settings("default").keyPrefix()).isEqualTo("app");

    assertThatThrownBy(
            () ->
                CacheConfig.layers()
                    .setting("default", "timeout", "ten", "cachegen.caches.default.timeout", "yml")
                    .build())
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.timeout (from yml) = 'ten'");
    assertThatThrownBy(
            () ->
                CacheConfig.layers()
                    .setting("default", "timout", "1", "cachegen.caches.default.timout", "yml"))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("'cachegen.caches.default.timout' in yml")
        .hasMessageContaining("did you mean 'timeout'");
  }
}
