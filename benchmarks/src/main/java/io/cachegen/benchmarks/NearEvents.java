package io.cachegen.benchmarks;

import io.cachegen.runtime.BaseCache;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * The near cache's public events ({@code BaseCache.stats().events()}), as the near subjects read
 * them to know that tracking is set up and that a hit was served in process; and a poll to a
 * deadline for what happens on the near cache's own threads.
 */
final class NearEvents {
  /** A lookup served from the near cache (L1). */
  static final String HIT = "near_hit";

  /** A lookup L1 could not serve, so Redis did. */
  static final String MISS = "near_miss";

  /** A key Redis said changed, dropped from L1. */
  static final String INVALIDATION = "near_invalidation";

  /** L1 emptied at once (tracking lost, or a FLUSHDB). */
  static final String FLUSH = "near_flush";

  /** Tracking (re-)established: L1 keeps copies from then on. */
  static final String TRACKING = "near_tracking_established";

  /** How long tracking may take to be set up, and a warm-up to settle. */
  static final Duration DEADLINE = Duration.ofSeconds(10);

  private NearEvents() {}

  /** The count of {@code event} on {@code cache}'s alias. */
  static long count(BaseCache cache, String event) {
    return cache.stats().event(event);
  }

  /**
   * Waits until {@code cache}'s tracking is set up (it is set up in the background, and until then
   * every read goes to Redis and nothing is kept).
   *
   * @throws IllegalStateException with {@code -Dbench.record_stats=false} (the events are how the
   *     subjects know), or at the deadline
   */
  static void awaitTracking(BaseCache cache) {
    if ("false".equals(System.getProperty("bench.record_stats"))) {
      throw new IllegalStateException(
          "the near cache subjects need record_stats=true on their alias: they read the near_*"
              + " events to know that tracking is set up and that hits are near hits (drop"
              + " -Dbench.record_stats=false)");
    }
    until(DEADLINE, "near cache tracking set up", () -> count(cache, TRACKING) >= 1);
  }

  /**
   * Polls {@code condition} every 200 µs until it holds.
   *
   * @throws IllegalStateException naming {@code what} at the deadline
   */
  static void until(Duration deadline, String what, BooleanSupplier condition) {
    long end = System.nanoTime() + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new IllegalStateException("not within " + deadline.toMillis() + " ms: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
  }

  /**
   * Waits until {@code cache} has had no invalidation for {@code quiet}: the messages of earlier
   * writes (a writer's own come back to it after the reply) have all arrived.
   */
  static void awaitQuiet(BaseCache cache, Duration quiet) {
    long[] last = {count(cache, INVALIDATION), System.nanoTime()};
    until(
        DEADLINE,
        "no invalidation for " + quiet.toMillis() + " ms",
        () -> {
          long now = count(cache, INVALIDATION);
          if (now != last[0]) {
            last[0] = now;
            last[1] = System.nanoTime();
          }
          return System.nanoTime() - last[1] >= quiet.toNanos();
        });
  }
}
