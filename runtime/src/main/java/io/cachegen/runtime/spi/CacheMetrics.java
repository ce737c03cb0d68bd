package io.cachegen.runtime.spi;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheStats;
import java.util.Map;

/**
 * The one place cache counters go: per alias (every cache operation) and per generated method
 * (every {@code @Cached} method, e.g. {@code UserService.user(long)}). Fed by {@link AbstractCache}
 * (hits, misses, failures of its calls), by generated code (hits and misses per method; loads, load
 * time and load failures on a miss) and by backends (their own events, through {@link
 * AbstractCache#metrics()} or {@link BackendContext#metrics()}); read by {@link
 * io.cachegen.runtime.BaseCache#stats()}, {@link #aliasStats()} and {@link #methodStats()}, e.g. by
 * a monitoring binder.
 *
 * <p>Each {@link CacheHandler} has one ({@link CacheHandler#metrics()}); by default {@link
 * #inProcess()}, which keeps the counts in memory. An alias with {@code record_stats=false} gets
 * {@link Counters#NONE} and counts nothing: its caches and generated methods then skip counting
 * altogether (one boolean, checked once per call), so that off costs nothing on the hit path.
 *
 * <p>An implementation is thread-safe, and its {@link Counters} are cheap (they are called on every
 * lookup) and never throw.
 */
public interface CacheMetrics {

  /**
   * The counters of {@code alias}. Called when a cache of the alias is created and when generated
   * code binds to it, so possibly more than once per alias: every call for one alias returns
   * counters feeding the same totals.
   */
  Counters alias(String alias);

  /**
   * The counters of one generated {@code @Cached} method caching in {@code alias}, named {@code
   * method} ({@code UserService.user(long)}: the type's simple name, the method and its erased
   * parameter types). Called once per method and generated instance's handler; repeated calls
   * return counters feeding the same totals.
   *
   * <p><b>A method's counts are its alias's too.</b> What the method's calls do is counted once, on
   * these counters, not again on {@link #alias}'s: a generated hit costs one increment. The
   * implementation rolls them up, so that {@link #aliasStats()} (and the alias's {@link
   * io.cachegen.runtime.BaseCache#stats()}) include them; a monitoring binder increments the
   * alias's meter as well as the method's here.
   */
  Counters method(String alias, String method);

  /** What was counted so far per alias, by alias; empty if this implementation keeps no counts. */
  Map<String, CacheStats> aliasStats();

  /**
   * What was counted so far per generated method, by method name; empty if this implementation
   * keeps no counts.
   */
  Map<String, CacheStats> methodStats();

  /** Counts in memory: backs {@link io.cachegen.runtime.BaseCache#stats()} by default. */
  static CacheMetrics inProcess() {
    return new InProcessMetrics();
  }

  /**
   * The counters of one alias or one method. Every method is cheap, thread-safe and never throws.
   */
  interface Counters {
    /** Counts nothing: what an alias with {@code record_stats=false} gets. */
    Counters NONE = new Counters() {};

    /** {@code count} lookups found a value (including a stored {@code null}). */
    default void hits(long count) {}

    /** {@code count} lookups found nothing. */
    default void misses(long count) {}

    /**
     * {@code count} values were stored ({@code set}, an {@code add} that stored, stores after a
     * miss, {@code @CachePut}); counted on the alias's counters.
     */
    default void puts(long count) {}

    /** A computation on a miss returned (or its future completed) after {@code nanos}. */
    default void load(long nanos) {}

    /** A computation on a miss threw (or its future failed) after {@code nanos}. */
    default void loadFailure(long nanos) {}

    /**
     * A call to the backend failed: {@link FailureLog.Category#LOOKUP} and {@link
     * FailureLog.Category#STORE} are counted in {@link CacheStats}; others in {@link
     * CacheStats#events()} under their name.
     */
    default void failure(FailureLog.Category category) {}

    /** The backend dropped {@code count} entries to make room (where it knows). */
    default void evictions(long count) {}

    /**
     * An event of the backend's own, counted under {@code name} in {@link CacheStats#events()}: the
     * hook for what only one backend knows (e.g. a Redis circuit breaker opening, {@code
     * "circuit_open"}).
     */
    default void event(String name) {}

    /**
     * A counter of event {@code name} for a hot path (e.g. a near-cache hit): running it counts the
     * event as {@link #event} does, without looking the name up each time. Asked for once, when the
     * cache is built; the default calls {@link #event}.
     */
    default Runnable eventCounter(String name) {
      return () -> event(name);
    }

    /** What was counted so far; {@link CacheStats#EMPTY} if nothing is kept. */
    default CacheStats snapshot() {
      return CacheStats.EMPTY;
    }
  }
}
