package io.cachegen.micrometer;

import static io.cachegen.micrometer.Meters.count;
import static io.cachegen.micrometer.Meters.hasMetersOf;
import static io.cachegen.micrometer.Meters.tagKeys;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.spi.AbstractCache;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Per-alias meters of a real handler on locmem, read from Micrometer registries. */
class AliasMetersTest {
  private final MicrometerCacheMetrics metrics = new MicrometerCacheMetrics();
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final CacheHandler handler =
      CacheHandler.builder()
          .config(
              CacheConfig.fromMap(
                  Map.of(
                      "caches.default.backend", "locmem",
                      "caches.small.backend", "locmem",
                      "caches.small.options.max_entries", "3",
                      "caches.small.options.cull_frequency", "3",
                      "caches.quiet.backend", "locmem",
                      "caches.quiet.options.record_stats", "false")))
          .metrics(metrics)
          .build();

  @AfterEach
  void close() {
    handler.close();
  }

  @Test
  void getsAreCountedAsSpringBootsCacheGetsWithItsTags() {
    metrics.bindTo(registry);
    BaseCache cache = handler.cache();
    assertThat(cache.get("a", String.class)).isNull();
    cache.set("a", "1");
    assertThat(cache.get("a", String.class)).isEqualTo("1");
    assertThat(cache.get("a", String.class)).isEqualTo("1");

    assertThat(count(registry, "cache.gets", "cache", "default", "result", "hit")).isEqualTo(2);
    assertThat(count(registry, "cache.gets", "cache", "default", "result", "miss")).isEqualTo(1);
    assertThat(
            registry
                .get("cache.gets")
                .tags("cache", "default", "result", "hit")
                .meter()
                .getId()
                .getTags())
        .extracting(t -> t.getKey() + "=" + t.getValue())
        .containsExactlyInAnyOrder(
            "cache=default", "name=default", "cache.manager=cachegen", "result=hit");
    assertThat(tagKeys(registry, "cache.evictions"))
        .containsExactly(Set.of("cache", "name", "cache.manager"));
    assertThat(tagKeys(registry, "cache.load.duration"))
        .containsExactly(Set.of("cache", "name", "cache.manager"));
    assertThat(count(registry, "cache.puts", "cache", "default")).as("the set").isEqualTo(1);
    assertThat(tagKeys(registry, "cache.puts"))
        .containsExactly(Set.of("cache", "name", "cache.manager"));
    assertThat(registry.find("cache.size").meters()).isEmpty();
  }

  @Test
  void getOrSetCountsLoadsTheirFailuresAndTheirTime() {
    metrics.bindTo(registry);
    BaseCache cache = handler.cache();
    assertThat(cache.getOrSet("k", String.class, () -> "v")).isEqualTo("v");
    assertThat(cache.getOrSet("k", String.class, () -> "other")).isEqualTo("v");
    assertThatThrownBy(
            () ->
                cache.getOrSet(
                    "broken",
                    String.class,
                    () -> {
                      throw new IllegalStateException("boom");
                    }))
        .hasMessage("boom");

    assertThat(count(registry, "cache.load", "cache", "default", "result", "success")).isEqualTo(1);
    assertThat(count(registry, "cache.load", "cache", "default", "result", "failure")).isEqualTo(1);
    assertThat(count(registry, "cache.gets", "cache", "default", "result", "hit")).isEqualTo(1);
    assertThat(
            registry
                .get("cache.load.duration")
                .tag("cache", "default")
                .timeGauge()
                .value(TimeUnit.NANOSECONDS))
        .isEqualTo(handler.cache().stats().totalLoadTimeNanos())
        .isPositive();
  }

  @Test
  void entriesDroppedToMakeRoomAreCacheEvictions() {
    metrics.bindTo(registry);
    BaseCache small = handler.get("small");
    for (int i = 0; i < 4; i++) {
      small.set("k" + i, i);
    }
    small.delete("k3");

    assertThat(count(registry, "cache.evictions", "cache", "small")).isEqualTo(1);
  }

