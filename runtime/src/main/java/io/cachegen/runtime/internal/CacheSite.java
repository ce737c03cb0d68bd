package io.cachegen.runtime.internal;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.EvictionScheduler;
import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.spi.AbstractCache;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.runtime.spi.DistributedLocking;
import io.cachegen.runtime.spi.FailureLog;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * <b>Not API; only generated code calls it.</b> One annotated method's link to its cache: generated
 * code keeps one {@code CacheSite} per {@code @Cached}, {@code @CachePut} or {@code @CacheEvict}
 * method in a {@code static final} field, built once from {@link SiteOptions}: {@code
 * CacheSite.cached("users", TYPE).timeout(Timeout.seconds(60)).build()}.
 *
 * <p><b>Binding.</b> A site is bound once per {@link CacheHandler}: the {@link Bound} holds the
 * alias's {@link BaseCache} in that handler, the constant key made once, and the site's
 * single-flight for that handler. The handler keeps its bindings ({@link SiteBindings}), so every
 * generated instance on one handler shares one {@code Bound}, and instances on two handlers share
 * nothing. A generated instance constructed with a handler resolves its {@code Bound} once, with
 * {@link #bind(CacheHandler)}, into an instance field; one constructed without calls {@link
 * #bind()} on every call, which follows {@link Caches#handler()}: the {@code Bound} of the
 * process-wide handler is kept until a different handler is installed (checked by identity, one
 * volatile read).
 *
 * <p><b>The hit path</b> is {@code bind()}, one key build, one {@link Bound#lookup(String)}: no
 * allocation beyond what the backend does. A templated key is built in one concatenation: {@code
 * bound.finishKey(bound.keyPrefix() + "user:" + id)}. When the alias makes keys with {@link
 * KeyFunction#DEFAULT}, {@link Bound#keyPrefix()} is {@link KeyFunction#defaultPrefix(String, int)}
 * for the alias's prefix and configured version (as {@link BaseCache#makeKey(String)} uses) and
 * {@link Bound#finishKey(String)} returns its argument; with any other key function the prefix is
 * empty and {@code finishKey} calls {@link BaseCache#makeKey(String)}.
 *
 * <p><b>The miss path</b> ({@link Bound#load}, {@link Bound#loadAsync}) is {@link MissPath}'s: one
 * computation per made key and handler, optionally under a cross-process lock. Generated code reads
 * {@link Bound#completions(String)} before its lookup and passes it on, so that an uncontended miss
 * is one lookup and one store (on Redis, GET and SET).
 *
 * <p><b>Near caches.</b> A site with {@code nearCache = false} ({@link SiteOptions#nearCache})
 * looks up with {@link BaseCache#lookupBypassingNear} and {@link BaseCache#peekBypassingNear}, so
 * its reads never come from an in-process copy in front of the backend (Redis's {@code
 * near_cache}); each {@code Bound} decides once, in a final field. Its writes drop near copies as
 * every write does.
 *
 * <p><b>Counting.</b> A site with a method name ({@link SiteOptions#method}) counts its hits and
 * misses for its method as well as its alias (the cache counts both under one check of {@code
 * record_stats}), and its loads, load failures and load time for both; with {@code
 * record_stats=false} it counts nothing.
 *
 * <p>Failures follow the alias's failure policy, which the backend applies (see README, "Failure
 * policy"): this class never swallows a {@link CacheException}. With Redis's {@code
 * ignore_exceptions=true} an outage reaches this class as a miss, a skipped store or eviction, or a
 * lease that holds nothing, so the method computes and returns; without it the backend's exception
 * reaches the caller. A value that cannot be decoded is a miss under either setting. The one
 * failure that cannot reach the caller, a failed store after an asynchronous {@code @CachePut}
 * completed, is logged at a bounded rate.
 */
@Internal
public final class CacheSite {
  /** What {@link Bound#lookup(String)} returns on a miss. */
  public static final Object MISS = BaseCache.MISS;

  /** For a cache that is not an {@link AbstractCache} (which has its own {@link FailureLog}). */
  private static final long FAILURE_LOG_INTERVAL_MILLIS = 10_000;

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

  private final SiteOptions options;
  private final MissPath missPath;

  /** The binding to the process-wide handler last seen by {@link #bind()}. */
  private volatile Bound bound;

  CacheSite(SiteOptions options) {
    this.options = options;
    this.missPath = new MissPath(options.stampedeGuard);
  }

  /** The options of a site for a {@code @Cached} method whose values are of {@code type}. */
  public static SiteOptions cached(String alias, ValueType<?> type) {
    return SiteOptions.of(SiteOptions.Kind.CACHED, alias, type);
  }

  /** The options of a site for a {@code @CachePut} method. */
  public static SiteOptions put(String alias) {
    return SiteOptions.of(SiteOptions.Kind.PUT, alias, null);
  }

  /** The options of a site for a {@code @CacheEvict} method. */
  public static SiteOptions evict(String alias) {
    return SiteOptions.of(SiteOptions.Kind.EVICT, alias, null);
  }

  /**
   * This site bound to the process-wide handler ({@link Caches#handler()}): what generated code
   * constructed without a handler calls on every call. Once that handler is closed, calls on the
   * cache throw an {@link IllegalStateException} naming the alias until another handler is
   * installed; the next call then binds to it.
   *
   * @throws io.cachegen.runtime.CacheConfigurationException if the alias is not configured
   */
  public Bound bind() {
    CacheHandler handler = Caches.handler();
    Bound b = bound;
    if (b != null && b.handler == handler) {
      return b;
    }
    b = handler.siteBindings().bound(this);
    bound = b;
    return b;
  }

  /**
   * This site bound to {@code handler}: what generated code constructed with a handler calls once,
   * in its constructor, keeping the result. The same {@code Bound} as {@link #bind()} returns while
   * {@code handler} is the process-wide one.
   *
   * @throws io.cachegen.runtime.CacheConfigurationException if the alias is not configured
   * @throws IllegalStateException naming the alias if {@code handler} is closed
   */
  public Bound bind(CacheHandler handler) {
    Objects.requireNonNull(handler, "handler");
    return handler.siteBindings().bound(this);
  }

  /** A new binding to {@code handler}: see {@link SiteBindings}, which keeps one per handler. */
  Bound newBound(CacheHandler handler) {
    BaseCache cache = handler.get(options.alias);
    String constantKey = options.constantKey;
    CacheMetrics.Counters aliasCounters = aliasCounters(handler, cache);
    return new Bound(
        handler,
        cache,
        constantKey == null ? null : cache.makeKey(constantKey),
        defaultPrefix(cache),
        aliasCounters != CacheMetrics.Counters.NONE && options.method != null
            ? handler.metrics().method(options.alias, options.method)
            : aliasCounters);
  }

  /**
   * The counters the alias's cache counts in ({@link AbstractCache#metrics()}), so that its loads
   * land where its hits do; for another {@link BaseCache}, the alias's in the handler's metrics
   * unless {@code record_stats=false}.
   */
  private CacheMetrics.Counters aliasCounters(CacheHandler handler, BaseCache cache) {
    if (cache instanceof AbstractCache a) {
      return a.metrics();
    }
    return handler.config().settings(options.alias).booleanOption("record_stats", true)
        ? handler.metrics().alias(options.alias)
        : CacheMetrics.Counters.NONE;
  }

  /**
   * {@link KeyFunction#defaultPrefix(String, int)} of {@code cache}'s prefix and version when it
   * makes keys with {@link KeyFunction#DEFAULT} (a cachegen backend, {@link AbstractCache}, whose
   * {@code makeKey} is final, resolved without a {@code key_function}), else {@code null}.
   */
  static String defaultPrefix(BaseCache cache) {
    return cache instanceof AbstractCache a && a.usesDefaultKeyFunction()
        ? KeyFunction.defaultPrefix(cache.keyPrefix(), cache.version())
        : null;
  }

  /**
   * The content of an {@code Optional} result, {@code null} for empty (or a {@code null} Optional).
   */
  public static Object content(Optional<?> value) {
    return value == null ? null : value.orElse(null);
  }

  @Override
  public String toString() {
    return "CacheSite[alias="
        + options.alias
        + ", type="
        + options.type
        + ", timeout="
        + options.timeout
        + "]";
  }

  /**
   * A site bound to one handler's cache: the hit path, stores and evictions; a miss goes to the
   * site's {@link MissPath} with this binding's {@link SingleFlight}, so one computation per made
   * key runs per handler. Shared by all threads and all generated instances on the handler.
   */
  public final class Bound {
    final CacheHandler handler;
    private final BaseCache cache;
    private final ValueType<?> type;
    private final Timeout timeout;
    private final boolean cacheNull;

    /** The computations in flight for this site on this handler. */
    final SingleFlight flights = new SingleFlight();

    private final String madeConstantKey;
    private final String keyPrefix;
    private final boolean prefixed;
    private final KeyMemo memo = new KeyMemo();
    private final FailureLog failureLog;

    /**
     * Where this site's lookups and loads are counted: its method's counters, which roll up into
     * the alias's ({@link CacheMetrics#method}); the alias's for a site without a method name;
     * {@code NONE} with {@code record_stats=false}. Handed to the cache with each lookup.
     */
    private final CacheMetrics.Counters counters;

    /** Whether loads are counted and timed. */
    private final boolean recording;

    /**
     * {@code @Cached(nearCache = false)}: lookups read the backend's store itself ({@link
     * BaseCache#lookupBypassingNear}), never a near cache. Decided once, per site.
     */
    private final boolean bypassNear;

    Bound(
        CacheHandler handler,
        BaseCache cache,
        String madeConstantKey,
        String defaultPrefix,
        CacheMetrics.Counters counters) {
      this.handler = handler;
      this.counters = counters;
      this.recording = counters != CacheMetrics.Counters.NONE;
      this.cache = cache;
      this.type = options.type;
      this.timeout = options.timeout;
      this.cacheNull = options.cacheNull;
      this.bypassNear = !options.nearCache;
      this.failureLog =
          cache instanceof AbstractCache a
              ? a.failureLog()
              : new FailureLog(
                  options.alias, FAILURE_LOG_INTERVAL_MILLIS, CacheSite.class, System::nanoTime);
      this.madeConstantKey = madeConstantKey;
      this.prefixed = defaultPrefix != null;
      this.keyPrefix = prefixed ? defaultPrefix : "";
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
     * The made key remembered for {@code argument}, the one integral argument of the key, or {@code
     * null}: see {@link KeyMemo}.
     */
    public String memoizedKey(long argument) {
      return memo.get(argument);
    }

    /** Remembers {@code madeKey} for {@code argument} and returns it; see {@link KeyMemo}. */
    public String memoizeKey(long argument, String madeKey) {
      return memo.put(argument, madeKey);
    }

    /**
     * The cached value, {@code null} for a cached {@code null}, or {@link #MISS}; counted for the
     * method, which is the alias's too (by the cache, under its one check of whether it counts).
     * For a site with {@code nearCache = false}, read past the alias's near cache.
     */
    public Object lookup(String madeKey) {
      return bypassNear
          ? cache.lookupBypassingNear(madeKey, type, counters)
          : cache.lookup(madeKey, type, counters);
    }

    /**
     * What to pass to {@link #load(String, long, Loader)}: read before {@link #lookup(String)}, so
     * that the miss path looks the key up again only if another thread's computation of a key like
     * it completed in between (see {@link SingleFlight}). One volatile read.
     */
    public long completions(String madeKey) {
      return flights.stamp(madeKey);
    }

    /**
     * The miss path: computes the value with {@code loader} once per made key on this handler,
     * stores it and returns it. Rethrows what the loader throws, unwrapped, to every waiting
     * caller. With the stampede guard on and a cache that implements {@link DistributedLocking},
     * the computing thread takes a cross-process lock first. See {@link MissPath}.
     *
     * @param completions what {@link #completions(String)} returned before the lookup that missed
     */
    public Object load(String madeKey, long completions, Loader loader) {
      return missPath.load(this, madeKey, completions, loader);
    }

    /**
     * The miss path for a caller that did not read {@link #completions(String)} before its lookup:
     * the computing thread always looks the key up again first.
     */
    public Object load(String madeKey, Loader loader) {
      return missPath.load(this, madeKey, loader);
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
        cached = lookup(madeKey);
      } catch (CacheException e) {
        return CompletableFuture.failedFuture(e);
      }
      return cached != MISS
          ? CompletableFuture.completedFuture((T) cached)
          : loadAsync(madeKey, loader);
    }

    /**
     * The miss path of an asynchronous method: one computation per made key on this handler; the
     * value it completes with is stored, a failure is not. Every caller gets its own future.
     */
    public <T> CompletableFuture<T> loadAsync(String madeKey, AsyncLoader loader) {
      return missPath.loadAsync(this, madeKey, loader);
    }

    /**
     * Runs {@code loader}, the computation of a miss, counting it as a load (or a load failure) of
     * the method (and so the alias), with its time, when the alias counts.
     */
    Object compute(Loader loader) {
      if (!recording) {
        try {
          return loader.load();
        } catch (Throwable t) {
          throw Sneaky.rethrow(t);
        }
      }
      long start = System.nanoTime();
      Object value;
      try {
        value = loader.load();
      } catch (Throwable t) {
        loadEnded(start, false);
        throw Sneaky.rethrow(t);
      }
      loadEnded(start, true);
      return value;
    }

    /** When an asynchronous load starts: what to pass to {@link #loadEnded}. */
    long loadStarts() {
      return recording ? System.nanoTime() : 0;
    }

    /** Counts a load that started at {@code start} ({@link #loadStarts()}) and ended now. */
    void loadEnded(long start, boolean succeeded) {
      if (!recording) {
        return;
      }
      long nanos = System.nanoTime() - start;
      if (succeeded) {
        counters.load(nanos);
      } else {
        counters.loadFailure(nanos);
      }
    }

    /**
     * A second look after a counted miss: not counted again in the stats; past the near cache as
     * {@link #lookup(String)} is.
     */
    Object recheck(String madeKey) {
      return bypassNear ? cache.peekBypassingNear(madeKey, type) : cache.peek(madeKey, type);
    }

    /**
     * Stores {@code value} under {@code madeKey} (unless it is {@code null} and nulls are not
     * cached).
     */
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
                  failureLog.warn(
                      FailureLog.Category.STORE,
                      "storing '" + madeKey + "' after an asynchronous @CachePut completed failed",
                      e.toString());
                }
              }
            });
      }
      return stage;
    }

    /** Removes {@code madeKey}, when the handler's {@link EvictionScheduler} says. */
    public void remove(String madeKey) {
      EvictionScheduler scheduler = handler.evictionScheduler();
      if (scheduler == EvictionScheduler.IMMEDIATE) {
        cache.remove(madeKey);
      } else {
        scheduler.schedule(() -> cache.remove(madeKey));
      }
    }

    /** Clears the whole alias, when the handler's {@link EvictionScheduler} says. */
    public void clear() {
      EvictionScheduler scheduler = handler.evictionScheduler();
      if (scheduler == EvictionScheduler.IMMEDIATE) {
        cache.clear();
      } else {
        scheduler.schedule(cache::clear);
      }
    }
  }
}
