package io.cachegen.runtime.internal;

import static io.cachegen.runtime.internal.SiteHandler.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConnectionException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.test.ManualTicker;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a generated method counts through its site: hits and misses per method and per alias, loads
 * (with their time) and load failures; nothing with {@code record_stats=false}.
 */
class SiteMetricsTest {
  private static final String METHOD = "UserService.user(long)";

  @RegisterExtension final SiteHandler sites = new SiteHandler();

  private static CacheSite site(String alias) {
    return CacheSite.cached(alias, STRING).method(METHOD).build();
  }

  private CacheStats method() {
    return sites.handler().metrics().methodStats().getOrDefault(METHOD, CacheStats.EMPTY);
  }

  /** What the generated code of a {@code @Cached} method does on a call. */
  private static String call(CacheSite.Bound bound, String key, CacheSite.Loader loader) {
    long completions = bound.completions(key);
    Object cached = bound.lookup(key);
    return (String) (cached != CacheSite.MISS ? cached : bound.load(key, completions, loader));
  }

  @Test
  void hitsMissesAndLoadsAreCountedForTheMethodAndItsAlias() {
    CacheSite.Bound bound = site("default").bind();
    call(bound, "p:1:u1", () -> "ann");
    call(bound, "p:1:u1", () -> "never");
    call(bound, "p:1:u1", () -> "never");
    call(bound, "p:1:u2", () -> "bob");

    CacheStats method = method();
    assertThat(method.hits()).isEqualTo(2);
    assertThat(method.misses()).isEqualTo(2);
    assertThat(method.loads()).isEqualTo(2);
    assertThat(method.loadFailures()).isZero();
    CacheStats alias = bound.cache().stats();
    assertThat(alias.hits()).isEqualTo(2);
    assertThat(alias.misses()).isEqualTo(2);
    assertThat(alias.loads()).isEqualTo(2);
    assertThat(sites.handler().metrics().aliasStats().get("default")).isEqualTo(alias);
  }

  @Test
  void aLoadsTimeIsCounted() {
    CacheSite.Bound bound = site("default").bind();
    call(bound, "p:1:slow", () -> slowly("v"));
    assertThat(method().totalLoadTimeNanos()).isGreaterThanOrEqualTo(1_000_000);
    assertThat(method().averageLoadPenaltyNanos()).isGreaterThanOrEqualTo(1_000_000);
    assertThat(bound.cache().stats().totalLoadTimeNanos()).isEqualTo(method().totalLoadTimeNanos());
  }

  /**
   * Returns {@code value} after at least a millisecond of the system clock (loads are timed so).
   */
  private static String slowly(String value) {
    long until = System.nanoTime() + 1_000_000;
    while (System.nanoTime() < until) {
      Thread.onSpinWait();
    }
    return value;
  }

  @Test
  void aLoadThatThrowsIsALoadFailure() {
    CacheSite.Bound bound = site("default").bind();
    assertThatThrownBy(
            () ->
                call(
                    bound,
                    "p:1:bad",
                    () -> {
                      throw new IOException("disk");
                    }))
        .isInstanceOf(IOException.class);
    assertThat(method().loadFailures()).isEqualTo(1);
    assertThat(method().loads()).isZero();
    assertThat(bound.cache().stats().loadFailures()).isEqualTo(1);
  }

