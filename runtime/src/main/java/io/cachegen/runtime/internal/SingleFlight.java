package io.cachegen.runtime.internal;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * <b>Not API.</b> One computation per key at a time among the callers of one {@code SingleFlight}:
 * a caller that finds another thread computing the same key waits for it and gets its value, or its
 * exception as is. Used by generated {@code @Cached} methods (through {@link CacheSite}: one per
 * site and handler) and by {@code getOrSet} (one per cache).
 *
 * <p><b>When to look again.</b> A caller looks the key up, misses, then takes the flight; another
 * flight for the same key may have stored the value in between. Rather than looking up again on
 * every miss (a second round trip on Redis), each flight that succeeds bumps a completion stamp for
 * its key's stripe <em>before</em> it leaves the map. A caller reads the stamp with {@link
 * #stamp(String)} before its lookup and passes it to {@link #run}; the computation is told to look
 * again only if the stripe's stamp moved since. Because the bump precedes the flight's removal, a
 * flight that completed after the lookup began and before this caller took its own is always seen;
 * a flight of another key in the same stripe only costs a needless second look.
 *
 * <p>Reading a stamp is one volatile array read of a hash the {@code String} caches.
 */
@Internal
public final class SingleFlight {
  private static final int STRIPES = 128; // a power of two
  private static final int MASK = STRIPES - 1;

  /**
   * What a flight runs, with its context passed in so that a caller can use a constant lambda
   * (nothing allocated per call).
   *
   * @param <A> the first context argument
   * @param <B> the second context argument
   */
  @FunctionalInterface
  public interface Computation<A, B> {
    /**
     * Computes (and usually stores) the value of {@code key}.
     *
     * @param lookAgain whether another flight may have stored {@code key}'s value since the
     *     caller's stamp was read, so the computation should look it up again first
     * @param nested whether this thread is already computing {@code key} (the computation called
     *     back into it): this call runs directly, outside any flight
     */
    Object compute(String key, A a, B b, boolean lookAgain, boolean nested) throws Throwable;
  }

  private final ConcurrentHashMap<String, Flight> inFlight = new ConcurrentHashMap<>();
  private final AtomicLongArray completions = new AtomicLongArray(STRIPES);

  /** The completion stamp of {@code key}'s stripe; read it before looking the key up. */
  public long stamp(String key) {
    return completions.get(key.hashCode() & MASK);
  }

  /**
   * Runs {@code computation} for {@code key} unless another thread is already computing it, in
   * which case this waits for that computation and returns its value or rethrows its exception
   * (unwrapped). A computation that calls back into the same key on its own thread runs directly.
   *
   * @param stamp what {@link #stamp(String)} returned before the caller looked {@code key} up
   */
  public <A, B> Object run(String key, long stamp, Computation<A, B> computation, A a, B b) {
    Flight mine = new Flight();
    Flight running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      if (running.owner == Thread.currentThread()) {
        return compute(computation, key, a, b, false, true);
      }
      return await(running);
    }
    int stripe = key.hashCode() & MASK;
    try {
      Object value = compute(computation, key, a, b, completions.get(stripe) != stamp, false);
      completions.incrementAndGet(stripe); // before the flight leaves the map: see the class doc
      mine.complete(value);
      return value;
    } catch (Throwable t) {
      mine.completeExceptionally(t);
      throw Sneaky.rethrow(t);
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /**
   * The asynchronous form: the flight of {@code key} if another thread is computing it, else {@code
   * null} after registering {@code mine}, which the caller completes and then passes to {@link
   * #land}.
   */
  CompletableFuture<Object> enter(String key, Flight mine) {
    return inFlight.putIfAbsent(key, mine);
  }

  /** Ends {@code mine}, registered by {@link #enter}; a success bumps the key's stripe first. */
  void land(String key, Flight mine, boolean stored) {
    if (stored) {
      completions.incrementAndGet(key.hashCode() & MASK);
    }
    inFlight.remove(key, mine);
  }

  private static <A, B> Object compute(
      Computation<A, B> computation, String key, A a, B b, boolean lookAgain, boolean nested) {
    try {
      return computation.compute(key, a, b, lookAgain, nested);
    } catch (Throwable t) {
      throw Sneaky.rethrow(t);
    }
  }

  private static Object await(Flight running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      throw Sneaky.rethrow(e.getCause() != null ? e.getCause() : e);
    }
  }

  /** One computation in progress, and the thread running it. */
  static final class Flight extends CompletableFuture<Object> {
    final Thread owner = Thread.currentThread();
  }
}
