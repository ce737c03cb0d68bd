package io.cachegen.redis;

import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bounds how many stored values one alias inflates at once ({@code
 * options.max_concurrent_inflations}), so concurrent reads of large or hostile compressed values
 * hold at most about that many times {@code max_value_size} bytes, whatever the number of readers.
 *
 * <p>A reader waits at most {@link #WAIT_MILLIS} ms for a permit; one that gets none treats the
 * value as a miss (its caller computes the value and stores it again), and that is logged at most
 * once per {@link #LOG_INTERVAL_MILLIS} ms per alias. Plain (uncompressed) values never pass
 * through the gate. Thread-safe.
 */
final class InflationGate {
  /** The longest a read waits for an inflation permit before it becomes a miss. */
  static final long WAIT_MILLIS = 50;

  /** At most one warning about busy misses per this many milliseconds. */
  static final long LOG_INTERVAL_MILLIS = 10_000;

  private static final Logger LOG = LoggerFactory.getLogger(RedisCache.class);
  private static final long NEVER = Long.MIN_VALUE;

  private final String alias;
  private final int permits;
  private final Semaphore semaphore;
  private final AtomicLong lastWarning = new AtomicLong(NEVER);
  private final LongAdder busyMisses = new LongAdder();
  private final LongAdder unlogged = new LongAdder();

  InflationGate(String alias, int permits) {
    this.alias = alias;
    this.permits = permits;
    this.semaphore = new Semaphore(permits);
  }

  /**
   * Takes a permit, waiting at most {@link #WAIT_MILLIS} ms; {@link #exit()} must follow a {@code
   * true}. A {@code false} is counted and logged (rate-limited).
   */
  boolean tryEnter() {
    boolean entered;
    try {
      entered = semaphore.tryAcquire(WAIT_MILLIS, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      entered = false;
    }
    if (!entered) {
      recordBusy();
    }
    return entered;
  }

  /** Gives back the permit a {@link #tryEnter()} took. */
  void exit() {
    semaphore.release();
  }

  /** How many reads were misses because no permit came in time. */
  long busyMisses() {
    return busyMisses.sum();
  }

  private void recordBusy() {
    busyMisses.increment();
    long now = System.nanoTime();
    long last = lastWarning.get();
    if ((last != NEVER && now - last < LOG_INTERVAL_MILLIS * 1_000_000L)
        || !lastWarning.compareAndSet(last, now)) {
      unlogged.increment();
      return;
    }
    long more = unlogged.sumThenReset();
    LOG.warn(
        "cache '{}': a compressed value was treated as a miss because all {} inflations"
            + " (options.max_concurrent_inflations) stayed busy for {} ms{}",
        alias,
        permits,
        WAIT_MILLIS,
        more == 0 ? "" : "; " + more + " more such misses since the last warning");
  }
}
