package io.cachegen.runtime;

import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * What one alias or one generated method counted (see {@link
 * io.cachegen.runtime.spi.CacheMetrics}); all zero with {@code record_stats=false}.
 *
 * @param hits lookups that found a value (including a stored {@code null})
 * @param misses lookups that found nothing
 * @param puts values stored: {@code set}, an {@code add} that stored, {@code setMany}'s stored
 *     values, {@code getOrSet}'s and generated code's stores after a miss, {@code @CachePut}
 * @param loads computations on a miss that returned a value (generated methods, {@code getOrSet});
 *     a computation other callers waited for counts once
 * @param loadFailures computations on a miss that threw (or whose future failed)
 * @param totalLoadTimeNanos the time spent in computations, successful or not
 * @param lookupFailures reads the backend failed to serve (e.g. Redis down)
 * @param storeFailures writes the backend failed to do (e.g. Redis down, a value that cannot be
 *     encoded)
 * @param evictions entries the backend dropped to make room, where it reports them
 * @param events other counts, by name: failures of other kinds ({@code evict_failure}, {@code
 *     lock_failure}, ...) and events of the backend's own
 */
public record CacheStats(
    long hits,
    long misses,
    long puts,
    long loads,
    long loadFailures,
    long totalLoadTimeNanos,
    long lookupFailures,
    long storeFailures,
    long evictions,
    Map<String, Long> events) {
  /** Nothing counted. */
  public static final CacheStats EMPTY = new CacheStats(0, 0);

  /** Copies {@code events}, which must not be null. */
  public CacheStats {
    events = Map.copyOf(Objects.requireNonNull(events, "events"));
  }

  /** Hits and misses only, everything else zero. */
  public CacheStats(long hits, long misses) {
    this(hits, misses, 0, 0, 0, 0, 0, 0, 0, Map.of());
  }

  /** Hits plus misses. */
  public long requests() {
    return hits + misses;
  }

  /** Hits over requests, or 0 when there were none. */
  public double hitRate() {
    long requests = requests();
    return requests == 0 ? 0 : (double) hits / requests;
  }

  /** The mean time of a computation, successful or not, in nanoseconds; 0 when there was none. */
  public double averageLoadPenaltyNanos() {
    long computations = loads + loadFailures;
    return computations == 0 ? 0 : (double) totalLoadTimeNanos / computations;
  }

  /** The count of event {@code name}, 0 if it never happened. */
  public long event(String name) {
    return events.getOrDefault(name, 0L);
  }

  /** These counts and {@code other}'s added up, event by event (as Caffeine's {@code plus}). */
  public CacheStats plus(CacheStats other) {
    Map<String, Long> summed = new HashMap<>(events);
    other.events.forEach((name, count) -> summed.merge(name, count, Long::sum));
    return new CacheStats(
        hits + other.hits,
        misses + other.misses,
        puts + other.puts,
        loads + other.loads,
        loadFailures + other.loadFailures,
        totalLoadTimeNanos + other.totalLoadTimeNanos,
        lookupFailures + other.lookupFailures,
        storeFailures + other.storeFailures,
        evictions + other.evictions,
        summed);
  }
}
