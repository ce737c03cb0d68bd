package io.cachegen.runtime.spi;

import io.cachegen.runtime.Ticker;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The default clock of in-process expiry (locmem, the Redis near cache; {@link
 * BackendContext#expiryClock()}): {@link System#nanoTime()} sampled once a millisecond by one
 * daemon thread, so that checking an entry's expiry on a hit costs a volatile read instead of a
 * clock call (on many machines {@code nanoTime} costs more than the whole cache lookup). Redis and
 * memcached keep a cached clock for the same reason. An entry may be served for up to about a
 * millisecond past its timeout; timeouts are whole seconds in Django's model.
 *
 * <p>The thread starts with the first cache that uses this clock and never keeps the JVM alive. It
 * only ticks while the clock is read: once a whole check period ({@link #DEFAULT_IDLE_AFTER}, one
 * second) has gone by without a read, it parks without a timeout, so an idle JVM sees no wake-ups
 * from it; the next read wakes it.
 *
 * <h2>States</h2>
 *
 * <p>One volatile {@code state} field, next to the volatile {@code now}:
 *
 * <ul>
 *   <li>{@code TOUCHED}: ticking, and read since the ticker's last check. The common case: a read
 *       is two volatile reads ({@code state}, then {@code now}) and no write.
 *   <li>{@code RUNNING}: ticking, not read since the last check. The first read to see it moves it
 *       to {@code TOUCHED} (a CAS), so readers write at most once per check period in all, not once
 *       per read.
 *   <li>{@code IDLE}: the ticker found {@code RUNNING} at a check and parked (or is about to).
 *       {@code now} is stale. The first read to see it claims the wake-up (CAS to {@code WAKING}).
 *   <li>{@code WAKING}: one reader is waking the ticker. Every read returns {@code nanoTime()}.
 * </ul>
 *
 * <p>Transitions: the ticker alone moves {@code TOUCHED -> RUNNING} and {@code RUNNING -> IDLE}
 * (each a CAS), readers alone move {@code RUNNING -> TOUCHED}, {@code IDLE -> WAKING} (CAS) and
 * {@code WAKING -> TOUCHED} (only the reader that won the CAS). The waking reader stores a fresh
 * {@code now} <em>before</em> it publishes {@code TOUCHED}, then unparks the ticker.
 *
 * <h2>Why no read sees a stale time</h2>
 *
 * <ul>
 *   <li>A read returns {@code now} only after it has seen {@code TOUCHED} (or won {@code RUNNING ->
 *       TOUCHED}) and reads {@code now} after {@code state}. Either the ticker was ticking at that
 *       moment, so {@code now} is at most about a tick old, or a waker published {@code TOUCHED}
 *       after storing a fresh {@code now}, which the read then sees (volatile order). Reading
 *       {@code now} first would be wrong: the clock could be woken between the two reads.
 *   <li>The ticker decides to park while a reader arrives: both race on {@code RUNNING}. If the
 *       reader's CAS to {@code TOUCHED} wins, the ticker's CAS to {@code IDLE} fails and it keeps
 *       ticking. If the ticker wins, the reader's CAS fails, it reads {@code IDLE} on its retry and
 *       wakes the clock. A reader that saw {@code TOUCHED} just before the ticker cleared it read a
 *       {@code now} the ticker had just written.
 *   <li>Two readers wake at once: one wins {@code IDLE -> WAKING}; the other, like any read during
 *       {@code WAKING}, returns {@code nanoTime()}. The state only leaves {@code WAKING} for {@code
 *       TOUCHED}, after {@code now} is fresh.
 *   <li>The unpark comes before the ticker's park: {@link LockSupport} keeps the permit, so the
 *       park returns at once. Spurious wake-ups: the ticker parks in a loop until the state is
 *       {@code TOUCHED}; a leftover permit costs at most one early tick.
 *   <li>A missed wake-up (ticker parked, state {@code TOUCHED} or {@code RUNNING}) cannot happen:
 *       the ticker parks only after its own CAS to {@code IDLE}, and only the waker leaves {@code
 *       IDLE}, unparking the ticker after publishing {@code TOUCHED}.
 * </ul>
 *
 * <p>Reads on different threads may see a time up to a tick apart, as before; around a wake-up a
 * read during {@code WAKING} may return a {@code nanoTime()} a few microseconds later than the
 * {@code now} the waker publishes. Expiry tolerates both.
 */
final class MillisecondClock implements Ticker {
  /** How long the clock goes without a read before its thread parks (at most twice this). */
  static final Duration DEFAULT_IDLE_AFTER = Duration.ofSeconds(1);

  private static final long PERIOD_NANOS = TimeUnit.MILLISECONDS.toNanos(1);
  private static final MillisecondClock INSTANCE =
      new MillisecondClock(DEFAULT_IDLE_AFTER, "cachegen-expiry-clock");

  private static final int TOUCHED = 0;
  private static final int RUNNING = 1;
  private static final int IDLE = 2;
  private static final int WAKING = 3;
  private static final VarHandle STATE;

  static {
    try {
      STATE = MethodHandles.lookup().findVarHandle(MillisecondClock.class, "state", int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }

  private final long idleAfterNanos;
  private final Thread ticker;
  private volatile int state = TOUCHED;
  private volatile long now = System.nanoTime();

  /** Test hook: how many times the ticker has sampled the time. Written by the ticker alone. */
  private volatile long ticks;

  /**
   * A clock whose thread parks after {@code idleAfter} without a read; tests use a short one. The
   * thread starts here and ends with the JVM.
   */
  MillisecondClock(Duration idleAfter, String threadName) {
    this.idleAfterNanos = idleAfter.toNanos();
    this.ticker = new Thread(this::run, threadName);
    ticker.setDaemon(true);
    ticker.start();
  }

  /** The shared clock, started on first use. */
  static MillisecondClock get() {
    return INSTANCE;
  }

  @Override
  public long read() {
    if (state == TOUCHED) {
      return now;
    }
    return readSlowly();
  }

  /** Test hook: how many times the ticker has sampled the time. */
  long ticks() {
    return ticks;
  }

  /** Test hook: whether the ticker has stopped ticking until the next read. */
  boolean idle() {
    return state == IDLE;
  }

  /** Test hook: the ticker thread. */
  Thread thread() {
    return ticker;
  }

  private long readSlowly() {
    while (true) {
      int seen = state;
      if (seen == TOUCHED) {
        return now;
      } else if (seen == RUNNING) {
        if (STATE.compareAndSet(this, RUNNING, TOUCHED)) {
          return now;
        }
      } else if (seen == IDLE) {
        if (STATE.compareAndSet(this, IDLE, WAKING)) {
          return wake();
        }
      } else {
        return System.nanoTime();
      }
    }
  }

  private long wake() {
    long fresh = System.nanoTime();
    now = fresh;
    state = TOUCHED;
    LockSupport.unpark(ticker);
    return fresh;
  }

  private void run() {
    long lastCheck = System.nanoTime();
    while (true) {
      LockSupport.parkNanos(this, PERIOD_NANOS);
      long sampled = System.nanoTime();
      now = sampled;
      ticks++; // one writer
      if (sampled - lastCheck >= idleAfterNanos) {
        boolean read = STATE.compareAndSet(this, TOUCHED, RUNNING);
        if (!read && STATE.compareAndSet(this, RUNNING, IDLE)) {
          parkUntilRead();
          sampled = System.nanoTime();
        }
        lastCheck = sampled;
      }
      Thread.interrupted(); // nobody should interrupt this thread; if someone does, do not spin
    }
  }

  private void parkUntilRead() {
    while (state != TOUCHED) {
      LockSupport.park(this);
      Thread.interrupted();
    }
  }
}
