package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Requests and hit rate, as reported by {@link BaseCache#stats()}. */
class CacheStatsTest {

  @Test
  void requestsAndHitRate() {
    CacheStats stats = new CacheStats(3, 1);
    assertThat(stats.requests()).isEqualTo(4);
    assertThat(stats.hitRate()).isEqualTo(0.75);
    assertThat(new CacheStats(0, 2).hitRate()).isZero();
    assertThat(CacheStats.EMPTY.requests()).isZero();
    assertThat(CacheStats.EMPTY.hitRate()).as("no requests, no division by zero").isZero();
  }

  @Test
  void plusAddsEveryCountAndEveryEvent() {
    CacheStats a = new CacheStats(1, 2, 9, 3, 4, 5, 6, 7, 8, java.util.Map.of("circuit_open", 1L));
    CacheStats b =
        new CacheStats(
            10, 20, 90, 30, 40, 50, 60, 70, 80, java.util.Map.of("circuit_open", 2L, "x", 5L));
    assertThat(a.plus(b))
        .isEqualTo(
            new CacheStats(
                11, 22, 99, 33, 44, 55, 66, 77, 88, java.util.Map.of("circuit_open", 3L, "x", 5L)));
    assertThat(CacheStats.EMPTY.plus(a)).isEqualTo(a);
  }
}
