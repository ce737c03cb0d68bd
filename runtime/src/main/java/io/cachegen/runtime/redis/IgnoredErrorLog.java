package io.cachegen.runtime.redis;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs the failures {@code ignore_exceptions=true} swallows, at most one WARN per interval per
 * alias, each saying how many were suppressed since the previous one. Thread-safe.
 */
final class IgnoredErrorLog {
  private static final Logger LOG = LoggerFactory.getLogger(RedisCache.class);
  private static final long NEVER = Long.MIN_VALUE;

  private final String alias;
  private final boolean enabled;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong lastWarning = new AtomicLong(NEVER);
  private final LongAdder suppressed = new LongAdder();
  private final LongAdder ignored = new LongAdder();
  private final LongAdder warnings = new LongAdder();

  IgnoredErrorLog(String alias, boolean enabled, long intervalMillis, LongSupplier nanoClock) {
    this.alias = alias;
    this.enabled = enabled;
    this.intervalNanos = intervalMillis * 1_000_000L;
    this.nanoClock = nanoClock;
  }

  /** Records one ignored failure of {@code operation}. */
  void record(String operation, RuntimeException failure) {
    ignored.increment();
    if (!enabled) {
      return;
    }
    long now = nanoClock.getAsLong();
    long last = lastWarning.get();
    if ((last != NEVER && now - last < intervalNanos) || !lastWarning.compareAndSet(last, now)) {
      suppressed.increment();
      return;
    }
    long skipped = suppressed.sumThenReset();
    warnings.increment();
    LOG.warn("cache '{}': ignored a Redis failure in {} (ignore_exceptions=true){}: {}", alias,
        operation, skipped == 0 ? "" : "; " + skipped + " more were ignored since the last warning",
        failure.getMessage());
  }

  /** How many failures were ignored in total. */
  long ignoredCount() {
    return ignored.sum();
  }

  /** How many warnings were logged. */
  long warningCount() {
    return warnings.sum();
  }
}
