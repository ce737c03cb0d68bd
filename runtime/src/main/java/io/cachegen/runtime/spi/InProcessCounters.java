package io.cachegen.runtime.spi;

import io.cachegen.runtime.CacheStats;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counters kept in memory, one {@link LongAdder} each (contended increments do not serialize);
 * events by name. An alias's counters hold its methods' counters as parts ({@link #addPart}): a
 * generated hit increments one adder, its method's, and the alias's {@link #snapshot()} adds the
 * parts in. A snapshot sums adders, so it is not atomic across counters.
 */
final class InProcessCounters implements CacheMetrics.Counters {
  private final CopyOnWriteArrayList<InProcessCounters> parts = new CopyOnWriteArrayList<>();
  private final LongAdder hits = new LongAdder();
  private final LongAdder misses = new LongAdder();
  private final LongAdder puts = new LongAdder();
  private final LongAdder loads = new LongAdder();
  private final LongAdder loadFailures = new LongAdder();
  private final LongAdder loadNanos = new LongAdder();
  private final LongAdder lookupFailures = new LongAdder();
  private final LongAdder storeFailures = new LongAdder();
  private final LongAdder evictions = new LongAdder();
  private final ConcurrentHashMap<String, LongAdder> events = new ConcurrentHashMap<>();

  @Override
  public void hits(long count) {
    hits.add(count);
  }

  @Override
  public void misses(long count) {
    misses.add(count);
  }

  @Override
  public void puts(long count) {
    puts.add(count);
  }

  @Override
  public void load(long nanos) {
    loads.increment();
    loadNanos.add(nanos);
  }

  @Override
  public void loadFailure(long nanos) {
    loadFailures.increment();
    loadNanos.add(nanos);
  }

  @Override
  public void failure(FailureLog.Category category) {
    switch (category) {
      case LOOKUP -> lookupFailures.increment();
      case STORE -> storeFailures.increment();
      default -> event(category + "_failure");
    }
  }

  @Override
  public void evictions(long count) {
    evictions.add(count);
  }

  @Override
  public void event(String name) {
    events.computeIfAbsent(name, n -> new LongAdder()).increment();
  }

  @Override
  public Runnable eventCounter(String name) {
    return events.computeIfAbsent(name, n -> new LongAdder())::increment;
  }

  /** Counts what {@code part} counts as this one's too, in {@link #snapshot()}. */
  void addPart(InProcessCounters part) {
    parts.add(part);
  }

  @Override
  public CacheStats snapshot() {
    CacheStats stats = own();
    for (InProcessCounters part : parts) {
      stats = stats.plus(part.own());
    }
    return stats;
  }

  /** What was counted here, without the parts. */
  private CacheStats own() {
    Map<String, Long> counted = new TreeMap<>();
    events.forEach((name, count) -> counted.put(name, count.sum()));
    return new CacheStats(
        hits.sum(),
        misses.sum(),
        puts.sum(),
        loads.sum(),
        loadFailures.sum(),
        loadNanos.sum(),
        lookupFailures.sum(),
        storeFailures.sum(),
        evictions.sum(),
        counted);
  }
}
