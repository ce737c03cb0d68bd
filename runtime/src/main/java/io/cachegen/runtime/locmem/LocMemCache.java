package io.cachegen.runtime.locmem;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Policy;
import io.cachegen.runtime.CacheKeyNotFoundException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.spi.AbstractCache;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.runtime.spi.SetMode;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded default backend ({@code backend=locmem}), Django's {@code LocMemCache} on Caffeine.
 *
 * <p>Each entry has its own expiry. At most {@code options.max_entries} (default 300) entries are
 * kept: when a write finds the cache full, it first culls {@code 1/cull_frequency} of the entries
 * (default 3), least recently used first, or all of them when {@code cull_frequency=0}, as Django
 * does. Values are stored by value (encoded with the alias's serializer, so a caller mutating what
 * it read never changes the cache) unless {@code options.store_by_value=false}, which keeps the
 * objects themselves for speed.
 *
 * <p>Caches configured with the same non-empty {@code location} share one store in this JVM, as
 * Django's do; each keeps its own key prefix, version and timeout.
 *
 * <p>{@link #close()} does nothing (the data stays, as in Django, where it is called after every
 * request); the handler's close releases the store, which its last user empties.
 *
 * <p>Thread-safe; {@code add}, {@code incr} and {@code touch} are atomic.
 */
public final class LocMemCache extends AbstractCache {
  private final Cache<String, Entry> cache;
  private final ConcurrentMap<String, Entry> map;
  private final Policy.Eviction<String, Entry> eviction;
  private final Ticker clock;
  private final ReentrantLock culling;
  private final int maxEntries;
  private final int cullFrequency;
  private final boolean byValue;
  private final String location;

  /** Creates the cache for {@code settings}; see {@link LocMemBackendProvider} for the options. */
  public LocMemCache(CacheSettings settings, BackendContext context) {
    this(LocMemSettings.of(settings), context);
  }

  /** Creates the cache from settings its provider prepared. */
  LocMemCache(LocMemSettings prepared, BackendContext context) {
    super(prepared.settings(), context);
    this.maxEntries = prepared.maxEntries();
    this.cullFrequency = prepared.cullFrequency();
    this.byValue = prepared.byValue();
    this.location = prepared.settings().location();
    Ticker ticker = context.ticker();
    // A private store's evictions are this alias's; a shared store's cannot be told apart by
    // alias, so they are not counted.
    CacheMetrics.Counters evictions = location.isEmpty() ? metrics() : CacheMetrics.Counters.NONE;
    LocMemStore store =
        LocMemStores.acquire(
            prepared, ticker, () -> new LocMemStore(maxEntries, ticker, evictions));
    this.cache = store.cache;
    this.map = store.map;
    this.eviction = store.eviction;
    this.clock = store.clock;
    this.culling = store.culling;
  }

  /** Whether values are stored by value (copied through the serializer). */
  public boolean storesByValue() {
    return byValue;
  }

  /** How many entries the cache holds now (expired ones may be counted until cleaned up). */
  public long size() {
    cache.cleanUp();
    return cache.estimatedSize();
  }

  @Override
  protected Object doGet(String madeKey, ValueType<?> type) {
    Entry entry = live(madeKey);
    if (entry == null) {
      return MISS;
    }
    Object payload = entry.payload();
    if (byValue) {
      return decodeOrMiss(madeKey, (byte[]) payload, type);
    }
    if (payload == Entry.NULL) {
      return null;
    }
    if (!type.rawType().isInstance(payload)) {
      Object converted = IntegralBoxes.convert(payload, type.rawType());
      if (converted != null) {
        return converted;
      }
      reportUnreadable(
          madeKey,
          "holds a " + payload.getClass().getName() + ", not a " + type.type().getTypeName());
      return MISS;
    }
    return payload;
  }

  @Override
  protected boolean doSet(String madeKey, Object value, Timeout timeout, SetMode mode) {
    long now = clock.read();
    Entry entry = new Entry(toPayload(value), expiry(now, timeout));
    switch (mode) {
      case ALWAYS -> {
        cullIfFull(madeKey);
        map.put(madeKey, entry);
        return true;
      }
      case IF_ABSENT -> {
        cullIfFull(madeKey);
        // An expired entry counts as absent: replace it, atomically.
        Entry stored = map.merge(madeKey, entry, (old, mine) -> old.expiredAt(now) ? mine : old);
        return stored == entry;
      }
      case IF_PRESENT -> {
        Entry stored = map.computeIfPresent(madeKey, (k, old) -> old.expiredAt(now) ? null : entry);
        return stored == entry;
      }
      default -> throw new AssertionError(mode);
    }
  }

  @Override
  protected boolean doDelete(String madeKey) {
    Entry removed = map.remove(madeKey);
    return removed != null && !removed.expiredAt(clock.read());
  }

  @Override
  protected boolean doHasKey(String madeKey) {
    return live(madeKey) != null;
  }

