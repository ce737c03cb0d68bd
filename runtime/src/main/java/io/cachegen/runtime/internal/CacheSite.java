package io.cachegen.runtime.internal;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.spi.AbstractCache;
import io.cachegen.runtime.spi.DistributedLocking;
import io.cachegen.runtime.spi.FailureLog;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * <b>Not API; only generated code calls it.</b> One annotated method's link to its cache: generated
 * code keeps one {@code CacheSite} per {@code @Cached}, {@code @CachePut} or {@code @CacheEvict}
 * method in a {@code static final} field.
 *
 * <p>{@link #bind()} resolves the alias's {@link BaseCache} from {@link Caches#handler()} and, for a
 * constant key template, makes the stored key once; both are kept until a different handler is
 * installed (checked by identity on every call, one volatile read). The hit path is {@code bind()},
 * one key build, one {@link Bound#lookup(String)}: no allocation beyond what the backend does.
 *
 * <p>A templated key is built in one concatenation: {@code
 * bound.finishKey(bound.keyPrefix() + "user:" + id)}. When the alias makes keys with {@link
 * KeyFunction#DEFAULT}, {@link Bound#keyPrefix()} is the made-key prefix {@code
 * key_prefix:version:} (the alias's configured version, as {@link BaseCache#makeKey(String)} uses)
 * and {@link Bound#finishKey(String)} returns its argument; with any other key function the prefix
 * is empty and {@code finishKey} calls {@link BaseCache#makeKey(String)}.
 *
 * <p>On a miss, {@link Bound#load(String, Loader)} computes once per made key in this JVM: other
 * threads missing the same key wait for that computation and get its value, or its exception as
 * is. With the stampede guard on and a backend that implements {@link DistributedLocking}, the
 * computing thread also takes a cross-process lock first.
 *
 * <p>Generated code reads {@link Bound#completions(String)} before its lookup and passes it to
 * {@link Bound#load(String, long, Loader)}: the computing thread looks the key up once more
 * before computing only if another computation of a key in the same stripe completed since (it
 * may have stored this key between the first lookup and taking the computation; see {@link
 * SingleFlight}). An uncontended miss is therefore one lookup and one store (on Redis, GET and
 * SET). That second look is a {@link BaseCache#peek peek}, so each call counts one hit or one
 * miss in the cache's statistics. Under the stampede guard the second look always happens, after
 * the cross-process lock is taken.
 *
 * <p>Failures follow the alias's failure policy, which the backend applies (see README, "Failure
 * policy"): this class never swallows a {@link CacheException}. With Redis's {@code
 * ignore_exceptions=true} an outage reaches this class as a miss, a skipped store or eviction, or a
 * lease that holds nothing, so the method computes and returns; without it the backend's exception
 * reaches the caller. A value that cannot be decoded is a miss under either setting. The one
 * failure that cannot reach the caller, a failed store after an asynchronous {@code @CachePut}
 * completed, is logged at a bounded rate.
 */
public final class CacheSite {
  /** What {@link Bound#lookup(String)} returns on a miss. */
  public static final Object MISS = BaseCache.MISS;

  static final Duration LOCK_LEASE = Duration.ofSeconds(5);
  static final Duration LOCK_WAIT = Duration.ofSeconds(2);
  /** For a cache that is not an {@link AbstractCache} (which has its own {@link FailureLog}). */
  private static final long FAILURE_LOG_INTERVAL_MILLIS = 10_000;

  /** A flight of {@link Bound#load}: the bound site computes and stores. */
  private static final SingleFlight.Computation<Bound, Loader> LOAD =
      (madeKey, bound, loader, lookAgain, nested) -> nested
          ? bound.computeAndStore(madeKey, loader)
          : bound.guardedCompute(madeKey, loader, lookAgain);

  /** Computes a value on a miss: the original method, called through {@code super}. */
  @FunctionalInterface
  public interface Loader {
    Object load() throws Throwable;
  }

  /** Computes an asynchronous value on a miss. */
  @FunctionalInterface
  public interface AsyncLoader {
    CompletionStage<?> load() throws Throwable;
  }

  private final String alias;
  private final ValueType<?> type;
  private final Timeout timeout;
  private final boolean cacheNull;
  private final boolean stampedeGuard;
  private final String constantKey;
  private final SingleFlight flights = new SingleFlight();
  private volatile Bound bound;

  private CacheSite(
      String alias,
      ValueType<?> type,
      Timeout timeout,
      boolean cacheNull,
      boolean stampedeGuard,
      String constantKey) {
    this.alias = Objects.requireNonNull(alias, "alias");
    this.type = type;
    this.timeout = timeout;
    this.cacheNull = cacheNull;
    this.stampedeGuard = stampedeGuard;
    this.constantKey = constantKey;
  }

  /**
   * A site for a {@code @Cached} method.
   *
   * @param constantKey the caller key when the template has no placeholders, else {@code null}
   */
  public static CacheSite cached(
      String alias,
      ValueType<?> type,
      Timeout timeout,
      boolean cacheNull,
      boolean stampedeGuard,
      String constantKey) {
    return new CacheSite(alias, type, timeout, cacheNull, stampedeGuard, constantKey);
  }

  /** A site for a {@code @CachePut} method. */
  public static CacheSite put(String alias, Timeout timeout, boolean cacheNull, String constantKey) {
    return new CacheSite(alias, null, timeout, cacheNull, false, constantKey);
  }

  /** A site for a {@code @CacheEvict} method. */
  public static CacheSite evict(String alias, String constantKey) {
    return new CacheSite(alias, null, Timeout.DEFAULT, true, false, constantKey);
  }

  /**
   * The cache of this site's alias in the current handler, with the constant key made. Once that
   * handler is closed, calls on the cache throw an {@link IllegalStateException} naming the alias
   * until another handler is installed; the next call then binds to it.
   */
  public Bound bind() {
    CacheHandler handler = Caches.handler();
    Bound b = bound;
    if (b != null && b.handler == handler) {
      return b;
    }
    BaseCache cache = handler.get(alias);
    b = new Bound(handler, cache, constantKey == null ? null : cache.makeKey(constantKey),
        defaultKeyPrefix(cache));
    bound = b;
    return b;
  }

  private static final String PROBE = "probe:\\,[]={}-. ";

  /**
   * {@code key_prefix:version:} when {@code cache} makes keys with {@link KeyFunction#DEFAULT}
   * (a cachegen backend configured without {@code key_function}, checked against {@code makeKey}),
   * else {@code null}.
   */
  static String defaultKeyPrefix(BaseCache cache) {
    if (!(cache instanceof AbstractCache a) || a.settings().keyFunction().isPresent()) {
      return null;
    }
    String prefix = cache.keyPrefix() + ':' + cache.version() + ':';
    return cache.makeKey("").equals(prefix) && cache.makeKey(PROBE).equals(prefix + PROBE)
        ? prefix
        : null;
  }

  /** The content of an {@code Optional} result, {@code null} for empty (or a {@code null} Optional). */
  public static Object content(Optional<?> value) {
    return value == null ? null : value.orElse(null);
  }

  @Override
  public String toString() {
    return "CacheSite[alias=" + alias + ", type=" + type + ", timeout=" + timeout + "]";
  }

  /** A site bound to one handler's cache. Immutable; shared by all threads. */
  public final class Bound {
    final CacheHandler handler;
    private final BaseCache cache;
    private final String madeConstantKey;
    private final String keyPrefix;
    private final boolean prefixed;
    private final KeyMemo memo = new KeyMemo();
    private final FailureLog failureLog;

    Bound(CacheHandler handler, BaseCache cache, String madeConstantKey, String defaultKeyPrefix) {
      this.handler = handler;
      this.cache = cache;
      this.failureLog = cache instanceof AbstractCache a ? a.failureLog()
          : new FailureLog(alias, FAILURE_LOG_INTERVAL_MILLIS, CacheSite.class, System::nanoTime);
      this.madeConstantKey = madeConstantKey;
      this.prefixed = defaultKeyPrefix != null;
      this.keyPrefix = prefixed ? defaultKeyPrefix : "";
    }

    /** The bound cache. */
    public BaseCache cache() {
      return cache;
    }

    /** The made key of a constant template, built once per handler. */
    public String constantKey() {
      return madeConstantKey;
    }

    /** The made (stored) key for a caller key. */
    public String makeKey(String key) {
      return cache.makeKey(key);
    }

    /**
     * What to put before a caller key for {@link #finishKey(String)}: {@code key_prefix:version:}
     * when the alias uses the default key function, else the empty string.
     */
    public String keyPrefix() {
      return keyPrefix;
    }

    /**
     * The made key for {@code keyPrefix() + key}: the argument itself under the default key
     * function, else {@link #makeKey(String) makeKey(key)}. Equal to {@code makeKey(key)} either
     * way.
     */
    public String finishKey(String prefixedKey) {
      return prefixed ? prefixedKey : cache.makeKey(prefixedKey);
    }

    /**
     * The made key remembered for {@code argument}, the one integral argument of the key, or
     * {@code null}: see {@link KeyMemo}.
     */
    public String memoizedKey(long argument) {
      return memo.get(argument);
    }

    /** Remembers {@code madeKey} for {@code argument} and returns it; see {@link KeyMemo}. */
    public String memoizeKey(long argument, String madeKey) {
      return memo.put(argument, madeKey);
    }

    /** The cached value, {@code null} for a cached {@code null}, or {@link #MISS}. */
    public Object lookup(String madeKey) {
      return cache.lookup(madeKey, type);
    }

    /**
     * What to pass to {@link #load(String, long, Loader)}: read before {@link #lookup(String)}, so
     * that the miss path looks the key up again only if another thread's computation of a key
     * like it completed in between (see {@link SingleFlight}). One volatile read.
     */
    public long completions(String madeKey) {
      return flights.stamp(madeKey);
    }

    /**
     * The miss path: computes the value with {@code loader} once per made key in this JVM, stores
     * it and returns it. Rethrows what the loader throws, unwrapped, to every waiting caller.
     *
     * @param completions what {@link #completions(String)} returned before the lookup that missed
     */
    public Object load(String madeKey, long completions, Loader loader) {
      return flights.run(madeKey, completions, LOAD, this, loader);
    }

    /**
     * The miss path for a caller that did not read {@link #completions(String)} before its
     * lookup: the computing thread always looks the key up again first.
     */
    public Object load(String madeKey, Loader loader) {
      return flights.run(madeKey, ~flights.stamp(madeKey), LOAD, this, loader);
    }

    /**
     * An asynchronous {@code @Cached} method: a hit as a completed future, a miss through {@link
     * #loadAsync}. A lookup that fails ({@code ignore_exceptions=false} and the cache down) is a
     * failed future, as the method's own failures are, so callers handle one failure channel.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> cachedAsync(String madeKey, AsyncLoader loader) {
      Object cached;
      try {
        cached = cache.lookup(madeKey, type);
      } catch (CacheException e) {
        return CompletableFuture.failedFuture(e);
      }
      return cached != MISS ? CompletableFuture.completedFuture((T) cached) : loadAsync(madeKey, loader);
    }

    /**
     * The miss path of an asynchronous method: one computation per made key in this JVM; the value
     * it completes with is stored, a failure is not. Every caller gets its own future.
     */
    @SuppressWarnings("unchecked")
    public <T> CompletableFuture<T> loadAsync(String madeKey, AsyncLoader loader) {
      SingleFlight.Flight mine = new SingleFlight.Flight();
      CompletableFuture<Object> running = flights.enter(madeKey, mine);
      if (running != null) {
        return (CompletableFuture<T>) mirror(running);
      }
      CompletionStage<?> stage;
      try {
        stage = loader.load();
      } catch (Throwable t) {
        flights.land(madeKey, mine, false);
        mine.completeExceptionally(t);
        throw Sneaky.rethrow(t);
      }
      if (stage == null) {
        flights.land(madeKey, mine, false);
        mine.complete(null);
        return null;
      }
      stage.whenComplete(
          (value, failure) -> {
            boolean stored = false;
            try {
              if (failure == null) {
                stored = storeThenComplete(mine, madeKey, value);
              } else {
                mine.completeExceptionally(unwrap(failure));
              }
            } finally {
              flights.land(madeKey, mine, stored);
            }
          });
      return (CompletableFuture<T>) mirror(mine);
    }

    /**
     * Stores what an asynchronous computation completed with, then completes {@code flight} with
     * it; if the store fails (the policy let the failure through), the flight fails with it.
     */
    private boolean storeThenComplete(
        CompletableFuture<Object> flight, String madeKey, Object value) {
      try {
        store(madeKey, value);
      } catch (RuntimeException e) {
        flight.completeExceptionally(e);
        return false;
      }
      flight.complete(value);
      return true;
    }

    /** A second look after a counted miss: not counted again in the stats. */
    private Object recheck(String madeKey) {
      return cache.peek(madeKey, type);
    }

    /** Stores {@code value} under {@code madeKey} (unless it is {@code null} and nulls are not cached). */
    public void store(String madeKey, Object value) {
      if (value == null && !cacheNull) {
        return;
      }
      cache.store(madeKey, value, timeout);
    }

    /**
     * Stores the value {@code stage} completes with, once it succeeds; returns {@code stage}. The
     * caller already holds {@code stage}, so a failed store cannot reach it: it is logged at a
     * bounded rate.
     */
    public <S extends CompletionStage<?>> S storeWhenComplete(String madeKey, S stage) {
      if (stage != null) {
        stage.whenComplete(
            (value, failure) -> {
              if (failure == null) {
                try {
                  store(madeKey, value);
                } catch (RuntimeException e) {
                  failureLog.warn(FailureLog.Category.STORE, "storing '" + madeKey
                      + "' after an asynchronous @CachePut completed failed", e.toString());
                }
              }
            });
      }
      return stage;
    }

    /** Removes {@code madeKey}. */
    public void remove(String madeKey) {
      cache.remove(madeKey);
    }

    /** Clears the whole alias. */
    public void clear() {
      cache.clear();
    }

    /** The flight's work: look again if needed (or under the stampede guard), else compute. */
    private Object guardedCompute(String madeKey, Loader loader, boolean lookAgain) {
      if (stampedeGuard && cache instanceof DistributedLocking locking) {
        DistributedLocking.Lease lease = locking.tryLock(madeKey + ":lock", LOCK_LEASE, LOCK_WAIT);
        try {
          // With the lock, another process may have stored the value while we waited; without
          // it (timed out), we re-check and then compute anyway.
          Object again = recheck(madeKey);
          return again != MISS ? again : computeAndStore(madeKey, loader);
        } finally {
          if (lease != null) {
            lease.close();
          }
        }
      }
      if (lookAgain) {
        Object again = recheck(madeKey);
        if (again != MISS) {
          return again;
        }
      }
      return computeAndStore(madeKey, loader);
    }

    private Object computeAndStore(String madeKey, Loader loader) {
      Object value;
      try {
        value = loader.load();
      } catch (Throwable t) {
        throw Sneaky.rethrow(t);
      }
      store(madeKey, value);
      return value;
    }
  }

  private static CompletableFuture<Object> mirror(CompletableFuture<Object> source) {
    CompletableFuture<Object> copy = new CompletableFuture<>();
    source.whenComplete(
        (value, failure) -> {
          if (failure == null) {
            copy.complete(value);
          } else {
            copy.completeExceptionally(unwrap(failure));
          }
        });
    return copy;
  }

  private static Throwable unwrap(Throwable t) {
    return t instanceof CompletionException && t.getCause() != null ? t.getCause() : t;
  }
}
