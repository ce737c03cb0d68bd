package io.cachegen.micrometer;

import static io.cachegen.micrometer.Meters.count;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Aliases appearing while registries are being bound: every registry ends up with every alias. */
class ConcurrentBindingTest {
  private static final int ALIASES_PER_THREAD = 50;

  @Test
  void aliasesAppearingWhileRegistriesAreBoundReachEveryRegistry() throws Exception {
    MicrometerCacheMetrics metrics = new MicrometerCacheMetrics();
    List<SimpleMeterRegistry> registries =
        IntStream.range(0, 4).mapToObj(i -> new SimpleMeterRegistry()).toList();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    CountDownLatch start = new CountDownLatch(1);
    List<Callable<Void>> work = new ArrayList<>();
    for (int t = 0; t < 2; t++) {
      int first = t * ALIASES_PER_THREAD;
      work.add(
          () -> {
            start.await();
            for (int i = first; i < first + ALIASES_PER_THREAD; i++) {
              metrics.alias("a" + i).hits(1);
              metrics.alias("a" + i).hits(1);
            }
            return null;
          });
    }
    for (SimpleMeterRegistry registry : registries) {
      work.add(
          () -> {
            start.await();
            metrics.bindTo(registry);
            return null;
          });
    }
    try {
      List<Future<Void>> running = new ArrayList<>();
      work.forEach(w -> running.add(pool.submit(w)));
      start.countDown();
      for (Future<Void> f : running) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    for (SimpleMeterRegistry registry : registries) {
      for (int i = 0; i < 2 * ALIASES_PER_THREAD; i++) {
        assertThat(count(registry, "cache.gets", "cache", "a" + i, "result", "hit"))
            .as("alias a%d", i)
            .isEqualTo(2);
      }
    }
  }
}
