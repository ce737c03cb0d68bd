package io.cachegen.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Stampede: 64 threads call the generated method on one fresh (missing) key at the same instant.
 * The body sleeps 20 ms and counts its runs; the score is the time until all 64 have their value.
 * Body runs per round are appended to the file named by {@code -Dbench.stampede.out} (one line per
 * round: backend and count), since they must be 1 in every round.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SingleShotTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class Stampede {
  static final int THREADS = 64;

  /** {@code redis-guarded} calls the method with {@code stampedeGuard = true} (a Redis lock). */
  @Param({"reference", "redis", "redis-guarded"})
  public String backend;

  private BenchService service;
  private ExecutorService pool;
  private final List<Integer> runsPerRound = new ArrayList<>();
  private boolean guarded;
  private long id;
  private CountDownLatch ready;
  private CountDownLatch start;
  private CountDownLatch done;

  @Setup(Level.Trial)
  public void setupTrial() {
    CachegenSetup.install(backend.equals("redis-guarded") ? "redis" : backend);
    guarded = backend.equals("redis-guarded");
    service = new BenchServiceCached();
    pool = Executors.newFixedThreadPool(THREADS);
    id = System.nanoTime();
  }

  /** Parks 64 callers at the start line of a new key; not timed. */
  @Setup(Level.Invocation)
  public void setupRound() throws InterruptedException {
    long key = ++id;
    service.stampedeRuns.set(0);
    ready = new CountDownLatch(THREADS);
    start = new CountDownLatch(1);
    done = new CountDownLatch(THREADS);
    for (int i = 0; i < THREADS; i++) {
      pool.execute(
          () -> {
            ready.countDown();
            try {
              start.await();
              if (guarded) {
                service.stampedeGuarded(key);
              } else {
                service.stampede(key);
              }
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            } finally {
              done.countDown();
            }
          });
    }
    ready.await();
  }

  /** Releases the 64 callers and waits until every one has its value. */
  @Benchmark
  public void stampede64() throws InterruptedException {
    start.countDown();
    done.await();
  }

  @TearDown(Level.Invocation)
  public void tearDownRound() {
    runsPerRound.add(service.stampedeRuns.get());
  }

  @TearDown(Level.Trial)
  public void tearDownTrial() throws IOException {
    pool.shutdownNow();
    CachegenSetup.uninstall();
    String out = System.getProperty("bench.stampede.out");
    if (out != null) {
      StringBuilder lines = new StringBuilder();
      for (int runs : runsPerRound) {
        lines.append(backend).append(' ').append(runs).append('\n');
      }
      Files.writeString(
          Path.of(out),
          lines,
          StandardCharsets.UTF_8,
          StandardOpenOption.CREATE,
          StandardOpenOption.APPEND);
    }
  }
}
