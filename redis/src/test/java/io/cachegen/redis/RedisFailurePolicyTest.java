package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.LogCapture;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.runtime.spi.FailureLog;
import io.cachegen.runtime.spi.FailureLog.Category;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * {@code ignore_exceptions} and its logging, on calls that fail as an outage does (no server
 * needed: the failures are thrown as {@link DefaultClient} throws them); {@code RedisFaultTest},
 * {@code RedisRefusalTest} and {@code RedisCircuitBreakerTest} run the same policy against real
 * servers that are down, refusing or behind an open breaker.
 */
class RedisFailurePolicyTest {
  private static final long INTERVAL_MS = 10_000;

  private final AtomicLong nanos = new AtomicLong(42);
  private final AtomicInteger calls = new AtomicInteger();
  private final CacheMetrics metrics = CacheMetrics.inProcess();

  private RedisFailurePolicy policy(String... options) {
    CacheSettings settings = CacheSettings.defaults("fp", "redis");
    for (int i = 0; i < options.length; i += 2) {
      settings = settings.withOption(options[i], options[i + 1]);
    }
    FailureLog log = new FailureLog("fp", INTERVAL_MS, RedisFailurePolicyTest.class, nanos::get);
    return new RedisFailurePolicy(RedisOptions.from(settings), log, metrics.alias("fp"));
  }

  private String down() {
    calls.incrementAndGet();
    throw new RedisConnectionException("h:1", "cache 'fp': Redis server h:1 is unreachable", null);
  }

  private String refused() {
    calls.incrementAndGet();
    throw new RedisUnavailableException("h:1", "cache 'fp': Redis server h:1 refused: OOM", null);
  }

  @Test
  void aCallThatWorksReturnsItsResultWhateverThePolicy() {
    for (RedisFailurePolicy p :
        new RedisFailurePolicy[] {policy(), policy("ignore_exceptions", "true")}) {
      assertThat(p.guard(Category.LOOKUP, "get", () -> "v", "ignored")).isEqualTo("v");
      assertThat(p.guard(Category.LOOKUP, "get", String::length, "abc", -1)).isEqualTo(3);
      assertThat(p.ignoredFailures()).isZero();
    }
  }

  @Test
  void byDefaultAnOutageIsThrownToTheCaller() {
    RedisFailurePolicy p = policy();
    try (LogCapture log = LogCapture.start()) {
      assertThatThrownBy(() -> p.guard(Category.LOOKUP, "get", this::down, "miss"))
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("h:1");
      assertThatThrownBy(() -> p.guard(Category.STORE, "set", this::refused, "miss"))
          .isInstanceOf(RedisUnavailableException.class)
          .hasMessageContaining("OOM");
      assertThat(log.count("ignored a Redis failure")).isZero();
    }
    assertThat(p.ignoredFailures()).isZero();
    assertThat(calls).hasValue(2);
  }

  @Test
  void withIgnoreExceptionsAnOutageReturnsTheFallbackAndIsCountedAndLoggedPerCategory() {
    RedisFailurePolicy p = policy("ignore_exceptions", "true");
    try (LogCapture log = LogCapture.start()) {
      for (int i = 0; i < 100; i++) {
        assertThat(p.guard(Category.LOOKUP, "get", this::down, "miss")).isEqualTo("miss");
        assertThat(p.guard(Category.STORE, "set", this::refused, "skipped")).isEqualTo("skipped");
      }
      assertThat(p.ignoredFailures()).isEqualTo(200);
      CacheStats counted = metrics.aliasStats().get("fp");
      assertThat(counted.lookupFailures())
          .as("ignored lookups, in the alias's metrics")
          .isEqualTo(100);
      assertThat(counted.storeFailures()).as("ignored stores").isEqualTo(100);
      assertThat(
              log.count(
                  "cache 'fp': ignored a Redis failure in get (ignore_exceptions=true):"
                      + " cache 'fp': Redis server h:1 is unreachable"))
          .isEqualTo(1);
      assertThat(log.count("ignored a Redis failure in set (ignore_exceptions=true)")).isEqualTo(1);
      nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(INTERVAL_MS));
      p.guard(Category.LOOKUP, "get_many", this::down, "miss");
      assertThat(log.text())
          .contains(
              "ignored a Redis failure in get_many (ignore_exceptions=true)"
                  + ": cache 'fp': Redis server h:1 is unreachable (99 more lookup failures since the"
                  + " previous warning were not logged)");
    }
  }

  @Test
  void logIgnoredExceptionsFalseCountsWithoutLogging() {
    RedisFailurePolicy p = policy("ignore_exceptions", "true", "log_ignored_exceptions", "false");
    try (LogCapture log = LogCapture.start()) {
      assertThat(p.guard(Category.EVICT, "delete", this::down, "none")).isEqualTo("none");
      assertThat(log.count("ignored a Redis failure")).isZero();
    }
    assertThat(p.ignoredFailures()).isEqualTo(1);
    assertThat(metrics.aliasStats().get("fp").events())
        .containsEntry(Category.EVICT + "_failure", 1L);
  }

  @Test
  void anErrorThatIsNotAnOutageIsNeverIgnored() {
    RedisFailurePolicy p = policy("ignore_exceptions", "true");
    assertThatThrownBy(
            () ->
                p.guard(
                    Category.LOOKUP,
                    "get",
                    () -> {
                      throw new CacheException(
                          "cache 'fp': Redis server h:1 answered an error: WRONGTYPE");
                    },
                    "miss"))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("WRONGTYPE");
    assertThat(p.ignoredFailures()).isZero();
  }
}
