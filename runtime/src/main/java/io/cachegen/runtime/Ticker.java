package io.cachegen.runtime;

/**
 * A source of nanoseconds for expiry in the in-process backend and for the Redis backend's circuit
 * breaker back-off ({@code options.retry_after}). Tests use {@code io.cachegen.test.ManualTicker}
 * (in the {@code cachegen-test} artifact) to expire entries, or end a back-off, without sleeping.
 */
@FunctionalInterface
public interface Ticker {

  /** Nanoseconds from an arbitrary origin; only differences matter. */
  long read();

  /**
   * {@link System#nanoTime()}: the default. The locmem backend reads this default through a clock
   * sampled once a millisecond, so a hit never pays for a clock call; any other ticker is read on
   * every expiry check.
   */
  static Ticker system() {
    return SystemTicker.INSTANCE;
  }
}
