package io.cachegen.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;

/**
 * The clock thread parks when nobody reads the clock and a read wakes it with a fresh time. Each
 * test has its own clock with a short idle threshold; the shared clock keeps the default.
 */
class MillisecondClockTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  @Test
  void anUnreadClockParksAndStopsTicking() throws InterruptedException {
    MillisecondClock clock = new MillisecondClock(Duration.ofMillis(20), "test-clock-idle");
    awaitParked(clock);
    long ticks = clock.ticks();

    Thread.sleep(50); // the interval observed, not a wait for something to happen

    assertThat(clock.ticks()).as("ticks while idle").isEqualTo(ticks);
    assertThat(clock.thread().getState()).isEqualTo(Thread.State.WAITING);
  }

  @Test
  void aReadAfterIdlingReturnsAFreshTimeAndRestartsTicking() {
    MillisecondClock clock = new MillisecondClock(Duration.ofMillis(20), "test-clock-wake");
    awaitParked(clock);
    long idleSince = System.nanoTime();
    long ticks = clock.ticks();

    long read = clock.read();

    assertThat(read).as("the first read after idling").isGreaterThanOrEqualTo(idleSince);
    assertThat(clock.idle()).isFalse();
    await("the clock ticks again", () -> clock.ticks() >= ticks + 2);
    assertThat(clock.read()).as("a read once it ticks again").isGreaterThanOrEqualTo(read);
  }

  @Test
  void readersRacingTheTickerNeverSeeATimeFromBeforeItParked() throws Exception {
    // Each round starts with the clock parked and the readers spinning on one flag, so that they
    // wake it within nanoseconds of each other; then they read with pauses around the 1 ms
    // threshold, so the ticker also goes idle between their reads. A missed wake-up or a stale
    // time published shows as a reading from before the round, or as a clock that never reports
    // idle again.
    MillisecondClock clock = new MillisecondClock(Duration.ofMillis(1), "test-clock-race");
    int readers = 2;
    int rounds = 100;
    CyclicBarrier barrier = new CyclicBarrier(readers + 1);
    AtomicInteger spinning = new AtomicInteger();
    AtomicInteger go = new AtomicInteger(-1);
    long[] floor = new long[1]; // published by the barrier
    ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
    List<Thread> threads = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      Thread reader =
          new Thread(
              () -> {
                try {
                  for (int round = 0; round < rounds; round++) {
                    barrier.await();
                    spinning.incrementAndGet();
                    while (go.get() != round) {
                      Thread.onSpinWait();
                    }
                    for (int i = 0; i < 8; i++) {
                      long read = clock.read();
                      if (read < floor[0]) {
                        stale.add(
                            "round "
                                + round
                                + ", read "
                                + i
                                + ": "
                                + (floor[0] - read)
                                + " ns old");
                      }
                      if (i >= 4) {
                        LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_500_000));
                      }
                    }
                    barrier.await();
                  }
                } catch (Exception e) {
                  stale.add(e.toString());
                }
              },
              "test-clock-reader-" + r);
      reader.start();
      threads.add(reader);
    }
    for (int round = 0; round < rounds; round++) {
      awaitParked(clock);
      floor[0] = System.nanoTime();
      spinning.set(0);
      barrier.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      await("the readers spin", () -> spinning.get() == readers);
      go.set(round);
      barrier.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
    for (Thread reader : threads) {
      reader.join(DEADLINE.toMillis());
    }
    assertThat(stale).isEmpty();
    awaitParked(clock);
  }

  @Test
  void theClockThreadNeverKeepsTheJvmAlive() {
    MillisecondClock clock = new MillisecondClock(Duration.ofMillis(20), "test-clock-daemon");
    assertThat(clock.thread().isDaemon()).isTrue();
    assertThat(MillisecondClock.get().thread().isDaemon()).isTrue();
  }

  @Test
  void aClockReadLessThanTheIdlePeriodAgoKeepsTicking() {
    MillisecondClock clock = new MillisecondClock(Duration.ofMinutes(5), "test-clock-busy");
    clock.read();
    long ticks = clock.ticks();
    await("the clock ticks on", () -> clock.ticks() >= ticks + 20);
    assertThat(clock.idle()).as("idle before five minutes without a read").isFalse();
  }

  /** Waits until the ticker has parked without a timeout (no wake-ups until the next read). */
  private static void awaitParked(MillisecondClock clock) {
    await(
        "the clock parks", () -> clock.idle() && clock.thread().getState() == Thread.State.WAITING);
  }

  private static void await(String what, BooleanSupplier condition) {
    long deadline = System.nanoTime() + DEADLINE.toNanos();
    while (!condition.getAsBoolean()) {
      if (System.nanoTime() - deadline > 0) {
        fail("timed out after %s waiting until %s", DEADLINE, what);
      }
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
    }
  }
}
