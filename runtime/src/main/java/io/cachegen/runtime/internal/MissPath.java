package io.cachegen.runtime.internal;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.spi.DistributedLocking;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;

/**
 * <b>Not API.</b> The miss path of one {@link CacheSite}: what runs after a lookup missed. {@link
 * CacheSite.Bound#load} and {@link CacheSite.Bound#loadAsync} delegate here; the hit path never
 * comes here.
 *
 * <p>One computation per made key and handler (the {@link SingleFlight} of the {@link
 * CacheSite.Bound}, one per site and handler): other threads missing the same key on the same
 * handler wait for that computation and get its value, or its exception as is; a caller on another
 * handler computes its own, as another process would. The computing thread looks the key up a
 * second time only if its caller's completion stamp says another computation of a key in the same
 * stripe completed since the lookup (it may have stored this key meanwhile); that second look is a
 * {@link BaseCache#peek peek}, so each call counts one hit or one miss in the cache's statistics.
 * With the stampede guard on and a cache that implements {@link DistributedLocking}, the computing
 * thread first takes a cross-process lock (waiting at most {@link #LOCK_WAIT}) in the made key's
 * Redis Cluster slot ({@link DistributedLocking#lockKey}) and always looks again under it.
 *
 * <p>An asynchronous computation ({@link #loadAsync}) is one flight too; the value it completes
 * with is stored before the flight lands, a failure is not stored, and every caller gets its own
 * future, completed with the value or the method's own exception (never a {@link
 * CompletionException} around it).
 */
final class MissPath {
  static final Duration LOCK_LEASE = Duration.ofSeconds(5);
  static final Duration LOCK_WAIT = Duration.ofSeconds(2);

  private final boolean stampedeGuard;

  /** What a flight runs: made once per site, so a miss allocates no lambda. */
  private final SingleFlight.Computation<CacheSite.Bound, CacheSite.Loader> compute =
      (madeKey, bound, loader, lookAgain, nested) ->
          nested
              ? computeAndStore(bound, madeKey, loader)
              : guardedCompute(bound, madeKey, loader, lookAgain);

  MissPath(boolean stampedeGuard) {
    this.stampedeGuard = stampedeGuard;
  }

  /**
   * Computes with {@code loader} once per made key on {@code bound}'s handler, stores and returns
   * the value; rethrows what the loader throws, unwrapped, to every waiting caller.
   *
   * @param completions the key's completion stamp, read before the lookup that missed
   */
  Object load(CacheSite.Bound bound, String madeKey, long completions, CacheSite.Loader loader) {
    return bound.flights.run(madeKey, completions, compute, bound, loader);
  }

  /** {@link #load(CacheSite.Bound, String, long, CacheSite.Loader)}, always looking again first. */
  Object load(CacheSite.Bound bound, String madeKey, CacheSite.Loader loader) {
    SingleFlight flights = bound.flights;
    return flights.run(madeKey, ~flights.stamp(madeKey), compute, bound, loader);
  }

  /** The asynchronous miss: see the class description. */
  @SuppressWarnings("unchecked")
  <T> CompletableFuture<T> loadAsync(
      CacheSite.Bound bound, String madeKey, CacheSite.AsyncLoader loader) {
    SingleFlight flights = bound.flights;
    SingleFlight.Flight mine = new SingleFlight.Flight();
    CompletableFuture<Object> running = flights.enter(madeKey, mine);
    if (running != null) {
      return (CompletableFuture<T>) mirror(running);
    }
    long start = bound.loadStarts();
    CompletionStage<?> stage;
    try {
      stage = loader.load();
    } catch (Throwable t) {
      bound.loadEnded(start, false);
      flights.land(madeKey, mine, false);
      mine.completeExceptionally(t);
      throw Sneaky.rethrow(t);
    }
    if (stage == null) {
      bound.loadEnded(start, true);
      flights.land(madeKey, mine, false);
      mine.complete(null);
      return null;
    }
    stage.whenComplete(
        (value, failure) -> {
          bound.loadEnded(start, failure == null);
          boolean stored = false;
          try {
            if (failure == null) {
              stored = storeThenComplete(bound, mine, madeKey, value);
            } else {
              mine.completeExceptionally(unwrap(failure));
            }
          } finally {
            flights.land(madeKey, mine, stored);
          }
        });
    return (CompletableFuture<T>) mirror(mine);
  }

  /** The flight's work: look again if needed (or under the stampede guard), else compute. */
  private Object guardedCompute(
      CacheSite.Bound bound, String madeKey, CacheSite.Loader loader, boolean lookAgain) {
    if (stampedeGuard && bound.cache() instanceof DistributedLocking locking) {
      DistributedLocking.Lease lease =
          locking.tryLock(DistributedLocking.lockKey(madeKey), LOCK_LEASE, LOCK_WAIT);
      try {
        // With the lock, another process may have stored the value while we waited; without
        // it (timed out), we re-check and then compute anyway.
        Object again = bound.recheck(madeKey);
        return again != CacheSite.MISS ? again : computeAndStore(bound, madeKey, loader);
      } finally {
        if (lease != null) {
          lease.close();
        }
      }
    }
    if (lookAgain) {
      Object again = bound.recheck(madeKey);
      if (again != CacheSite.MISS) {
        return again;
      }
    }
    return computeAndStore(bound, madeKey, loader);
  }

  private static Object computeAndStore(
      CacheSite.Bound bound, String madeKey, CacheSite.Loader loader) {
    Object value = bound.compute(loader);
    bound.store(madeKey, value);
    return value;
  }

  /**
   * Stores what an asynchronous computation completed with, then completes {@code flight} with it;
   * if the store fails (the policy let the failure through), the flight fails with it.
   */
  private static boolean storeThenComplete(
      CacheSite.Bound bound, CompletableFuture<Object> flight, String madeKey, Object value) {
    try {
      bound.store(madeKey, value);
    } catch (RuntimeException e) {
      flight.completeExceptionally(e);
      return false;
    }
    flight.complete(value);
    return true;
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
