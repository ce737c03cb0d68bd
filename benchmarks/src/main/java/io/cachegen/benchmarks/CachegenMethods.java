package io.cachegen.benchmarks;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.Caches;
import java.util.concurrent.atomic.AtomicInteger;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The generated {@code BenchServiceCached}: hits on a constant key ({@code "data"}) and on a
 * parameter key ({@code "item:{id}"}), and miss+set on a fresh key per call, on locmem by
 * reference, locmem by value, and Redis.
 */
@State(Scope.Benchmark)
public class CachegenMethods {
  @Param({"reference", "value", "redis"})
  public String backend;

  private BenchService service;
  private static final AtomicInteger THREADS = new AtomicInteger();

  @Setup
  public void setup() {
    CachegenSetup.install(backend);
    BaseCache cache = Caches.cache();
    cache.clear();
    service = new BenchServiceCached();
    service.data();
    service.item(Keys.ID);
    service.order();
    service.orderById(Keys.ID);
    for (long id = 0; id < SPREAD; id++) {
      service.item(id);
    }
  }

  /** How many ids {@link #hitParamSmallSpread} cycles through: twice the key memo's slots. */
  static final int SPREAD = 128;

  /** Fresh ids per thread, without a shared counter in the measured path. */
  @State(Scope.Thread)
  public static class Ids {
    long next = ((long) THREADS.incrementAndGet() << 48) + (System.nanoTime() & 0xFFFF_FFFFL);
    long cycle;
  }

  @TearDown
  public void tearDown() {
    CachegenSetup.uninstall();
  }

  @Benchmark
  public Object hitConstSmall() {
    return service.data();
  }

  @Benchmark
  public Object hitParamSmall() {
    return service.item(Keys.ID);
  }

  /**
   * Parameter-key hits cycling through {@value #SPREAD} cached ids in turn: the generated key
   * memo's worst case, every call building its key again (a cold key, not a hot one).
   */
  @Benchmark
  public Object hitParamSmallSpread(Ids ids) {
    return service.item(ids.cycle++ & (SPREAD - 1));
  }

  @Benchmark
  public Object hitConstGraph() {
    return service.order();
  }

  @Benchmark
  public Object hitParamGraph() {
    return service.orderById(Keys.ID);
  }

  /** A miss on a fresh key: run the body, encode, store, return. */
  @Benchmark
  public Object missSetSmall(Ids ids) {
    return service.missSmall(ids.next++);
  }

  @Benchmark
  public Object missSetGraph(Ids ids) {
    return service.missGraph(ids.next++);
  }
}
