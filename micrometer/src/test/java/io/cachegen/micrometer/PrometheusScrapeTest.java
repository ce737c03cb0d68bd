package io.cachegen.micrometer;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What Prometheus scrapes: one label set per metric name, also beside a Caffeine cache bound the
 * way Spring Boot binds one (so a Boot application with both exports both).
 */
class PrometheusScrapeTest {
  private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})? ");
  private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

  private final MicrometerCacheMetrics metrics = new MicrometerCacheMetrics();
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final CacheHandler handler =
      CacheHandler.builder()
          .config(
              CacheConfig.fromMap(
                  Map.of("caches.default.backend", "locmem", "caches.items.backend", "locmem")))
          .metrics(metrics)
          .build();

  @AfterEach
  void close() {
    handler.close();
    registry.close();
  }

  @Test
  void everyMetricHasOneLabelSetBesideSpringBootsCaffeineMeters() {
    Cache<String, String> caffeine = Caffeine.newBuilder().recordStats().build();
    CaffeineCacheMetrics.monitor(
        registry, caffeine, "books", Tags.of("cache.manager", "cacheManager", "name", "books"));
    caffeine.getIfPresent("x");
    metrics.bindTo(registry);
    Catalog catalog = new CatalogCached(handler);
    catalog.title(1);
    catalog.title(1);
    handler.cache().get("a", String.class);
    handler.cache().setMany(Map.of("bad", new Unencodable()));
    ((io.cachegen.runtime.spi.AbstractCache) handler.cache()).metrics().event("circuit_open");

    String scrape = registry.scrape();
    Map<String, Set<Set<String>>> labelSets = labelSets(scrape);

    assertThat(labelSets)
        .containsKeys(
            "cache_gets_total",
            "cache_evictions_total",
            "cache_load_total",
            "cache_load_duration_seconds",
            "cachegen_failures_total",
            "cachegen_events_total",
            "cachegen_method_gets_total",
            "cachegen_method_load_total",
            "cachegen_method_load_duration_seconds");
    labelSets.forEach((name, sets) -> assertThat(sets).as("label sets of %s", name).hasSize(1));
    assertThat(labelSets.get("cache_gets_total"))
        .containsExactly(Set.of("cache", "name", "cache_manager", "result"));
    assertThat(scrape)
        .contains("cache_gets_total{cache=\"books\"")
        .contains(
            "cache_gets_total{cache=\"items\",cache_manager=\"cachegen\",name=\"items\",result=\"hit\"} 1.0")
        .contains(
            "cache_gets_total{cache=\"default\",cache_manager=\"cachegen\",name=\"default\",result=\"miss\"} 1.0")
        .contains(
            "cachegen_method_gets_total{cache=\"items\",cache_manager=\"cachegen\",method=\"Catalog.title(long)\",result=\"miss\"} 1.0")
        .contains(
            "cachegen_failures_total{cache=\"default\",cache_manager=\"cachegen\",operation=\"store\"} 1.0")
        .contains(
            "cachegen_events_total{cache=\"default\",cache_manager=\"cachegen\",event=\"circuit_open\"} 1.0");
  }

  /** Metric name → the distinct sets of label names its samples carry. */
  private static Map<String, Set<Set<String>>> labelSets(String scrape) {
    Map<String, Set<Set<String>>> out = new HashMap<>();
    for (String line : scrape.split("\n")) {
      Matcher sample = SAMPLE.matcher(line);
      if (line.startsWith("#") || !sample.find()) {
        continue;
      }
      Set<String> labels = new TreeSet<>();
      if (sample.group(3) != null) {
        Matcher label = LABEL.matcher(sample.group(3));
        while (label.find()) {
          labels.add(label.group(1));
        }
      }
      out.computeIfAbsent(sample.group(1), n -> new HashSet<>()).add(labels);
    }
    return out;
  }
}
