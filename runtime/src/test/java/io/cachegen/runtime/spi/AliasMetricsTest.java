package io.cachegen.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheStats;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link AbstractCache} counts for its alias, read through {@link BaseCache#stats()} and the
 * handler's {@link CacheMetrics}: hits and misses of every read, getOrSet's loads, failures that
 * reach the caller, and what a backend reports itself.
 */
class AliasMetricsTest {
  private final CacheHandler handler =
      CacheHandler.builder()
          .config(
              CacheConfig.fromMap(
                  Map.of(
                      "caches.default.backend", "map",
                      "caches.quiet.backend", "map",
                      "caches.quiet.options.record_stats", "false")))
          .backend(MapCache.PROVIDER)
          .build();
  private final MapCache cache = (MapCache) handler.cache();

  @AfterEach
  void close() {
    handler.close();
  }

  @Test
  void readsCountHitsAndMisses() {
    cache.set("a", "1");
    cache.get("a", String.class);
    cache.get("absent", String.class);
    cache.getMany(List.of("a", "absent"), String.class);
    CacheStats stats = cache.stats();
    assertThat(stats.hits()).isEqualTo(2);
    assertThat(stats.misses()).isEqualTo(2);
    assertThat(handler.metrics().aliasStats()).containsEntry("default", stats);
  }

  @Test
  void storesThatHappenedCountAsPuts() {
    cache.set("a", "1");
    cache.add("a", "2"); // present: not stored
    cache.add("b", "2");
    cache.setMany(Map.of("c", "3", "d", "4"));
    cache.set("gone", "x", io.cachegen.runtime.Timeout.seconds(0)); // deletes: not a put
    cache.getOrSet("e", String.class, () -> "5");

    assertThat(cache.stats().puts()).isEqualTo(5);
    assertThat(handler.get("quiet").stats().puts()).isZero();
  }

  @Test
  void getOrSetCountsItsComputationAsALoad() {
    cache.getOrSet("k", String.class, () -> "v");
    cache.getOrSet("k", String.class, () -> "never");
    assertThatThrownBy(
            () ->
                cache.getOrSet(
                    "bad",
                    String.class,
                    () -> {
                      throw new IllegalStateException("no");
                    }))
        .hasMessage("no");
    CacheStats stats = cache.stats();
    assertThat(stats.loads()).isEqualTo(1);
    assertThat(stats.loadFailures()).isEqualTo(1);
    assertThat(stats.hits()).isEqualTo(1);
    assertThat(stats.misses()).isEqualTo(2);
  }

  @Test
  void anUnreadableValueIsCountedAsAnEvent() {
    cache.reportUnreadable(":1:k", "garbage");
    assertThat(cache.stats().event("unreadable_failure")).isEqualTo(1);
  }

  @Test
  void aBackendReportsItsOwnEventsThroughItsCounters() {
    cache.metrics().event("circuit_open");
    cache.metrics().event("circuit_open");
    cache.metrics().evictions(3);
    cache.metrics().failure(FailureLog.Category.LOCK);
    CacheStats stats = cache.stats();
    assertThat(stats.event("circuit_open")).isEqualTo(2);
    assertThat(stats.event("lock_failure")).isEqualTo(1);
    assertThat(stats.event("never")).isZero();
    assertThat(stats.evictions()).isEqualTo(3);
  }

  @Test
  void recordStatsFalseCountsNothing() {
    MapCache quiet = (MapCache) handler.get("quiet");
    assertThat(quiet.metrics()).isSameAs(CacheMetrics.Counters.NONE);
    quiet.get("absent", String.class);
    quiet.getOrSet("k", String.class, () -> "v");
    quiet.metrics().event("circuit_open");
    assertThat(quiet.stats()).isEqualTo(CacheStats.EMPTY);
    assertThat(handler.metrics().aliasStats()).doesNotContainKey("quiet");
  }

  @Test
  void aCacheBuiltInCodeCountsOnItsOwn() {
    BaseCache alone =
        new io.cachegen.runtime.dummy.DummyCache(
            CacheConfig.fromMap(Map.of()).settings("default"),
            io.cachegen.runtime.KeyFunction.DEFAULT);
    alone.get("k", String.class);
    assertThat(alone.stats().misses()).isEqualTo(1);
  }
}
