package io.cachegen.benchmarks;

import io.cachegen.micrometer.MicrometerCacheMetrics;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.spi.CacheMetrics;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * What Micrometer's meters cost the generated hit path: the {@link CachegenMethods} subjects on
 * locmem by reference, on a handler built with {@code CacheHandler.builder().metrics(...)} of the
 * default in-process counters ({@code inProcess}) or of a {@link MicrometerCacheMetrics} bound to a
 * {@link SimpleMeterRegistry} ({@code micrometer}). The generated class is constructed without a
 * handler and uses the installed one, as {@link CachegenMethods#hitConstSmall()} does.
 *
 * <p>The meters are function meters read at a scrape, so the measured path never calls Micrometer;
 * the teardown reads the registry once and fails the run if the measured calls were not counted
 * there, so a {@code micrometer} result is one whose meters were live.
 */
@State(Scope.Benchmark)
public class CachegenMetrics {
  @Param({"inProcess", "micrometer"})
  public String metrics;

  private BenchService service;

  /** The registry the {@code micrometer} counters are bound to; null for {@code inProcess}. */
  private MeterRegistry registry;

  /** {@link #gets()} after the setup's calls. */
  private double getsAtSetup;

  @Setup
  public void setup() {
    CachegenSetup.installLocmem("reference", counters());
    Caches.cache().clear();
    service = new BenchServiceCached();
    service.data();
    service.item(Keys.ID);
    if (registry != null) {
      getsAtSetup = gets();
    }
  }

  private CacheMetrics counters() {
    return switch (metrics) {
      case "inProcess" -> CacheMetrics.inProcess();
      case "micrometer" -> {
        MicrometerCacheMetrics micrometer = new MicrometerCacheMetrics();
        registry = new SimpleMeterRegistry();
        micrometer.bindTo(registry);
        yield micrometer;
      }
      default ->
          throw new IllegalArgumentException(
              "metrics must be inProcess or micrometer, not " + metrics);
    };
  }

  @TearDown
  public void tearDown() {
    try {
      if (registry != null && gets() <= getsAtSetup) {
        throw new IllegalStateException(
            "cache.gets{cache=default} read "
                + gets()
                + " after the run, as after the setup: the measured calls were not counted");
      }
    } finally {
      CachegenSetup.uninstall();
    }
  }

  /** What the registry reads for {@code cache.gets} (hits and misses) of the alias. */
  private double gets() {
    return registry.get("cache.gets").tag("cache", "default").functionCounters().stream()
        .mapToDouble(FunctionCounter::count)
        .sum();
  }

  @Benchmark
  public Object hitConstSmall() {
    return service.data();
  }

  @Benchmark
  public Object hitParamSmall() {
    return service.item(Keys.ID);
  }

  /** A miss on a fresh key: run the body, encode, store, return (counting a miss and a load). */
  @Benchmark
  public Object missSetSmall(FreshIds ids) {
    return service.missSmall(ids.next++);
  }
}
