package io.cachegen.runtime;

/** Holds the one {@link Ticker#system()} instance, so stores can tell tickers apart by identity. */
final class Tickers {
  static final Ticker SYSTEM = System::nanoTime;

  private Tickers() {}
}
