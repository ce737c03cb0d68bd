package io.cachegen.redis;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.spi.CacheMetrics;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The near cache of one Redis alias: in-process copies (L1, a size-bounded Caffeine map) of values
 * this JVM read from Redis, dropped when Redis says the key changed ({@link NearTracking}) or when
 * they reach their age limit. Knows nothing of Jedis: {@link RedisCache} reads and fills it, {@link
 * NearTracking} invalidates and flushes it.
 *
 * <p><b>Filling without losing an invalidation.</b> A read that misses L1 first puts a {@link
 * Loading} marker under the key ({@link #startLoading}), then reads Redis, then swaps its marker
 * for the copy ({@link #install}) only if the marker is still there: an invalidation that arrived
 * while the read was in flight removed it (an invalidation can overtake the reply it concerns, as
 * they come on different connections), and so did a flush. Nothing is installed while tracking is
 * not established ({@link #live()} false) or once a flush happened since the read started (the
 * marker remembers the {@link #generation}).
 *
 * <p><b>Age.</b> A copy lives at most {@code near_max_age}, and never past the Redis key's own
 * expiry as read with the value ({@code PTTL}), whatever the invalidations do. Expiry is checked on
 * each hit against a clock sampled once a millisecond ({@link
 * io.cachegen.runtime.spi.BackendContext#expiryClock()}).
 *
 * <p><b>By value or by reference.</b> As locmem's {@code store_by_value}: by value (the default) a
 * copy keeps the stored bytes and every hit decodes a fresh object; by reference a copy keeps the
 * decoded object, which every hit returns as is (callers must not mutate it).
 *
 * <p>Thread-safe; a hit allocates nothing (by reference) and takes no lock.
 */
final class NearCache {
  private final Cache<String, Object> l1;
  private final ConcurrentMap<String, Object> map;
  private final boolean byValue;
  private final long maxAgeNanos;
  private final Ticker clock;
  private final Runnable nearHits;
  private final Runnable nearMisses;
  private final CacheMetrics.Counters metrics;

  /** Bumped by every {@link #flush()}: a fill that started before a flush installs nothing. */
  private final AtomicLong generation = new AtomicLong();

  /** Whether Redis is tracking this alias's keys for us, so that copies may be kept. */
  private volatile boolean live;

  /**
   * @param maxEntries {@code near_max_entries}
   * @param maxAgeNanos {@code near_max_age}
   * @param byValue {@code store_by_value}
   * @param clock the expiry clock
   * @param metrics the alias's counters, for near hits, misses, invalidations and flushes
   */
  NearCache(
      int maxEntries,
      long maxAgeNanos,
      boolean byValue,
      Ticker clock,
      CacheMetrics.Counters metrics) {
    this.l1 = Caffeine.newBuilder().maximumSize(maxEntries).executor(Runnable::run).build();
    this.map = l1.asMap();
    this.byValue = byValue;
    this.maxAgeNanos = maxAgeNanos;
    this.clock = clock;
    this.metrics = metrics;
    this.nearHits = metrics.eventCounter(Events.NEAR_HIT);
    this.nearMisses = metrics.eventCounter(Events.NEAR_MISS);
  }

  /**
   * The names under which the near cache counts in {@link io.cachegen.runtime.CacheStats#events()}.
   */
  static final class Events {
    /** A lookup served from L1. */
    static final String NEAR_HIT = "near_hit";

    /** A lookup L1 could not serve, so Redis did. */
    static final String NEAR_MISS = "near_miss";

    /** A key Redis said changed, dropped from L1 (whether or not it held a copy). */
    static final String NEAR_INVALIDATION = "near_invalidation";

    /** L1 emptied at once: tracking lost, or a FLUSHDB/FLUSHALL on the server. */
    static final String NEAR_FLUSH = "near_flush";

    /** Tracking (re-)established: L1 is in use again. */
    static final String NEAR_TRACKING = "near_tracking_established";

    private Events() {}
  }

  /** A copy of one value, with when it stops being served. */
  record Copy(Object value, ValueType<?> type, byte[] stored, long expiresAt) {}

  /** The marker of a read in flight; identity matters. */
  static final class Loading {
    final long generation;

    Loading(long generation) {
      this.generation = generation;
    }
  }

  /** Whether values are copied in and out as bytes ({@code store_by_value}). */
  boolean byValue() {
    return byValue;
  }

  /**
   * The copy of {@code madeKey} to serve as {@code type}, or {@code null}: none, being loaded,
   * expired, or (by reference) decoded as another type. Counts a near hit or a near miss.
   */
  Copy get(String madeKey, ValueType<?> type) {
    Object held = l1.getIfPresent(madeKey);
    if (held instanceof Copy copy
        && copy.expiresAt - clock.read() > 0
        && (byValue || copy.type == type || copy.type.equals(type))) {
      nearHits.run();
      return copy;
    }
    nearMisses.run();
    return null;
  }

  /**
   * Marks {@code madeKey} as being read from Redis; {@code null} if tracking is not established
   * (the read then installs nothing).
   */
  Loading startLoading(String madeKey) {
    if (!live) {
      return null;
    }
    Loading loading = new Loading(generation.get());
    map.put(madeKey, loading);
    return loading;
  }

  /**
   * Swaps {@code loading} for a copy of what the read found, unless an invalidation or a flush came
   * in between (or tracking was lost).
   *
   * @param value the decoded value ({@code null} for a stored null)
   * @param stored the stored bytes, kept for a by-value copy
   * @param pttlMillis the key's time to live as read with it: -1 for none, -2 if it had expired by
   *     then (nothing is kept)
   */
  void install(
      String madeKey,
      Loading loading,
      Object value,
      ValueType<?> type,
      byte[] stored,
      long pttlMillis) {
    if (pttlMillis == -2) { // the key expired between its GET and its PTTL: nothing to keep
      map.remove(madeKey, loading);
      return;
    }
    long now = clock.read();
    long ageNanos = maxAgeNanos;
    if (pttlMillis >= 0) {
      ageNanos = Math.min(ageNanos, pttlMillis * 1_000_000L);
    }
    Copy copy =
        byValue
            ? new Copy(null, null, stored, now + ageNanos)
            : new Copy(value, type, null, now + ageNanos);
    if (live && generation.get() == loading.generation) {
      map.replace(madeKey, loading, copy);
    } else {
      map.remove(madeKey, loading);
    }
  }

  /** Drops {@code loading} (the read failed or found nothing), unless it was replaced. */
  void abandon(String madeKey, Loading loading) {
    map.remove(madeKey, loading);
  }

  /** Redis said {@code madeKey} changed: drops this JVM's copy, or a read's marker. */
  void invalidate(String madeKey) {
    map.remove(madeKey);
    metrics.event(Events.NEAR_INVALIDATION);
  }

  /** This JVM changed {@code madeKey}: drops its copy at once, before Redis's message comes. */
  void forget(String madeKey) {
    map.remove(madeKey);
  }

  /** Drops every copy and every read's marker, counted as a flush. */
  void flush() {
    clear();
    metrics.event(Events.NEAR_FLUSH);
  }

  /** Drops every copy and every read's marker; a fill in flight keeps nothing. */
  private void clear() {
    generation.incrementAndGet();
    map.clear();
  }

  /**
   * Tracking is established ({@code true}; copies may be kept) or lost ({@code false}: flushes, and
   * reads go to Redis until it is back).
   */
  void live(boolean live) {
    if (!live) {
      if (this.live) {
        this.live = false;
        flush();
      }
    } else {
      clear(); // nothing read before tracking started may be kept
      this.live = true;
      metrics.event(Events.NEAR_TRACKING);
    }
  }

  /** Whether copies are being kept. */
  boolean live() {
    return live;
  }

  /** How many keys L1 holds (copies and markers), for tests. */
  long size() {
    l1.cleanUp();
    return l1.estimatedSize();
  }

  /** Whether L1 holds a copy of {@code madeKey}, expired or not; for tests. */
  boolean holds(String madeKey) {
    return map.get(madeKey) instanceof Copy;
  }
}
