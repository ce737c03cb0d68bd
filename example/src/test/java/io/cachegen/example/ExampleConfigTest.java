package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.redis.RedisFixture;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The example's own cache.properties: valid as shipped, and on Redis through two variables. */
class ExampleConfigTest {
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
  @Tag("redis")
  void twoEnvironmentVariablesMoveItToRedis() {
    CacheConfig config = CacheConfig.load(Map.of(
        "CACHEGEN_CACHES_DEFAULT_BACKEND", "redis",
        "CACHEGEN_CACHES_DEFAULT_LOCATION", RedisFixture.shared()), new Properties());
    try (CacheHandler handler = CacheHandler.create(config)) {
      assertThat(handler.cache().set("example-config-check", 1)).isTrue();
      assertThat(handler.cache().delete("example-config-check")).isTrue();
    }
  }
}
