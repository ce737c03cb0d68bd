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
}
