package io.cachegen.runtime.spi;

import io.cachegen.runtime.CacheCodec;
import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.Ticker;

/**
 * What a {@link CacheBackendProvider} gets besides the settings: what the handler resolved from the
 * settings every backend shares, and its ticker.
 *
 * @param keyFunction the alias's key function, resolved from {@code key_function}
 * @param ticker the time source for in-process expiry and the Redis circuit breaker's back-off
 * @param codec the alias's codec, resolved from {@code options.serializer} (JSON by default)
 * @param metrics the alias's counters in its handler's {@link CacheMetrics}, {@link
 *     CacheMetrics.Counters#NONE} with {@code record_stats=false}: where the cache counts, and
 *     where a backend reports events of its own ({@link CacheMetrics.Counters#event})
 */
public record BackendContext(
    KeyFunction keyFunction, Ticker ticker, CacheCodec codec, CacheMetrics.Counters metrics) {

  /**
   * The clock to check an in-process entry's expiry against on every hit: {@link
   * #expiryClock(Ticker)} of this context's ticker.
   */
  public Ticker expiryClock() {
    return expiryClock(ticker);
  }

  /**
   * {@code ticker} itself, except for {@link Ticker#system()}: then {@link System#nanoTime()}
   * sampled once a millisecond by one daemon thread, so that a hit's expiry check costs a volatile
   * read rather than a clock call. An entry may then live up to about a millisecond past its
   * expiry.
   */
  public static Ticker expiryClock(Ticker ticker) {
    return ticker == Ticker.system() ? MillisecondClock.get() : ticker;
  }

  /** A context whose counters are the cache's own, kept in memory (for a cache built in code). */
  public BackendContext(KeyFunction keyFunction, Ticker ticker, CacheCodec codec) {
    this(keyFunction, ticker, codec, new InProcessCounters());
  }
}
