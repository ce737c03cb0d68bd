package io.cachegen.processor;

import io.cachegen.processor.fixtures.CountingService;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Watches callers of a generated method from outside: who computes, who waits on a flight. */
final class FlightProbe {
  private static final String SINGLE_FLIGHT = "io.cachegen.runtime.internal.SingleFlight";

  private FlightProbe() {}

  /** Starts a daemon thread running {@code task}. */
  static Thread start(Runnable task) {
    Thread t = new Thread(task, "caller");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Waits until exactly one of {@code callers} is inside {@link CountingService}'s {@code method}
   * (blocked on its gate) and every other one is parked on that computation's flight. Polls thread
   * states, which only settle there when single-flight works: without it, every caller would be
   * inside the method.
   */
  static void awaitOneComputingOthersWaiting(List<Thread> callers, String method) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (true) {
      int computing = 0;
      int waiting = 0;
      for (Thread t : callers) {
        Thread.State state = t.getState();
        StackTraceElement[] stack = t.getStackTrace();
        if (state == Thread.State.TIMED_WAITING
            && inFrame(stack, CountingService.class.getName(), method)) {
          computing++;
        } else if (state == Thread.State.WAITING && inFrame(stack, SINGLE_FLIGHT, "await")) {
          waiting++;
        }
      }
      if (computing == 1 && waiting == callers.size() - 1) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected 1 caller computing "
                + method
                + " and "
                + (callers.size() - 1)
                + " waiting on its flight, saw "
                + computing
                + " and "
                + waiting);
      }
      Thread.yield();
    }
  }

  private static boolean inFrame(StackTraceElement[] stack, String className, String method) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().equals(className) && frame.getMethodName().equals(method)) {
        return true;
      }
    }
    return false;
  }
}
