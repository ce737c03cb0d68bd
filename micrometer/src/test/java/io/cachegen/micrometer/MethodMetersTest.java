package io.cachegen.micrometer;

import static io.cachegen.micrometer.Meters.count;
import static io.cachegen.micrometer.Meters.tagKeys;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-method meters of generated code ({@code CatalogCached}) and their roll-up into the alias. */
class MethodMetersTest {
  private static final String METHOD = "Catalog.title(long)";

  private final MicrometerCacheMetrics metrics = new MicrometerCacheMetrics();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CacheHandler handler =
      CacheHandler.builder()
          .config(CacheConfig.fromMap(Map.of("caches.items.backend", "locmem")))
          .metrics(metrics)
          .build();

  @AfterEach
  void close() {
    handler.close();
  }

  @Test
  void aGeneratedMethodsGetsAndLoadsAreItsOwnMeters() {
    metrics.bindTo(registry);
    Catalog catalog = new CatalogCached(handler);
    catalog.title(1);
    catalog.title(1);
    catalog.title(1);
    catalog.title(2);

    assertThat(count(registry, "cachegen.method.gets", "method", METHOD, "result", "hit"))
        .isEqualTo(2);
    assertThat(count(registry, "cachegen.method.gets", "method", METHOD, "result", "miss"))
        .isEqualTo(2);
    assertThat(count(registry, "cachegen.method.load", "method", METHOD, "result", "success"))
        .isEqualTo(2);
    assertThat(
            registry
                .get("cachegen.method.load.duration")
                .tag("method", METHOD)
                .timeGauge()
                .value(TimeUnit.NANOSECONDS))
        .isPositive();
    assertThat(tagKeys(registry, "cachegen.method.gets"))
        .containsExactly(Set.of("cache", "cache.manager", "method", "result"));
    assertThat(registry.get("cachegen.method.gets").tag("result", "hit").meter().getId())
        .satisfies(
            id -> {
              assertThat(id.getTag("cache")).isEqualTo("items");
              assertThat(id.getTag("cache.manager")).isEqualTo("cachegen");
            });
  }

  @Test
  void theAliasMetersIncludeItsMethodsCounts() {
    Catalog catalog = new CatalogCached(handler);
    catalog.title(1);
    catalog.title(1);
    handler.get("items").get("other", String.class);
    metrics.bindTo(registry);

    assertThat(count(registry, "cache.gets", "cache", "items", "result", "hit")).isEqualTo(1);
    assertThat(count(registry, "cache.gets", "cache", "items", "result", "miss")).isEqualTo(2);
    assertThat(count(registry, "cache.load", "cache", "items", "result", "success")).isEqualTo(1);
    assertThat(count(registry, "cachegen.method.gets", "method", METHOD, "result", "miss"))
        .isEqualTo(1);
  }
}
