package io.cachegen.runtime.locmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
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
    // Every round starts with the clock idle (possibly not yet parked, to race the unpark against
    // the park) and several readers reading at once; with a 1 ms threshold the ticker also goes
    // idle again between their reads. A missed wake-up shows either as a reading from before the
    // round or as a clock that never reports idle again.
    MillisecondClock clock = new MillisecondClock(Duration.ofMillis(1), "test-clock-race");
    int readers = 3;
    int rounds = 100;
    CyclicBarrier barrier = new CyclicBarrier(readers + 1);
    ConcurrentLinkedQueue<String> stale = new ConcurrentLinkedQueue<>();
    long[] idleSeen = new long[1];
    List<Thread> threads = new ArrayList<>();
    for (int r = 0; r < readers; r++) {
      Thread reader = new Thread(() -> {
        try {
          for (int round = 0; round < rounds; round++) {
            barrier.await();
            long floor = idleSeen[0]; // published by the barrier
            for (int i = 0; i < 5; i++) {
              long read = clock.read();
              if (read < floor) {
                stale.add("round " + round + ": read " + (floor - read) + " ns before it");
              }
              LockSupport.parkNanos(ThreadLocalRandom.current().nextLong(1_500_000));
            }
            barrier.await();
          }
        } catch (Exception e) {
          stale.add(e.toString());
        }
      }, "test-clock-reader-" + r);
      reader.start();
      threads.add(reader);
    }
    for (int round = 0; round < rounds; round++) {
      await("the clock goes idle in round " + round, clock::idle);
      idleSeen[0] = System.nanoTime();
      barrier.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
      barrier.await(DEADLINE.toSeconds(), TimeUnit.SECONDS);
    }
    for (Thread reader : threads) {
      reader.join(DEADLINE.toMillis());
    }
    assertThat(stale).isEmpty();
    await("the clock goes idle after the last round", clock::idle);
  }

  /** Waits until the ticker has parked without a timeout (no wake-ups until the next read). */
  private static void awaitParked(MillisecondClock clock) {
    await("the clock parks", () -> clock.idle()
        && clock.thread().getState() == Thread.State.WAITING);
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
