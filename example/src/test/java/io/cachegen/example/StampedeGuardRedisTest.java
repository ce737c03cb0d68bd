package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.annotations.Cached;
import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The cross-JVM stampede guard on a real Redis. Two generated classes with the same key and alias
 * stand in for two processes: each has its own in-JVM single-flight, so only the Redis lock can
 * keep the second from computing too.
 */
@Tag("redis")
class StampedeGuardRedisTest {
  static final AtomicInteger RUNS = new AtomicInteger();
  static CacheHandler handler;

  /** The first process's service. */
  public static class ReportA {
    @Cached(key = "report", timeout = 60, stampedeGuard = true)
    public String report() {
      return computeSlowly("a");
    }
  }

  /** The second process's service. */
  public static class ReportB {
    @Cached(key = "report", timeout = 60, stampedeGuard = true)
    public String report() {
      return computeSlowly("b");
    }
  }

  /** Holds the computation until the other caller has missed too, so both race for the lock. */
  static String computeSlowly(String who) {
    RUNS.incrementAndGet();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (handler.cache().stats().misses() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    return "report by " + who;
  }

  @BeforeEach
  void install() {
    RUNS.set(0);
    handler =
        CacheHandler.create(
            CacheConfig.fromMap(
                Map.of(
                    "caches.default.backend", "redis",
                    "caches.default.location", RedisFixture.shared(),
                    "caches.default.key_prefix", RedisFixture.uniquePrefix())));
    Caches.install(handler);
  }

  @AfterEach
  void reset() {
    handler.cache().clear();
    Caches.reset();
  }

  @Test
  void twoProcessesMissingTogetherComputeOnce() throws Exception {
    CompletableFuture<String> a =
        CompletableFuture.supplyAsync(() -> new StampedeGuardRedisTest_ReportACached().report());
    CompletableFuture<String> b =
        CompletableFuture.supplyAsync(() -> new StampedeGuardRedisTest_ReportBCached().report());
    String fromA = a.get(30, TimeUnit.SECONDS);
    String fromB = b.get(30, TimeUnit.SECONDS);
    assertThat(RUNS).hasValue(1);
    assertThat(fromA).isEqualTo(fromB);
    assertThat(handler.cache().stats().misses()).isEqualTo(2);
  }
}
