package io.cachegen.benchmarks;

import io.cachegen.annotations.Cached;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The cachegen subject: the same methods as {@link SpringBenchService}, with {@code @Cached}. The
 * processor generates {@code BenchServiceCached}; the benchmarks call that.
 */
public class BenchService {
  /** How many times {@link #stampede(long)}'s body ran in this JVM. */
  public final AtomicInteger stampedeRuns = new AtomicInteger();

  /** Constant key, small payload (the notes' {@code data}). */
  @Cached(key = "data")
  public List<String> data() {
    return Payloads.SMALL;
  }

  /** Parameter key, small payload. */
  @Cached(key = "item:{id}")
  public List<String> item(long id) {
    return Payloads.SMALL;
  }

  /** Constant key, graph payload. */
  @Cached(key = "order")
  public Payloads.Order order() {
    return Payloads.GRAPH;
  }

  /** Parameter key, graph payload. */
  @Cached(key = "order:{id}")
  public Payloads.Order orderById(long id) {
    return Payloads.GRAPH;
  }

  /** {@code String} parameter key, small payload: the key is built on every call (no memo). */
  @Cached(key = "small:{id}")
  public List<String> small(String id) {
    return Payloads.SMALL;
  }

  /** Misses: a fresh id per call, small payload; short timeout so Redis does not fill up. */
  @Cached(key = "miss:{id}", timeout = 5)
  public List<String> missSmall(long id) {
    return Payloads.SMALL;
  }

  /** Misses: a fresh id per call, graph payload. */
  @Cached(key = "missorder:{id}", timeout = 5)
  public Payloads.Order missGraph(long id) {
    return Payloads.GRAPH;
  }

  /** The stampede subject with the cross-JVM guard: a Redis lock around the computation. */
  @Cached(key = "stampedeg:{id}", timeout = 60, stampedeGuard = true)
  public List<String> stampedeGuarded(long id) {
    return slowBody();
  }

  /** The stampede subject: a slow body (20 ms) that counts its runs. */
  @Cached(key = "stampede:{id}", timeout = 60)
  public List<String> stampede(long id) {
    return slowBody();
  }

  private List<String> slowBody() {
    stampedeRuns.incrementAndGet();
    try {
      Thread.sleep(20);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return Payloads.SMALL;
  }
}
