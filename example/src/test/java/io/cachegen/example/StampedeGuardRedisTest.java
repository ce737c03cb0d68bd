package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.annotations.Cached;
import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cross-process stampede guard on a real Redis. Two handlers stand in for two processes: each
 * has its own connections and its own single-flight (generated code binds per handler and shares no
 * state between handlers), so only the Redis lock can keep the second from computing too.
 */
@Tag("redis")
class StampedeGuardRedisTest {
  static final AtomicInteger RUNS = new AtomicInteger();
  static CacheHandler first;
  static CacheHandler second;

  /** The service both processes run. */
  public static class Report {
    private final String who;

    public Report(String who) {
      this.who = who;
    }

    @Cached(key = "report", timeout = 60, stampedeGuard = true)
    public String report() {
      return computeSlowly(who);
    }
  }

  /** Holds the computation until the other caller has missed too, so both race for the lock. */
  static String computeSlowly(String who) {
    RUNS.incrementAndGet();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (misses() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return "report by " + who;
  }

  static long misses() {
    return first.cache().stats().misses() + second.cache().stats().misses();
  }

  @BeforeEach
  void install() {
    RUNS.set(0);
    String prefix = RedisFixture.uniquePrefix();
    first = handler(prefix);
    second = handler(prefix);
  }

  private static CacheHandler handler(String prefix) {
    return CacheHandler.create(
        CacheConfig.fromMap(
            Map.of(
                "caches.default.backend",
                "redis",
                "caches.default.location",
                RedisFixture.shared(),
                "caches.default.key_prefix",
                prefix)));
  }

  @AfterEach
  void reset() {
    first.cache().clear();
    first.close();
    second.close();
  }

  @Test
  void twoProcessesMissingTogetherComputeOnce() throws Exception {
    Report a = new StampedeGuardRedisTest_ReportCached(first, "a");
    Report b = new StampedeGuardRedisTest_ReportCached(second, "b");
    CompletableFuture<String> fromA = CompletableFuture.supplyAsync(a::report);
    CompletableFuture<String> fromB = CompletableFuture.supplyAsync(b::report);
    assertThat(fromA.get(30, TimeUnit.SECONDS)).isEqualTo(fromB.get(30, TimeUnit.SECONDS));
    assertThat(RUNS).hasValue(1);
    assertThat(misses()).isEqualTo(2);
  }
}
