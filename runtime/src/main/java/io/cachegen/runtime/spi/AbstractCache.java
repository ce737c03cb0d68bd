package io.cachegen.runtime.spi;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheCodec;
import io.cachegen.runtime.CacheKeyNotFoundException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.codec.Codecs;
import io.cachegen.runtime.internal.HandlerClosed;
import io.cachegen.runtime.internal.Internal;
import io.cachegen.runtime.internal.SingleFlight;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Django half of every backend: key making and validation, default timeouts and versions,
 * counting (into the alias's {@link CacheMetrics.Counters}, see {@link #metrics()}), and the
 * operations Django builds from smaller ones. A backend implements the {@code do*} methods on
 * already-made keys; it overrides the batch methods where it can do them in one round trip.
 *
 * <p>Lifecycle, as Django's: {@link #close()} releases what the backend holds (connections) and the
 * cache stays usable; {@link #dispose()}, called by the {@link io.cachegen.runtime.CacheHandler}
 * that created the cache when it closes, releases everything for good, and every later call throws
 * an {@link IllegalStateException} naming the alias. The check costs each call one volatile read.
 */
public abstract class AbstractCache implements BaseCache {
  /** Options every backend accepts: {@code serializer} and {@code record_stats}. */
  public static final Set<String> COMMON_OPTIONS = Set.of("serializer", "record_stats");

  private static final Logger LOG = LoggerFactory.getLogger(AbstractCache.class);
  private static final ValueType<Object> ANY = ValueType.of(Object.class);
  private static final int MEMCACHE_MAX_KEY_LENGTH = 250;
  private static final long DEFAULT_FAILURE_LOG_INTERVAL_MILLIS = 10_000;

  protected final CacheSettings settings;
  protected final CacheCodec codec;
  private final KeyFunction keyFunction;
  private final String keyPrefix;
  private final int version;
  private final Timeout defaultTimeout;

  /** The alias's counters; {@link CacheMetrics.Counters#NONE} with {@code record_stats=false}. */
  private final CacheMetrics.Counters metrics;

  /** Whether anything is counted: the one check a call makes when counting is off. */
  private final boolean recording;

  private final Cache<String, Boolean> reportedKeys =
      Caffeine.newBuilder().maximumSize(10_000).build();
  private final FailureLog failureLog;

  /** Why every call fails once the handler disposed of this cache; {@code null} while usable. */
  private volatile String disposed;

  private final SingleFlight flights = new SingleFlight();

  /**
   * A cache whose per-call failures are logged at most once per 10 seconds and category, with the
   * codec {@code options.serializer} names.
   */
  protected AbstractCache(CacheSettings settings, KeyFunction keyFunction) {
    this(
        settings,
        keyFunction,
        Codecs.of(settings),
        new InProcessCounters(),
        DEFAULT_FAILURE_LOG_INTERVAL_MILLIS);
  }

  /**
   * A cache with the key function, codec and counters its handler resolved ({@code context}), whose
   * per-call failures are logged at most once per 10 seconds and category.
   */
  protected AbstractCache(CacheSettings settings, BackendContext context) {
    this(settings, context, DEFAULT_FAILURE_LOG_INTERVAL_MILLIS);
  }

  /**
   * A cache with the key function and codec its handler resolved ({@code context}), whose per-call
   * failures (see {@link #failureLog()}) are logged at most once per {@code
   * failureLogIntervalMillis} and category.
   */
  protected AbstractCache(
      CacheSettings settings, BackendContext context, long failureLogIntervalMillis) {
    this(
        settings,
        context.keyFunction(),
        context.codec(),
        context.metrics(),
        failureLogIntervalMillis);
  }

  private AbstractCache(
      CacheSettings settings,
      KeyFunction keyFunction,
      CacheCodec codec,
      CacheMetrics.Counters metrics,
      long failureLogIntervalMillis) {
    this.failureLog =
        new FailureLog(settings.alias(), failureLogIntervalMillis, getClass(), System::nanoTime);
    this.settings = settings;
    this.keyFunction = keyFunction;
    this.keyPrefix = settings.keyPrefix();
    this.version = settings.version();
    this.defaultTimeout = settings.timeout();
    this.metrics =
        settings.booleanOption("record_stats", true) ? metrics : CacheMetrics.Counters.NONE;
    this.recording = this.metrics != CacheMetrics.Counters.NONE;
    this.codec = codec;
  }

  // ---- what a backend implements, on made keys ----

  /** The decoded value, {@code null} for a stored null, or {@link #MISS}. */
  protected abstract Object doGet(String madeKey, ValueType<?> type);

  /**
   * As {@link #doGet}, but from the backend's store itself, never from an in-process near cache in
   * front of it, and without making a near copy: the reads of {@code @Cached(nearCache = false)}
   * methods ({@link #lookupBypassingNear}, {@link #peekBypassingNear}). A backend with a near cache
   * overrides it; the default is {@link #doGet}.
   */
  protected Object doGetBypassingNear(String madeKey, ValueType<?> type) {
    return doGet(madeKey, type);
  }

  /** Stores under {@code mode}; {@code timeout} is resolved and not zero. */
  protected abstract boolean doSet(String madeKey, Object value, Timeout timeout, SetMode mode);

  /** Removes; returns whether the key existed. */
  protected abstract boolean doDelete(String madeKey);

  /** Whether anything (including a stored null) is under the key. */
  protected abstract boolean doHasKey(String madeKey);

  /**
   * Adds {@code delta} to the integer under the key, atomically, keeping its expiry.
   *
   * @param key the caller's key, for {@link CacheKeyNotFoundException}
   */
  protected abstract long doIncr(String key, String madeKey, long delta);

  /** Sets a new (resolved, non-zero) timeout; returns whether the key existed. */
  protected abstract boolean doTouch(String madeKey, Timeout timeout);

  /**
   * Moves the value from one made key to another, keeping its remaining timeout; returns false if
   * there was nothing to move.
   */
  protected abstract boolean doMove(String fromMadeKey, String toMadeKey);

  /** Removes every value of this alias. */
  protected abstract void doClear();

  /**
   * Values for made keys, in order, with {@link #MISS} for misses. The default asks one by one;
   * remote backends override it with one round trip.
   */
  protected Object[] doGetMany(List<String> madeKeys, ValueType<?> type) {
    Object[] out = new Object[madeKeys.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = doGet(madeKeys.get(i), type);
    }
    return out;
  }

  /**
   * Stores every entry (made key → value); returns the made keys that failed. The default stores
   * one by one.
   */
  protected List<String> doSetMany(Map<String, ?> madeKeysToValues, Timeout timeout) {
    List<String> failed = new ArrayList<>();
    madeKeysToValues.forEach(
        (k, v) -> {
          try {
            if (!doSet(k, v, timeout, SetMode.ALWAYS)) {
              failed.add(k);
            }
          } catch (CacheValueException e) {
            reportUnstorable(k, e.getMessage());
            failed.add(k);
          }
        });
    return failed;
  }

  /** Removes every made key. The default removes one by one. */
  protected void doDeleteMany(List<String> madeKeys) {
    for (String k : madeKeys) {
      doDelete(k);
    }
  }

  // ---- helpers for backends ----

  /** Encodes with the alias's codec. */
  protected byte[] encode(Object value) {
    return codec.encode(value);
  }

  /**
   * Decodes with the alias's codec; bytes that do not decode as {@code type} are a {@link #MISS},
   * logged at a bounded rate (a foreign writer, an old class shape, corruption).
   */
  protected Object decodeOrMiss(String madeKey, byte[] bytes, ValueType<?> type) {
    try {
      return codec.decode(bytes, type);
    } catch (CacheValueException e) {
      reportUnreadable(madeKey, e.getMessage());
      return MISS;
    }
  }

  /**
   * Logs that the value under a key could not be read and is treated as a miss; rate-limited
   * ({@link FailureLog.Category#UNREADABLE}).
   */
  protected void reportUnreadable(String madeKey, String why) {
    metrics.failure(FailureLog.Category.UNREADABLE);
    failureLog.warn(
        FailureLog.Category.UNREADABLE,
        "value under key '"
            + madeKey
            + "' is unreadable and treated as a miss until it is overwritten",
        why);
  }

  /**
   * Logs that a value of a batch store could not be encoded and was not stored; rate-limited
   * ({@link FailureLog.Category#STORE}).
   */
  protected void reportUnstorable(String madeKey, String why) {
    metrics.failure(FailureLog.Category.STORE);
    failureLog.warn(FailureLog.Category.STORE, "could not store key '" + madeKey + "'", why);
  }

  /**
   * This alias's rate-limited log of per-call failures, also used by generated code for the
   * failures only it sees.
   */
  public FailureLog failureLog() {
    return failureLog;
  }

  /**
   * This alias's counters ({@link CacheMetrics.Counters#NONE} with {@code record_stats=false}):
   * where a backend reports what only it knows, such as failures it ignored under its failure
   * policy ({@link CacheMetrics.Counters#failure}), entries it evicted, or events of its own
   * ({@link CacheMetrics.Counters#event}, e.g. a circuit breaker opening). Hits, misses and the
   * failures that reach the caller are counted here already.
   */
  public final CacheMetrics.Counters metrics() {
    return metrics;
  }

  /** The timeout to use: {@link Timeout#DEFAULT} becomes the alias's default. */
  protected Timeout resolve(Timeout timeout) {
    return timeout.orElse(defaultTimeout);
  }

  // ---- BaseCache ----

  @Override
  public String alias() {
    return settings.alias();
  }

  @Override
  public Timeout defaultTimeout() {
    return defaultTimeout;
  }

  @Override
  public String keyPrefix() {
    return keyPrefix;
  }

  @Override
  public int version() {
    return version;
  }

  /** The settings this cache was created from. */
  public CacheSettings settings() {
    return settings;
  }

  /**
   * Made with the key function the handler resolved for this alias ({@code key_function}); final,
   * so that generated code may build keys of the default format itself (see {@link
   * #usesDefaultKeyFunction()}). A backend changes how keys look through a {@code key_function},
   * never by overriding this.
   */
  @Override
  public final String makeKey(String key, int version) {
    return keyFunction.makeKey(key, keyPrefix, version);
  }

  /** Made with {@link #makeKey(String, int)} at this cache's version. */
  @Override
  public final String makeKey(String key) {
    return keyFunction.makeKey(key, keyPrefix, version);
  }

  /**
   * Whether this cache makes keys with {@link KeyFunction#DEFAULT} ({@code
   * key_prefix:version:key}), so that generated code may put the made-key prefix before a caller
   * key itself.
   */
  @Internal
  public boolean usesDefaultKeyFunction() {
    return keyFunction == KeyFunction.DEFAULT;
  }

  @Override
  public void validateKey(String key) {
    if (key.length() > MEMCACHE_MAX_KEY_LENGTH) {
      warnKey(key, "is longer than " + MEMCACHE_MAX_KEY_LENGTH + " characters");
      return;
    }
    for (int i = 0; i < key.length(); i++) {
      char c = key.charAt(i);
      if (c < 33 || c == 127) {
        warnKey(key, "contains characters that would cause errors with memcached");
        return;
      }
    }
  }

  private void warnKey(String key, String problem) {
    if (reportedKeys.asMap().putIfAbsent("\u0000key:" + key, Boolean.TRUE) == null) {
      LOG.warn(
          "cache '{}': key '{}' {}; it works here but not on memcached", alias(), key, problem);
    }
  }

  private String checkedKey(String key, int version) {
    String made = makeKey(key, version);
    validateKey(made);
    return made;
  }

  @Override
  @Internal
  public Object lookup(String madeKey, ValueType<?> type) {
    ensureOpen();
    return counted(madeKey, type, metrics);
  }

  /**
   * {@inheritDoc} Counts the hit or miss on {@code counters} (a method's, which roll up into this
   * alias's) under one check of whether this alias counts at all: one increment per lookup.
   */
  @Override
  @Internal
  public Object lookup(String madeKey, ValueType<?> type, CacheMetrics.Counters counters) {
    // the generated hit path: flat, so that the JIT inlines all of it into the caller
    ensureOpen();
    Object value;
    try {
      value = doGet(madeKey, type);
    } catch (RuntimeException e) {
      throw lookupFailed(e);
    }
    if (recording) {
      record(value, counters);
    }
    return value;
  }

  /**
   * {@inheritDoc} Reads with {@link #doGetBypassingNear}; counts as {@link #lookup(String,
   * ValueType, CacheMetrics.Counters)} does.
   */
  @Override
  @Internal
  public Object lookupBypassingNear(
      String madeKey, ValueType<?> type, CacheMetrics.Counters counters) {
    ensureOpen();
    Object value;
    try {
      value = doGetBypassingNear(madeKey, type);
    } catch (RuntimeException e) {
      throw lookupFailed(e);
    }
    if (recording) {
      record(value, counters);
    }
    return value;
  }

  /** Counts a lookup failure that reaches the caller, and returns it to be thrown. */
  private RuntimeException lookupFailed(RuntimeException e) {
    metrics.failure(FailureLog.Category.LOOKUP);
    return e;
  }

  /** {@link #doGet}, counted as a hit or a miss on {@code counters}. */
  private Object counted(String madeKey, ValueType<?> type, CacheMetrics.Counters counters) {
    Object value = read(madeKey, type);
    if (recording) {
      record(value, counters);
    }
    return value;
  }

  /**
   * Counts {@code value} as a hit or a miss. Kept out of {@link #counted} so that the hit path's
   * methods stay small enough for the JIT to inline wherever they are called from.
   */
  private void record(Object value, CacheMetrics.Counters counters) {
    if (value == MISS) {
      counters.misses(1);
    } else {
      counters.hits(1);
    }
  }

  /** {@link #doGet}, counting a failure that reaches the caller. */
  private Object read(String madeKey, ValueType<?> type) {
    try {
      return doGet(madeKey, type);
    } catch (RuntimeException e) {
      throw lookupFailed(e);
    }
  }

  @Override
  @Internal
  public Object peek(String madeKey, ValueType<?> type) {
    ensureOpen();
    return read(madeKey, type);
  }

  /** {@inheritDoc} Reads with {@link #doGetBypassingNear}. */
  @Override
  @Internal
  public Object peekBypassingNear(String madeKey, ValueType<?> type) {
    ensureOpen();
    try {
      return doGetBypassingNear(madeKey, type);
    } catch (RuntimeException e) {
      throw lookupFailed(e);
    }
  }

  @Override
  @Internal
  public boolean store(String madeKey, Object value, Timeout timeout) {
    ensureOpen();
    return storeMade(madeKey, value, timeout);
  }

  private boolean storeMade(String madeKey, Object value, Timeout timeout) {
    Timeout t = resolve(timeout);
    if (t.expiresImmediately()) {
      doDelete(madeKey);
      return false;
    }
    return write(madeKey, value, t, SetMode.ALWAYS);
  }

  /** {@link #doSet}, counting a failure that reaches the caller. */
  private boolean write(String madeKey, Object value, Timeout timeout, SetMode mode) {
    boolean stored;
    try {
      stored = doSet(madeKey, value, timeout, mode);
    } catch (RuntimeException e) {
      metrics.failure(FailureLog.Category.STORE);
      throw e;
    }
    if (stored && recording) {
      metrics.puts(1);
    }
    return stored;
  }

  @Override
  @Internal
  public boolean remove(String madeKey) {
    ensureOpen();
    return doDelete(madeKey);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(String key, ValueType<T> type, T defaultValue, int version) {
    ensureOpen();
    Object value = counted(checkedKey(key, version), type, metrics);
    return value == MISS ? defaultValue : (T) value;
  }

  @Override
  public boolean hasKey(String key, int version) {
    ensureOpen();
    return doHasKey(checkedKey(key, version));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> Map<String, T> getMany(Collection<String> keys, ValueType<T> type, int version) {
    // Hot path for batch reads: no dedupe pass (a repeated key is fetched twice and lands once in
    // the map), keys made in one pass, counters updated once per call (per key asked for).
    ensureOpen();
    String[] callerKeys = keys.toArray(new String[0]);
    int n = callerKeys.length;
    if (n == 0) {
      return new LinkedHashMap<>();
    }
    String[] madeKeys = new String[n];
    for (int i = 0; i < n; i++) {
      madeKeys[i] = checkedKey(callerKeys[i], version);
    }
    List<String> made = Arrays.asList(madeKeys);
    Object[] values;
    try {
      values = doGetMany(made, type);
    } catch (RuntimeException e) {
      metrics.failure(FailureLog.Category.LOOKUP);
      throw e;
    }
    Map<String, T> found = new LinkedHashMap<>((int) (n / 0.75f) + 1);
    int missed = 0;
    for (int i = 0; i < values.length; i++) {
      if (values[i] == MISS) {
        missed++;
      } else {
        found.put(callerKeys[i], (T) values[i]);
      }
    }
    if (recording) {
      if (missed < values.length) {
        metrics.hits(values.length - missed);
      }
      if (missed > 0) {
        metrics.misses(missed);
      }
    }
    return found;
  }

  @Override
  public boolean set(String key, Object value, Timeout timeout, int version) {
    ensureOpen();
    return storeMade(checkedKey(key, version), value, timeout);
  }

  @Override
  public boolean add(String key, Object value, Timeout timeout, int version) {
    ensureOpen();
    String made = checkedKey(key, version);
    Timeout t = resolve(timeout);
    if (t.expiresImmediately()) {
      // Django: locmem stores an already expired entry and returns True if the key was absent;
      // django-redis returns "not has_key". Either way nothing readable is stored.
      return !doHasKey(made);
    }
    return write(made, value, t, SetMode.IF_ABSENT);
  }

  @Override
  public List<String> setMany(Map<String, ?> values, Timeout timeout, int version) {
    ensureOpen();
    Map<String, Object> made = new LinkedHashMap<>();
    Map<String, String> callerKeyOf = new LinkedHashMap<>();
    values.forEach(
        (k, v) -> {
          String m = checkedKey(k, version);
          made.put(m, v);
          callerKeyOf.put(m, k);
        });
    Timeout t = resolve(timeout);
    if (t.expiresImmediately()) {
      doDeleteMany(List.copyOf(made.keySet()));
      return List.of();
    }
    List<String> failed = new ArrayList<>();
    for (String m : doSetMany(made, t)) {
      failed.add(callerKeyOf.get(m));
    }
    if (recording && made.size() > failed.size()) {
      metrics.puts(made.size() - failed.size());
    }
    return failed;
  }

  @Override
  public boolean delete(String key, int version) {
    ensureOpen();
    return doDelete(checkedKey(key, version));
  }

  @Override
  public void deleteMany(Collection<String> keys, int version) {
    ensureOpen();
    List<String> made = new ArrayList<>(keys.size());
    for (String key : keys) {
      made.add(checkedKey(key, version));
    }
    if (!made.isEmpty()) {
      doDeleteMany(made);
    }
  }

  @Override
  public boolean touch(String key, Timeout timeout, int version) {
    ensureOpen();
    String made = checkedKey(key, version);
    Timeout t = resolve(timeout);
    if (t.expiresImmediately()) {
      return doDelete(made);
    }
    return doTouch(made, t);
  }

  @Override
  public long incr(String key, long delta, int version) {
    ensureOpen();
    return doIncr(key, checkedKey(key, version), delta);
  }

  @Override
  public int incrVersion(String key, int delta, int version) {
    ensureOpen();
    int newVersion = Math.addExact(version, delta);
    if (!doMove(checkedKey(key, version), checkedKey(key, newVersion))) {
      throw new CacheKeyNotFoundException(key);
    }
    return newVersion;
  }

  /** {@inheritDoc} One {@link SingleFlight} per cache: a miss looks again only when needed. */
  @Override
  @SuppressWarnings("unchecked")
  public <T> T getOrSet(
      String key, ValueType<T> type, Supplier<? extends T> supplier, Timeout timeout, int version) {
    String made = checkedKey(key, version);
    long completions = flights.stamp(made);
    Object value = lookup(made, type);
    if (value != MISS) {
      return (T) value;
    }
    return (T)
        flights.run(
            made,
            completions,
            (k, self, s, lookAgain, nested) -> self.computeAndAdd(k, type, s, timeout, lookAgain),
            this,
            supplier);
  }

  /**
   * getOrSet's flight: look again if another flight may have stored the key, else compute (counted
   * as a load) and add.
   */
  private Object computeAndAdd(
      String made, ValueType<?> type, Supplier<?> supplier, Timeout timeout, boolean lookAgain) {
    if (lookAgain) {
      Object again = read(made, type);
      if (again != MISS) {
        return again;
      }
    }
    Object computed;
    if (recording) {
      long start = System.nanoTime();
      try {
        computed = supplier.get();
      } catch (RuntimeException | Error e) {
        metrics.loadFailure(System.nanoTime() - start);
        throw e;
      }
      metrics.load(System.nanoTime() - start);
    } else {
      computed = supplier.get();
    }
    Timeout t = resolve(timeout);
    if (t.expiresImmediately() || write(made, computed, t, SetMode.IF_ABSENT)) {
      return computed;
    }
    Object winner = read(made, type);
    return winner == MISS ? computed : winner;
  }

  @Override
  public void clear() {
    ensureOpen();
    doClear();
  }

  /**
   * Keeps what the backend needs to serve the next call and releases the rest (as Django's {@code
   * close()}, called after every request); the cache stays usable. This default holds nothing to
   * release. Idempotent; never fails a call running on another thread.
   */
  @Override
  public void close() {}

  /**
   * Disposes of this cache for good: every later call throws an {@link IllegalStateException}
   * naming the alias, then {@link #release()} frees the backend's resources. Called by the {@link
   * io.cachegen.runtime.CacheHandler} that created the cache when it closes (public for it alone).
   * Idempotent.
   */
  @Internal
  public final void dispose() {
    synchronized (this) {
      if (disposed != null) {
        return;
      }
      disposed = HandlerClosed.message(alias());
    }
    release();
  }

  /**
   * Frees what the backend holds, for good (pools, shared stores); called once by {@link
   * #dispose()}, after calls started failing. The default calls {@link #close()}.
   */
  protected void release() {
    close();
  }

  /**
   * Throws the {@link IllegalStateException} naming the alias once the cache was {@link #dispose()
   * disposed of}; one volatile read otherwise. Every public operation calls it; a backend calls it
   * in operations of its own that do not go through this class.
   */
  protected final void ensureOpen() {
    String why = disposed;
    if (why != null) {
      throw new IllegalStateException(why);
    }
  }

  /** What this alias's counters hold ({@link CacheMetrics.Counters#snapshot()}). */
  @Override
  public CacheStats stats() {
    return metrics.snapshot();
  }

  /** The value under a key as an integer for {@code incr}, or a {@link CacheValueException}. */
  protected static long asInteger(String key, Object value) {
    if (value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte) {
      return ((Number) value).longValue();
    }
    throw new CacheValueException(
        "cannot incr/decr key '"
            + key
            + "': it holds "
            + (value == null ? "null" : "a " + value.getClass().getSimpleName())
            + ", not an integer");
  }

  /** A value decoded as anything, for backends that need to inspect what a key holds. */
  protected static ValueType<Object> anyType() {
    return ANY;
  }

  @Override
  public String toString() {
    return getClass().getSimpleName() + "[" + settings + "]";
  }
}
