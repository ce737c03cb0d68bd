package io.cachegen.redis;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Polls a condition to a deadline, for what happens on another thread or in another process (an
 * invalidation arriving, tracking being set up again). Not a sleep: it returns as soon as the
 * condition holds, and fails with {@code what} at the deadline.
 */
public final class Eventually {
  private Eventually() {}

  /**
   * Waits until {@code condition} holds, for at most {@code deadline}.
   *
   * @return how long it took
   * @throws AssertionError naming {@code what} if it never held
   */
  public static Duration within(Duration deadline, String what, BooleanSupplier condition) {
    long start = System.nanoTime();
    long end = start + deadline.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - end > 0) {
        throw new AssertionError("not within " + deadline.toMillis() + " ms: " + what);
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
