package io.cachegen.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.LogCapture;
import io.cachegen.runtime.spi.FailureLog.Category;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Rate limiting per alias and category, on an injected clock (no sleeps). */
class FailureLogTest {
  private static final long INTERVAL_MS = 10_000;

  private final AtomicLong nanos = new AtomicLong(123_456_789L);
  private final FailureLog log =
      new FailureLog("fl-a", INTERVAL_MS, FailureLogTest.class, nanos::get);

  private void advance(long millis) {
    nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void tenThousandFailuresInOneIntervalLogOneLinePerCategory() {
    try (LogCapture capture = LogCapture.start()) {
      for (int i = 0; i < 10_000; i++) {
        log.warn(Category.LOOKUP, "lookup of 'k" + i + "' failed", "down");
        log.warn(Category.STORE, "storing 'k" + i + "' failed", "down");
        advance(2); // 10,000 × 2 ms = 20 s: two intervals
      }
      assertThat(capture.count("cache 'fl-a': lookup of")).isEqualTo(2);
      assertThat(capture.count("cache 'fl-a': storing")).isEqualTo(2);
      assertThat(capture.text())
          .contains("lookup of 'k0' failed: down\n")
          .contains(
              "lookup of 'k5000' failed: down (4999 more lookup failures since the"
                  + " previous warning were not logged)");
      assertThat(log.warningCount()).isEqualTo(4);
    }
  }

  @Test
  void aliasesAndCategoriesAreLimitedApart() {
    FailureLog other = new FailureLog("fl-b", INTERVAL_MS, FailureLogTest.class, nanos::get);
    try (LogCapture capture = LogCapture.start()) {
      for (Category c : Category.values()) {
        for (int i = 0; i < 100; i++) {
          log.warn(c, "failed " + c, "x");
          other.warn(c, "failed " + c, "x");
        }
      }
      assertThat(capture.count("cache 'fl-a': failed")).isEqualTo(Category.values().length);
      assertThat(capture.count("cache 'fl-b': failed")).isEqualTo(Category.values().length);
    }
  }

  @Test
  void theSuppressedCountGoesIntoTheNextLineAndThenStartsAgain() {
    try (LogCapture capture = LogCapture.start()) {
      log.warn(Category.EVICT, "evict failed", "1");
      log.warn(Category.EVICT, "evict failed", "2");
      log.warn(Category.EVICT, "evict failed", "3");
      advance(INTERVAL_MS - 1);
      log.warn(Category.EVICT, "evict failed", "4");
      advance(1);
      log.warn(Category.EVICT, "evict failed", "5");
      advance(INTERVAL_MS);
      log.warn(Category.EVICT, "evict failed", "6");
      assertThat(capture.text())
          .contains("evict failed: 1\n")
          .contains(
              "evict failed: 5 (3 more evict failures since the previous warning were not"
                  + " logged)")
          .contains("evict failed: 6\n")
          .doesNotContain("evict failed: 2")
          .doesNotContain("evict failed: 4");
    }
  }
}
