package io.cachegen.redis;

import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.runtime.spi.FailureLog;
import io.cachegen.runtime.spi.FailureLog.Category;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * What a Redis alias does when Redis cannot serve a call ({@code options.ignore_exceptions}), in
 * one place: {@link #guard} runs every call that may pretend to succeed.
 *
 * <p>An outage is a {@link RedisConnectionException}: a server down or too slow, a server whose
 * circuit breaker is open (then the call fails at once, without touching the network, see {@link
 * DefaultClient}), or one that refuses the command for now ({@link RedisUnavailableException}: OOM,
 * READONLY, LOADING, ...). With {@code ignore_exceptions=false} (the default) it is thrown to the
 * caller. With {@code ignore_exceptions=true} the call returns what it returns when Redis has
 * nothing (a miss, {@code false}, zero, a lease that holds nothing), the failure is counted ({@link
 * #ignoredFailures()}) and, unless {@code log_ignored_exceptions=false}, logged through the alias's
 * {@link FailureLog}: one line per {@link Category} per {@code ignored_exceptions_log_interval}, so
 * an outage at thousands of calls a second costs a few lines.
 *
 * <p>Other failures are never ignored here: an error reply about the data (WRONGTYPE, a value that
 * is not an integer) is the caller's to handle, and calls that cannot pretend to succeed ({@code
 * incr}, {@code incrVersion}, {@code lock}) do not go through the guard. Thread-safe.
 */
final class RedisFailurePolicy {
  private final boolean ignoreExceptions;
  private final boolean logIgnoredExceptions;
  private final FailureLog log;
  private final CacheMetrics.Counters metrics;
  private final LongAdder ignored = new LongAdder();

  /**
   * @param options gives {@code ignore_exceptions} and {@code log_ignored_exceptions}
   * @param log the alias's rate-limited failure log
   * @param metrics the alias's counters: each ignored failure is counted by its category
   */
  RedisFailurePolicy(RedisOptions options, FailureLog log, CacheMetrics.Counters metrics) {
    this.metrics = metrics;
    this.ignoreExceptions = options.ignoreExceptions();
    this.logIgnoredExceptions = options.logIgnoredExceptions();
    this.log = log;
  }

  /**
   * {@code call.apply(argument)}, or {@code whenIgnored} if it failed with a {@link
   * RedisConnectionException} and {@code ignore_exceptions=true}. Takes its argument apart from the
   * call so that a hot path can pass a function kept in a field and allocate nothing.
   *
   * @param category what kind of call it is, for the rate limit of the log
   * @param operation the operation named in the log line, e.g. {@code get}
   * @throws RedisConnectionException if the call failed so and {@code ignore_exceptions=false}
   */
  <A, T> T guard(
      Category category, String operation, Function<A, T> call, A argument, T whenIgnored) {
    try {
      return call.apply(argument);
    } catch (RedisConnectionException e) {
      if (!ignoreExceptions) {
        throw e;
      }
      ignored.increment();
      metrics.failure(category);
      if (logIgnoredExceptions) {
        log.warn(
            category,
            "ignored a Redis failure in " + operation + " (ignore_exceptions=true)",
            e.getMessage());
      }
      return whenIgnored;
    }
  }

  /** As {@link #guard(Category, String, Function, Object, Object)}, for a call with no argument. */
  <T> T guard(Category category, String operation, Supplier<T> call, T whenIgnored) {
    return guard(category, operation, Supplier::get, call, whenIgnored);
  }

  /** How many failures were ignored so far. */
  long ignoredFailures() {
    return ignored.sum();
  }
}
