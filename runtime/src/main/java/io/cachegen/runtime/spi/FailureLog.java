package io.cachegen.runtime.spi;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The WARN lines of one alias's per-call failures (lookups, stores, evictions, locks, unreadable
 * values), at most one per {@link Category} per interval, each saying how many of that category
 * were not logged since the previous one. So an outage at thousands of calls a second costs a
 * handful of lines, not one per call. A suppressed failure costs a clock read and two atomic
 * operations, nothing else. Thread-safe.
 */
public final class FailureLog {
  /** What failed; each is rate-limited on its own. */
  public enum Category {
    /** Reading a value (get, get_many, has_key, ttl). */
    LOOKUP("lookup"),
    /** Writing a value (set, add, set_many, touch, expire). */
    STORE("store"),
    /** Removing values (delete, delete_many, clear, delete_pattern). */
    EVICT("evict"),
    /** Taking the stampede guard's lock. */
    LOCK("lock"),
    /** A stored value that cannot be decoded: a miss, not an outage. */
    UNREADABLE("unreadable");

    private final String label;

    Category(String label) {
      this.label = label;
    }

    @Override
    public String toString() {
      return label;
    }
  }

  private static final long NEVER = Long.MIN_VALUE;
  private static final Category[] CATEGORIES = Category.values();

  private final Logger log;
  private final String alias;
  private final long intervalNanos;
  private final LongSupplier nanoClock;
  private final AtomicLong[] lastWarning = new AtomicLong[CATEGORIES.length];
  private final LongAdder[] suppressed = new LongAdder[CATEGORIES.length];
  private final LongAdder warnings = new LongAdder();

  /**
   * @param alias the alias named in every line
   * @param intervalMillis the least time between two lines of one category
   * @param source the class whose logger writes the lines (the backend)
   * @param nanoClock a monotonic clock in nanoseconds, {@code System::nanoTime} outside tests
   */
  public FailureLog(String alias, long intervalMillis, Class<?> source, LongSupplier nanoClock) {
    this.log = LoggerFactory.getLogger(source);
    this.alias = alias;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    this.nanoClock = nanoClock;
    for (int i = 0; i < CATEGORIES.length; i++) {
      lastWarning[i] = new AtomicLong(NEVER);
      suppressed[i] = new LongAdder();
    }
  }

  /**
   * Logs {@code "cache '<alias>': <what>: <detail>"}, followed by how many failures of {@code
   * category} were not logged since the previous line, unless a line of that category was logged
   * less than the interval ago; then only counts it.
   */
  public void warn(Category category, String what, String detail) {
    int i = category.ordinal();
    long now = nanoClock.getAsLong();
    AtomicLong last = lastWarning[i];
    long previous = last.get();
    if ((previous != NEVER && now - previous < intervalNanos)
        || !last.compareAndSet(previous, now)) {
      suppressed[i].increment();
      return;
    }
    long skipped = suppressed[i].sumThenReset();
    warnings.increment();
    if (skipped == 0) {
      log.warn("cache '{}': {}: {}", alias, what, detail);
    } else {
      log.warn(
          "cache '{}': {}: {} ({} more {} failures since the previous warning were not"
              + " logged)",
          alias,
          what,
          detail,
          skipped,
          category);
    }
  }

  /** How many lines were logged. */
  public long warningCount() {
    return warnings.sum();
  }
}
