package io.cachegen.benchmarks;

import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.runtime.spi.FailureLog;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;

/**
 * A {@link CacheMetrics} (the public SPI a monitoring binder implements) that counts in memory as
 * the default does, and also notes when the near cache counts an invalidation: {@code
 * near_invalidation} is counted on the thread that reads Redis's messages, right after it dropped
 * the key from L1, so {@link #lastNanos()} is when the copy went. Wakes the thread {@link #await}
 * parked.
 */
final class InvalidationClock implements CacheMetrics {
  private final CacheMetrics counts = CacheMetrics.inProcess();
  private volatile long count;
  private volatile long lastNanos;
  private volatile Thread waiter;

  /** How many invalidations were counted so far. */
  long count() {
    return count;
  }

  /** {@link System#nanoTime()} when the last invalidation was counted. */
  long lastNanos() {
    return lastNanos;
  }

  /**
   * Parks until more than {@code seen} invalidations were counted, or {@code deadlineNanos} (a
   * {@link System#nanoTime()} instant) passed; whether they were.
   */
  boolean await(long seen, long deadlineNanos) {
    waiter = Thread.currentThread();
    try {
      while (count <= seen) {
        long left = deadlineNanos - System.nanoTime();
        if (left <= 0) {
          return false;
        }
        LockSupport.parkNanos(this, left);
      }
      return true;
    } finally {
      waiter = null;
    }
  }

  private void invalidated() {
    lastNanos = System.nanoTime();
    count++; // one writer: the message reader thread
    Thread t = waiter;
    if (t != null) {
      LockSupport.unpark(t);
    }
  }

  @Override
  public Counters alias(String alias) {
    Counters inner = counts.alias(alias);
    return new Counters() {
      @Override
      public void hits(long n) {
        inner.hits(n);
      }

      @Override
      public void misses(long n) {
        inner.misses(n);
      }

      @Override
      public void puts(long n) {
        inner.puts(n);
      }

      @Override
      public void load(long nanos) {
        inner.load(nanos);
      }

      @Override
      public void loadFailure(long nanos) {
        inner.loadFailure(nanos);
      }

      @Override
      public void failure(FailureLog.Category category) {
        inner.failure(category);
      }

      @Override
      public void evictions(long n) {
        inner.evictions(n);
      }

      @Override
      public void event(String name) {
        if (name.equals(NearEvents.INVALIDATION)) {
          invalidated();
        }
        inner.event(name);
      }

      @Override
      public Runnable eventCounter(String name) {
        if (name.equals(NearEvents.INVALIDATION)) {
          return () -> event(name);
        }
        return inner.eventCounter(name);
      }

      @Override
      public CacheStats snapshot() {
        return inner.snapshot();
      }
    };
  }

  @Override
  public Counters method(String alias, String method) {
    return counts.method(alias, method);
  }

  @Override
  public Map<String, CacheStats> aliasStats() {
    return counts.aliasStats();
  }

  @Override
  public Map<String, CacheStats> methodStats() {
    return counts.methodStats();
  }
}
