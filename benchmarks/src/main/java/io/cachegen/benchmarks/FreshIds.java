package io.cachegen.benchmarks;

import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.State;

/**
 * Ids for the miss subjects, one sequence per thread: every call takes a fresh id (a key never seen
 * before) without a shared counter in the measured path. The high bits hold the thread's number and
 * the low bits the start time, so neither two threads nor two runs against the same Redis share a
 * key.
 */
@State(Scope.Thread)
public class FreshIds {
  private static final AtomicInteger THREADS = new AtomicInteger();

  /** The next fresh id; subjects take it with {@code next++}. */
  public long next = ((long) THREADS.incrementAndGet() << 48) + (System.nanoTime() & 0xFFFF_FFFFL);

  /** A counter for subjects that cycle through a fixed set of ids. */
  public long cycle;
}