  @Test
  void asynchronousLoadsAreCountedWhenTheirFutureCompletes() {
    CacheSite.Bound bound = site("default").bind();
    CompletableFuture<String> pending = new CompletableFuture<>();
    CompletableFuture<String> value = bound.cachedAsync("p:1:a", () -> pending);
    assertThat(method().loads()).as("not yet complete").isZero();
    pending.complete("a");
    assertThat(value.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo("a");
    bound.cachedAsync(
        "p:1:b", () -> CompletableFuture.failedFuture(new IllegalStateException("down")));
    assertThat(bound.cachedAsync("p:1:a", () -> null).join()).isEqualTo("a");
    CacheStats method = method();
    assertThat(method.loads()).isEqualTo(1);
    assertThat(method.loadFailures()).isEqualTo(1);
    assertThat(method.misses()).isEqualTo(2);
    assertThat(method.hits()).isEqualTo(1);
  }

  @Test
  void aLookupTheBackendFailsIsALookupFailureOfTheAlias() {
    CacheSite.Bound bound = site("down").bind();
    assertThatThrownBy(() -> bound.lookup("k")).isInstanceOf(CacheConnectionException.class);
    assertThatThrownBy(() -> bound.store("k", "v")).isInstanceOf(CacheConnectionException.class);
    CacheStats alias = bound.cache().stats();
    assertThat(alias.lookupFailures()).isEqualTo(1);
    assertThat(alias.storeFailures()).isEqualTo(1);
    assertThat(alias.requests()).as("a failed lookup is neither a hit nor a miss").isZero();
  }

  @Test
  void aSiteWithoutAMethodNameCountsForItsAliasOnly() {
    CacheSite.Bound bound = CacheSite.cached("default", STRING).build().bind();
    call(bound, "p:1:x", () -> "x");
    assertThat(sites.handler().metrics().methodStats()).isEmpty();
    assertThat(bound.cache().stats().misses()).isEqualTo(1);
    assertThat(bound.cache().stats().loads()).isEqualTo(1);
  }

  @Test
  void nothingIsCountedWithRecordStatsOff() {
    CacheHandler off =
        SiteHandler.handler(
            Map.of(
                "caches.default.options.record_stats", "false",
                "caches.default.location", "metrics-off"));
    try {
      CacheSite.Bound bound = site("default").bind(off);
      call(bound, ":1:x", () -> "x");
      call(bound, ":1:x", () -> "never");
      assertThatThrownBy(
              () ->
                  call(
                      bound,
                      ":1:y",
                      () -> {
                        throw new IOException("disk");
                      }))
          .isInstanceOf(IOException.class);
      assertThat(bound.cache().stats()).isEqualTo(CacheStats.EMPTY);
      assertThat(off.metrics().methodStats()).isEmpty();
      assertThat(off.metrics().aliasStats()).isEmpty();
    } finally {
      off.close();
    }
  }

  @Test
  void twoHandlersCountApart() {
    CacheHandler other =
        SiteHandler.handler(Map.of("caches.default.location", "metrics-other-handler"));
    try {
      CacheSite site = site("default");
      call(site.bind(), "p:1:x", () -> "x");
      call(site.bind(other), ":1:x", () -> "x");
      call(site.bind(other), ":1:x", () -> "x");
      assertThat(method().misses()).isEqualTo(1);
      assertThat(method().hits()).isZero();
      CacheStats onOther = other.metrics().methodStats().get(METHOD);
      assertThat(onOther.misses()).isEqualTo(1);
      assertThat(onOther.hits()).isEqualTo(1);
      assertThat(Caches.handler()).isSameAs(sites.handler());
    } finally {
      other.close();
    }
  }

  @Test
  void aHandlerCountsInTheMetricsItWasBuiltWith() {
    CacheMetrics mine = CacheMetrics.inProcess();
    CacheHandler handler =
        CacheHandler.builder()
            .config(
                io.cachegen.runtime.CacheConfig.fromMap(
                    Map.of("caches.default.location", "metrics-own")))
            .ticker(new ManualTicker())
            .metrics(mine)
            .build();
    try {
      assertThat(handler.metrics()).isSameAs(mine);
      call(site("default").bind(handler), ":1:x", () -> "x");
      assertThat(mine.aliasStats().get("default").misses()).isEqualTo(1);
      assertThat(mine.methodStats().get(METHOD).loads()).isEqualTo(1);
    } finally {
      handler.close();
    }
  }

  @Test
  void aGeneratedHitIsOneIncrementOnTheMethodsCountersNotTwo() {
    java.util.List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();
    CacheMetrics inProcess = CacheMetrics.inProcess();
    CacheMetrics recording =
        new CacheMetrics() {
          @Override
          public Counters alias(String alias) {
            return new Counters() {
              @Override
              public void hits(long count) {
                calls.add("alias hit");
              }
            };
          }

          @Override
          public Counters method(String alias, String method) {
            return new Counters() {
              @Override
              public void hits(long count) {
                calls.add(method + " hit");
              }
            };
          }

          @Override
          public Map<String, CacheStats> aliasStats() {
            return inProcess.aliasStats();
          }

          @Override
          public Map<String, CacheStats> methodStats() {
            return inProcess.methodStats();
          }
        };
    CacheHandler handler =
        CacheHandler.builder()
            .config(
                io.cachegen.runtime.CacheConfig.fromMap(
                    Map.of("caches.default.location", "metrics-one-increment")))
            .ticker(new ManualTicker())
            .metrics(recording)
            .build();
    try {
      CacheSite.Bound bound = site("default").bind(handler);
      call(bound, ":1:x", () -> "x");
      calls.clear();
      call(bound, ":1:x", () -> "never");
      assertThat(calls).containsExactly(METHOD + " hit");
    } finally {
      handler.close();
    }
  }
}
