package io.cachegen.runtime;

import io.cachegen.runtime.internal.Internal;
import io.cachegen.runtime.spi.CacheMetrics;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * One configured cache alias: Django's {@code BaseCache} contract in Java.
 *
 * <p>Keys given to these methods are the caller's keys; every method turns them into the stored key
 * with {@link #makeKey(String, int)} (by default {@code key_prefix:version:key}). Methods without a
 * {@code version} argument use the alias's configured {@link #version()}; methods without a {@code
 * timeout} use {@link Timeout#DEFAULT}, the alias's configured {@link #defaultTimeout()}.
 *
 * <p>Values are stored by value unless a backend says otherwise: a value read back is a copy, and
 * mutating it never changes what is cached. A stored {@code null} is a value, distinct from a miss:
 * {@link #get(String, ValueType, Object)} returns the default only on a miss, and {@link
 * #hasKey(String)} is {@code true} for a stored {@code null}.
 *
 * <p>All implementations are thread-safe. Infrastructure failures are {@link CacheException}s
 * (unchecked); a value that cannot be decoded as the requested type is a miss, never a {@link
 * ClassCastException}.
 */
public interface BaseCache extends AutoCloseable {

  /**
   * Returned by {@link #lookup(String, ValueType)} on a miss. Never stored, never returned by the
   * key-based methods. Internal, as {@code lookup}.
   */
  @Internal Object MISS = MissMarker.MISS;

  /** The alias this cache was configured under, e.g. {@code "default"}. */
  String alias();

  /**
   * The configured default timeout ({@code caches.<alias>.timeout}); never {@link Timeout#DEFAULT}.
   */
  Timeout defaultTimeout();

  /** The configured key prefix ({@code caches.<alias>.key_prefix}); empty by default. */
  String keyPrefix();

  /** The configured version ({@code caches.<alias>.version}); 1 by default. */
  int version();

  // ---- keys ----

  /** The stored key for {@code key} at the configured version. */
  default String makeKey(String key) {
    return makeKey(key, version());
  }

  /** The stored key for {@code key} at {@code version}, built by the alias's key function. */
  String makeKey(String key, int version);

  /**
   * Warns (through SLF4J, as Django's {@code CacheKeyWarning}) about a stored key that a memcached
   * server could not take: longer than 250 characters, or holding spaces or control characters.
   * Never throws; the key still works on every cachegen backend.
   */
  void validateKey(String key);

  // ---- reads ----

  /** The value under {@code key}, or {@code null} on a miss or if {@code null} was stored. */
  default <T> T get(String key, Class<T> type) {
    return get(key, ValueType.of(type), null, version());
  }

  /** The value under {@code key}, or {@code null} on a miss or if {@code null} was stored. */
  default <T> T get(String key, ValueType<T> type) {
    return get(key, type, null, version());
  }

  /** The value under {@code key}, or {@code defaultValue} on a miss. */
  default <T> T get(String key, Class<T> type, T defaultValue) {
    return get(key, ValueType.of(type), defaultValue, version());
  }

  /** The value under {@code key}, or {@code defaultValue} on a miss. */
  default <T> T get(String key, ValueType<T> type, T defaultValue) {
    return get(key, type, defaultValue, version());
  }

  /**
   * The value under {@code key} at {@code version}, or {@code defaultValue} on a miss. A value that
   * does not decode as {@code type} is a miss.
   */
  <T> T get(String key, ValueType<T> type, T defaultValue, int version);

  /** Whether a value (including a stored {@code null}) is under {@code key}. */
  default boolean hasKey(String key) {
    return hasKey(key, version());
  }

  /** Whether a value (including a stored {@code null}) is under {@code key} at {@code version}. */
  boolean hasKey(String key, int version);

  /**
   * The values found for {@code keys}, keyed by the caller's keys; missing keys are absent from the
   * map. Where the backend allows it, this is one round trip.
   */
  default <T> Map<String, T> getMany(Collection<String> keys, Class<T> type) {
    return getMany(keys, ValueType.of(type), version());
  }

  /** As {@link #getMany(Collection, Class)}, for a generic value type. */
  default <T> Map<String, T> getMany(Collection<String> keys, ValueType<T> type) {
    return getMany(keys, type, version());
  }

  /** As {@link #getMany(Collection, Class)}, at {@code version}. */
  <T> Map<String, T> getMany(Collection<String> keys, ValueType<T> type, int version);

  // ---- writes ----

  /** Stores {@code value} under {@code key} with the default timeout. Returns {@code true}. */
  default boolean set(String key, Object value) {
    return set(key, value, Timeout.DEFAULT, version());
  }

  /** Stores {@code value} under {@code key} for {@code timeout}. */
  default boolean set(String key, Object value, Timeout timeout) {
    return set(key, value, timeout, version());
  }

  /**
   * Stores {@code value} under {@code key} at {@code version} for {@code timeout}. A timeout of 0
   * removes the key instead. Returns whether the value was stored.
   */
  boolean set(String key, Object value, Timeout timeout, int version);

  /** Stores {@code value} only if {@code key} holds nothing; returns whether it stored. */
  default boolean add(String key, Object value) {
    return add(key, value, Timeout.DEFAULT, version());
  }

  /** Stores {@code value} only if {@code key} holds nothing; returns whether it stored. */
  default boolean add(String key, Object value, Timeout timeout) {
    return add(key, value, timeout, version());
  }

  /**
   * Stores {@code value} only if {@code key} at {@code version} holds nothing (atomically); returns
   * whether it stored. With a zero timeout nothing readable is stored and, as in Django, the result
   * says whether the key was absent (a present key is left alone).
   */
  boolean add(String key, Object value, Timeout timeout, int version);

  /**
   * Stores every entry with the default timeout; returns the keys that could not be stored (empty
   * when all were).
   */
  default List<String> setMany(Map<String, ?> values) {
    return setMany(values, Timeout.DEFAULT, version());
  }

  /** As {@link #setMany(Map)}, for {@code timeout}. */
  default List<String> setMany(Map<String, ?> values, Timeout timeout) {
    return setMany(values, timeout, version());
  }

  /** As {@link #setMany(Map)}, for {@code timeout} at {@code version}. */
  List<String> setMany(Map<String, ?> values, Timeout timeout, int version);

  /** Removes {@code key}; returns whether it existed. */
  default boolean delete(String key) {
    return delete(key, version());
  }

  /** Removes {@code key} at {@code version}; returns whether it existed. */
  boolean delete(String key, int version);

  /** Removes every key in {@code keys}. */
  default void deleteMany(Collection<String> keys) {
    deleteMany(keys, version());
  }

  /** Removes every key in {@code keys} at {@code version}. */
  void deleteMany(Collection<String> keys, int version);

  /**
   * Sets a new timeout on {@code key} without changing its value; returns whether the key existed.
   */
  default boolean touch(String key) {
    return touch(key, Timeout.DEFAULT, version());
  }

  /** As {@link #touch(String)}, with {@code timeout}. */
  default boolean touch(String key, Timeout timeout) {
    return touch(key, timeout, version());
  }

  /** As {@link #touch(String)}, with {@code timeout} at {@code version}. */
  boolean touch(String key, Timeout timeout, int version);

  // ---- counters ----

  /**
   * Adds 1 to the integer under {@code key} and returns the result.
   *
   * @throws CacheKeyNotFoundException if the key holds nothing (as Django's {@code ValueError})
   * @throws CacheValueException if the key holds something other than an integer
   */
  default long incr(String key) {
    return incr(key, 1, version());
  }

  /** Adds {@code delta} to the integer under {@code key}; see {@link #incr(String)}. */
  default long incr(String key, long delta) {
    return incr(key, delta, version());
  }

  /** Adds {@code delta} to the integer under {@code key} at {@code version} (atomically). */
  long incr(String key, long delta, int version);

  /** Subtracts 1; see {@link #incr(String)}. */
  default long decr(String key) {
    return incr(key, -1, version());
  }

  /** Subtracts {@code delta}; see {@link #incr(String)}. */
  default long decr(String key, long delta) {
    return incr(key, -delta, version());
  }

  /** Subtracts {@code delta} at {@code version}; see {@link #incr(String)}. */
  default long decr(String key, long delta, int version) {
    return incr(key, -delta, version);
  }

  // ---- versions ----

  /** Moves the value under {@code key} to the next version; returns the new version. */
  default int incrVersion(String key) {
    return incrVersion(key, 1, version());
  }

  /**
   * Moves the value under {@code key} from {@code version} to {@code version + delta}, keeping its
   * remaining timeout where the backend can, and returns the new version.
   *
   * @throws CacheKeyNotFoundException if the key holds nothing at {@code version}
   */
  int incrVersion(String key, int delta, int version);

  /** Moves the value under {@code key} to the previous version; returns the new version. */
  default int decrVersion(String key) {
    return incrVersion(key, -1, version());
  }

  /** Moves the value from {@code version} to {@code version - delta}; returns the new version. */
  default int decrVersion(String key, int delta, int version) {
    return incrVersion(key, -delta, version);
  }

  // ---- get-or-compute ----

  /**
   * The value under {@code key}; on a miss computes it with {@code supplier}, {@link #add adds} it
   * with the default timeout and returns it (Django's {@code get_or_set}).
   *
   * <p><b>Differs from Django:</b> concurrent callers in this JVM that miss the same key compute it
   * once (Django calls the default once per caller): the others wait for that computation and get
   * its value, or its exception as is, as generated {@code @Cached} methods do. A failure is not
   * stored. Across processes, the first {@code add} wins and every caller returns what is stored.
   */
  default <T> T getOrSet(String key, Class<T> type, Supplier<? extends T> supplier) {
    return getOrSet(key, ValueType.of(type), supplier, Timeout.DEFAULT, version());
  }

  /** As {@link #getOrSet(String, Class, Supplier)} for a generic type and {@code timeout}. */
  default <T> T getOrSet(
      String key, ValueType<T> type, Supplier<? extends T> supplier, Timeout timeout) {
    return getOrSet(key, type, supplier, timeout, version());
  }

  /** As {@link #getOrSet(String, Class, Supplier)} at {@code version}. */
  <T> T getOrSet(
      String key, ValueType<T> type, Supplier<? extends T> supplier, Timeout timeout, int version);

  // ---- whole cache ----

  /** Removes every value of this alias (its key prefix only, where the backend is shared). */
  void clear();

  /**
   * What this alias counted since its handler was created (hits, misses, loads, failures: see
   * {@link CacheStats}); {@link CacheStats#EMPTY} with {@code record_stats=false}.
   */
  CacheStats stats();

  /**
   * Releases what the cache holds between uses, as Django's {@code close()}, which Django calls
   * after every request: Redis closes its idle pooled connections, locmem and dummy do nothing
   * (locmem keeps its data). The cache stays usable: the next call opens a connection again. Calls
   * running on other threads are not disturbed. Idempotent.
   *
   * <p>To dispose of caches for good, close the {@link CacheHandler} that created them; after that
   * every call throws an {@link IllegalStateException} naming the alias.
   */
  @Override
  void close();

  // ---- made keys: for generated code ----
  //
  // @Internal: generated code calls these (through CacheSite) with keys it made once; hand-written
  // code uses the key-based methods above. Every backend implements them (AbstractCache does).

  /**
   * Looks up an already-made key (see {@link #makeKey(String, int)}) and decodes it as {@code
   * type}: the value, {@code null} for a stored {@code null}, or {@link #MISS}. Skips key
   * validation; counts a hit or a miss.
   */
  @Internal
  Object lookup(String madeKey, ValueType<?> type);

  /**
   * As {@link #lookup(String, ValueType)}, counting the hit or miss on {@code counters} instead of
   * the alias's: a generated method's ({@link CacheMetrics#method}), which roll up into the
   * alias's. The default ignores {@code counters} and counts as {@link #lookup(String, ValueType)}
   * does.
   */
  @Internal
  default Object lookup(String madeKey, ValueType<?> type, CacheMetrics.Counters counters) {
    return lookup(madeKey, type);
  }

  /**
   * As {@link #lookup(String, ValueType, CacheMetrics.Counters)}, but never served by an in-process
   * near cache in front of the backend's store (Redis's {@code near_cache=true}): the store itself
   * is read, and no near copy is made. For a {@code @Cached(nearCache = false)} method. The
   * default, for a backend without a near cache, is that lookup.
   */
  @Internal
  default Object lookupBypassingNear(
      String madeKey, ValueType<?> type, CacheMetrics.Counters counters) {
    return lookup(madeKey, type, counters);
  }

  /**
   * As {@link #lookup(String, ValueType)}, but counts neither a hit nor a miss: for a second look
   * after a counted miss (single-flight re-checks), so each request is counted once.
   */
  @Internal
  Object peek(String madeKey, ValueType<?> type);

  /**
   * As {@link #peek(String, ValueType)}, but never served by a near cache, as {@link
   * #lookupBypassingNear}: the second look of a {@code @Cached(nearCache = false)} method's miss.
   * The default, for a backend without a near cache, is {@code peek}.
   */
  @Internal
  default Object peekBypassingNear(String madeKey, ValueType<?> type) {
    return peek(madeKey, type);
  }

  /** Stores {@code value} under an already-made key; returns whether it stored. */
  @Internal
  boolean store(String madeKey, Object value, Timeout timeout);

  /** Removes an already-made key; returns whether it existed. */
  @Internal
  boolean remove(String madeKey);
}
