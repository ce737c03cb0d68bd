package io.cachegen.runtime;

/**
 * A source of nanoseconds for expiry in the in-process backend. Tests use {@link ManualTicker} to
 * expire entries without sleeping.
 */
@FunctionalInterface
public interface Ticker {

  /** Nanoseconds from an arbitrary origin; only differences matter. */
  long read();

  /** {@link System#nanoTime()}; always the same instance. */
  static Ticker system() {
    return Tickers.SYSTEM;
  }
}