  @Test
  void failedStoresAreCachegenFailuresByOperation() {
    metrics.bindTo(registry);
    BaseCache cache = handler.cache();
    assertThat(cache.setMany(Map.of("ok", "1", "bad", new Unencodable()))).containsExactly("bad");

    assertThat(count(registry, "cachegen.failures", "cache", "default", "operation", "store"))
        .isEqualTo(1);
    assertThat(count(registry, "cachegen.failures", "cache", "default", "operation", "lookup"))
        .isZero();
    assertThat(tagKeys(registry, "cachegen.failures"))
        .containsExactly(Set.of("cache", "cache.manager", "operation"));
  }

  @Test
  void aBackendsEventGetsItsMeterWhenFirstSeenOnEveryBoundRegistry() {
    SimpleMeterRegistry later = new SimpleMeterRegistry();
    metrics.bindTo(registry);
    AbstractCache cache = (AbstractCache) handler.cache();
    assertThat(registry.find("cachegen.events").meters()).isEmpty();

    cache.metrics().event("circuit_open");
    cache.metrics().event("circuit_open");
    Runnable nearHit = cache.metrics().eventCounter("near_hit");
    nearHit.run();
    metrics.bindTo(later);

    for (SimpleMeterRegistry r : new SimpleMeterRegistry[] {registry, later}) {
      assertThat(count(r, "cachegen.events", "cache", "default", "event", "circuit_open"))
          .isEqualTo(2);
      assertThat(count(r, "cachegen.events", "cache", "default", "event", "near_hit")).isEqualTo(1);
      assertThat(tagKeys(r, "cachegen.events"))
          .containsExactly(Set.of("cache", "cache.manager", "event"));
    }
  }

  @Test
  void aRegistryBoundLaterSeesAliasesUsedBefore() {
    handler.cache().set("a", "1");
    handler.cache().get("a", String.class);

    metrics.bindTo(registry);

    assertThat(count(registry, "cache.gets", "cache", "default", "result", "hit")).isEqualTo(1);
  }

  @Test
  void registriesBoundBeforeSeeAliasesThatAppearLater() {
    MicrometerCacheMetrics fresh = new MicrometerCacheMetrics();
    SimpleMeterRegistry other = new SimpleMeterRegistry();
    fresh.bindTo(registry);
    fresh.bindTo(other);
    assertThat(registry.getMeters()).isEmpty();

    try (CacheHandler later =
        CacheHandler.builder()
            .config(CacheConfig.fromMap(Map.of("caches.late.backend", "locmem")))
            .metrics(fresh)
            .build()) {
      later.get("late").get("x", String.class);
    }

    assertThat(count(registry, "cache.gets", "cache", "late", "result", "miss")).isEqualTo(1);
    assertThat(count(other, "cache.gets", "cache", "late", "result", "miss")).isEqualTo(1);
  }

  @Test
  void anAliasWithRecordStatsFalseHasNoMeters() {
    metrics.bindTo(registry);
    BaseCache quiet = handler.get("quiet");
    quiet.set("a", "1");
    quiet.get("a", String.class);
    quiet.get("b", String.class);

    assertThat(hasMetersOf(registry, "quiet")).isFalse();
  }

  @Test
  void theCacheManagerTagIsTheOneGivenAndMustNotBeBlank() {
    MicrometerCacheMetrics named = new MicrometerCacheMetrics("catalog");
    named.bindTo(registry);
    named.alias("default").hits(3);

    assertThat(count(registry, "cache.gets", "cache.manager", "catalog", "result", "hit"))
        .isEqualTo(3);
    assertThatThrownBy(() -> new MicrometerCacheMetrics(" "))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cacheManager");
  }

  @Test
  void metersKeepReadingAfterAGarbageCollection() {
    metrics.bindTo(registry);
    handler.cache().get("a", String.class);
    for (int i = 0; i < 3; i++) {
      System.gc();
    }

    assertThat(count(registry, "cache.gets", "cache", "default", "result", "miss")).isEqualTo(1);
  }

  @Test
  void countsStayReadableInProcessAsWithTheDefaultMetrics() {
    BaseCache cache = handler.cache();
    cache.get("a", String.class);

    assertThat(cache.stats().misses()).isEqualTo(1);
    assertThat(metrics.aliasStats().get("default").misses()).isEqualTo(1);
  }
}
