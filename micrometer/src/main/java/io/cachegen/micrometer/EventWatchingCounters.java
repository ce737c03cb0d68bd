package io.cachegen.micrometer;

import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.runtime.spi.FailureLog;

/**
 * In-process counters that tell {@link AliasEvents} about each event name they see, so that its
 * meter is registered when the name first occurs. Counting is the in-process counters' alone: hits,
 * misses, puts, loads, failures and evictions go straight to them (one forwarding call, which the
 * JIT inlines; no Micrometer call, no lookup), and so does a hot event counter ({@link
 * #eventCounter}, asked for once when a cache is built, e.g. the near cache's hits). Only {@link
 * #event}, a cold path (a circuit breaker opening), checks whether its name is new.
 */
final class EventWatchingCounters implements CacheMetrics.Counters {
  private final CacheMetrics.Counters counts;
  private final AliasEvents events;

  EventWatchingCounters(CacheMetrics.Counters counts, AliasEvents events) {
    this.counts = counts;
    this.events = events;
  }

  @Override
  public void hits(long count) {
    counts.hits(count);
  }

  @Override
  public void misses(long count) {
    counts.misses(count);
  }

  @Override
  public void puts(long count) {
    counts.puts(count);
  }

  @Override
  public void load(long nanos) {
    counts.load(nanos);
  }

  @Override
  public void loadFailure(long nanos) {
    counts.loadFailure(nanos);
  }

  @Override
  public void failure(FailureLog.Category category) {
    counts.failure(category);
  }

  @Override
  public void evictions(long count) {
    counts.evictions(count);
  }

  @Override
  public void event(String name) {
    events.seen(name);
    counts.event(name);
  }

  @Override
  public Runnable eventCounter(String name) {
    events.seen(name);
    return counts.eventCounter(name);
  }

  @Override
  public CacheStats snapshot() {
    return counts.snapshot();
  }
}