  @Override
  protected long doIncr(String key, String madeKey, long delta) {
    long[] result = new long[1];
    long now = clock.read();
    Entry updated =
        map.computeIfPresent(
            madeKey,
            (k, entry) -> {
              if (entry.expiredAt(now)) {
                return null;
              }
              Object current = currentValue(entry, key);
              long sum;
              try {
                sum = Math.addExact(asInteger(key, current), delta);
              } catch (ArithmeticException e) {
                throw new CacheValueException(
                    "cannot incr/decr key '" + key + "': the result overflows");
              }
              result[0] = sum;
              Object next = byValue ? Long.valueOf(sum) : sameBox(current, sum, key);
              return new Entry(toPayload(next), entry.expiresAt());
            });
    if (updated == null) {
      throw new CacheKeyNotFoundException(key);
    }
    return result[0];
  }

  @Override
  protected boolean doTouch(String madeKey, Timeout timeout) {
    long now = clock.read();
    long expiresAt = expiry(now, timeout);
    return map.computeIfPresent(
            madeKey, (k, entry) -> entry.expiredAt(now) ? null : entry.withExpiry(expiresAt))
        != null;
  }

  @Override
  protected boolean doMove(String fromMadeKey, String toMadeKey) {
    Entry entry = map.remove(fromMadeKey);
    if (entry == null || entry.expiredAt(clock.read())) {
      return false;
    }
    cullIfFull(toMadeKey);
    map.put(toMadeKey, entry); // keeps its expiry instant, so its remaining lifetime
    return true;
  }

  @Override
  protected void doClear() {
    cache.invalidateAll();
  }

  /**
   * Releases this alias's use of its store when its handler closes; the last user of a store
   * empties it. {@link #close()} keeps the data, as Django's locmem does.
   */
  @Override
  protected void release() {
    if (LocMemStores.release(location)) {
      cache.invalidateAll();
      cache.cleanUp();
    }
  }

  /** The remaining time to live of a made key, if it holds a value that expires. */
  public Optional<Duration> ttl(String madeKey) {
    Entry entry = live(madeKey);
    if (entry == null || entry.expiresAt() == Entry.FOREVER) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofNanos(entry.expiresAt() - clock.read()));
  }

  /** The entry under {@code madeKey} unless it has expired (an expired one is dropped). */
  private Entry live(String madeKey) {
    Entry entry = cache.getIfPresent(madeKey);
    if (entry != null && entry.expiresAt() != Entry.FOREVER && entry.expiredAt(clock.read())) {
      map.remove(madeKey, entry);
      return null;
    }
    return entry;
  }

  private Object toPayload(Object value) {
    if (byValue) {
      return encode(value);
    }
    return value == null ? Entry.NULL : value;
  }

  private Object currentValue(Entry entry, String key) {
    Object payload = entry.payload();
    if (byValue) {
      return codec.decode((byte[]) payload, anyType());
    }
    return payload == Entry.NULL ? null : payload;
  }

  private static Object sameBox(Object current, long sum, String key) {
    if (current instanceof Long) {
      return sum;
    }
    if (current instanceof Integer && sum == (int) sum) {
      return (int) sum;
    }
    if (current instanceof Short && sum == (short) sum) {
      return (short) sum;
    }
    if (current instanceof Byte && sum == (byte) sum) {
      return (byte) sum;
    }
    throw new CacheValueException(
        "cannot incr/decr key '"
            + key
            + "': "
            + sum
            + " does not fit its "
            + current.getClass().getSimpleName());
  }

  private static long expiry(long now, Timeout timeout) {
    return timeout.isNever()
        ? Entry.FOREVER
        : Entry.expiryAfter(now, TimeUnit.MILLISECONDS.toNanos(timeout.toMillis()));
  }

  /**
   * Django's cull: when full, drop 1/cull_frequency of the entries (LRU first), or all for 0. One
   * writer culls at a time (see {@link LocMemStore#culling}).
   */
  private void cullIfFull(String incomingKey) {
    if (cache.estimatedSize() < maxEntries || map.containsKey(incomingKey) || !culling.tryLock()) {
      return;
    }
    try {
      cull();
    } finally {
      culling.unlock();
    }
  }

  private void cull() {
    // Expired entries go first: they are dead weight nobody has read since they expired.
    long now = clock.read();
    map.values().removeIf(entry -> entry.expiredAt(now));
    if (cache.estimatedSize() < maxEntries) {
      return;
    }
    if (cullFrequency == 0) {
      cache.invalidateAll();
      return;
    }
    long size = cache.estimatedSize();
    long count = Math.max(1, size / cullFrequency);
    // Caffeine evicts the coldest entries itself, in one maintenance pass, when its bound is
    // lowered for a moment: no snapshot of the order and no removal per key queued behind the
    // other writers' work (which made concurrent writers wait on Caffeine's eviction lock).
    eviction.setMaximum(Math.max(0, size - count));
    eviction.setMaximum(maxEntries);
  }
}
