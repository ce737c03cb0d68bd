package io.cachegen.runtime;

/** {@link Ticker#system()}: one instance, so backends can recognise the default. */
enum SystemTicker implements Ticker {
  INSTANCE;

  @Override
  public long read() {
    return System.nanoTime();
  }
}
