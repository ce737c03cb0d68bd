package io.cachegen.runtime.locmem;

import io.cachegen.runtime.Ticker;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The default clock of locmem expiry: {@link System#nanoTime()} sampled once a millisecond by one
 * daemon thread, so that checking an entry's expiry on a hit costs a volatile read instead of a
 * clock call (on many machines {@code nanoTime} costs more than the whole cache lookup). Redis and
 * memcached keep a cached clock for the same reason. An entry may be served for up to about a
 * millisecond past its timeout; timeouts are whole seconds in Django's model.
 *
 * <p>The thread starts with the first locmem store that uses this clock and runs until the JVM
 * exits; it never keeps the JVM alive.
 */
final class MillisecondClock implements Ticker {
  private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final MillisecondClock INSTANCE = new MillisecondClock();

  private volatile long now = System.nanoTime();

  private MillisecondClock() {
    Thread ticker = new Thread(this::run, "cachegen-locmem-clock");
    ticker.setDaemon(true);
    ticker.start();
  }

  /** The shared clock, started on first use. */
  static MillisecondClock get() {
    return INSTANCE;
  }

  @Override
  public long read() {
    return now;
  }

  private void run() {
    while (true) {
      LockSupport.parkNanos(PERIOD_NANOS);
      now = System.nanoTime();
    }
  }
}
