package io.cachegen.processor;

import static io.cachegen.processor.FlightProbe.awaitOneComputingOthersWaiting;
import static io.cachegen.processor.FlightProbe.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.processor.fixtures.CountingService;
import io.cachegen.processor.fixtures.CountingServiceCached;
import io.cachegen.processor.fixtures.ReportServiceCached;
import io.cachegen.processor.fixtures.Repository;
import io.cachegen.processor.fixtures.RepositoryCached;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.Caches;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Generated instances constructed with a handler ({@code new CountingServiceCached(handler)}) use
 * that handler, with their own single-flight, whatever the process-wide handler is; instances
 * constructed without one follow {@link Caches#install}. Each handler here has its own locmem
 * location, as two processes would have their own memory.
 */
class HandlerBindingTest {
  private static final AtomicInteger LOCATIONS = new AtomicInteger();

  private final List<CacheHandler> handlers = new ArrayList<>();
  private CacheHandler previous;

  @BeforeEach
  void remember() {
    previous = Caches.install(null);
  }

  @AfterEach
  void restore() {
    Caches.install(previous);
    handlers.forEach(CacheHandler::close);
  }

  private CacheHandler handler(String... aliases) {
    Map<String, String> config = new java.util.HashMap<>();
    for (String alias : aliases) {
      config.put("caches." + alias + ".backend", "locmem");
      config.put("caches." + alias + ".location", "binding-" + LOCATIONS.incrementAndGet());
    }
    CacheHandler handler = CacheHandler.create(CacheConfig.fromMap(config));
    handlers.add(handler);
    return handler;
  }

  @Test
  void twoHandlersKeepSeparateValues() {
    CountingService first = new CountingServiceCached(handler("default", "other"));
    CountingService second = new CountingServiceCached(handler("default", "other"));
    first.nextValue = "one";
    second.nextValue = "two";
    assertThat(first.data()).containsExactly("one", "b");
    assertThat(second.data()).containsExactly("two", "b");
    first.nextValue = "changed";
    second.nextValue = "changed";
    assertThat(first.data()).containsExactly("one", "b");
    assertThat(second.data()).containsExactly("two", "b");
    assertThat(first.calls("data")).isEqualTo(1);
    assertThat(second.calls("data")).isEqualTo(1);
  }

  @Test
  void anInstanceOnAHandlerIgnoresTheProcessWideOne() {
    CacheHandler own = handler("default", "other");
    Caches.install(handler("default", "other"));
    CountingService service = new CountingServiceCached(own);
    service.data();
    assertThat(own.cache().stats().misses()).isEqualTo(1);
    assertThat(Caches.cache().stats().misses()).isZero();

    Caches.install(handler("default", "other"));
    service.data();
    assertThat(service.calls("data")).isEqualTo(1);
    assertThat(own.cache().stats().hits()).isEqualTo(1);
  }

  @Test
  void anInstanceWithoutAHandlerFollowsCachesInstall() {
    CacheHandler first = handler("default", "other");
    Caches.install(first);
    CountingService service = new CountingServiceCached();
    service.data();
    service.data();
    assertThat(service.calls("data")).isEqualTo(1);

    Caches.install(handler("default", "other"));
    service.data();
    assertThat(service.calls("data")).isEqualTo(2);
    Caches.install(first);
    service.data();
    assertThat(service.calls("data")).isEqualTo(2);
  }

  @Test
  void instancesOnTheSameHandlerShareEntries() {
    CacheHandler handler = handler("default", "other");
    Caches.install(handler);
    CountingService withHandler = new CountingServiceCached(handler);
    CountingService withoutHandler = new CountingServiceCached();
    withHandler.nextValue = "first";
    assertThat(withHandler.data()).containsExactly("first", "b");
    assertThat(withoutHandler.data()).containsExactly("first", "b");
    assertThat(withoutHandler.calls("data")).isZero();
  }

  @Test
  void singleFlightIsPerHandler() throws Exception {
    int callers = 64;
    CountingService first = new CountingServiceCached(handler("default", "other"));
    CountingService second = new CountingServiceCached(handler("default", "other"));
    first.gate = new CountDownLatch(1);
    second.gate = new CountDownLatch(1);
    List<FutureTask<String>> results = new ArrayList<>();
    List<Thread> onFirst = new ArrayList<>();
    List<Thread> onSecond = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      for (CountingService service : List.of(first, second)) {
        FutureTask<String> task = new FutureTask<>(service::slow);
        results.add(task);
        (service == first ? onFirst : onSecond).add(start(task));
      }
    }
    try {
      // The same made key on both handlers: one flight each, neither waits for the other's.
      awaitOneComputingOthersWaiting(onFirst, "slow");
      awaitOneComputingOthersWaiting(onSecond, "slow");
      first.gate.countDown();
      second.gate.countDown();
      for (FutureTask<String> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("slow-v");
      }
      assertThat(first.calls("slow")).isEqualTo(1);
      assertThat(second.calls("slow")).isEqualTo(1);
    } finally {
      first.gate.countDown();
      second.gate.countDown();
    }
  }

  @Test
  void constructionWithAHandlerResolvesItsAliases() {
    CacheHandler withoutReports = handler("default", "other");
    Caches.install(handler("default", "reports"));
    assertThatThrownBy(() -> new ReportServiceCached(withoutReports))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageStartingWith("Could not find config for 'reports' in caches");
    assertThatThrownBy(() -> new ReportServiceCached(withoutReports, 3))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageStartingWith("Could not find config for 'reports' in caches");

    Caches.install(withoutReports);
    assertThat(new ReportServiceCached(handler("default", "reports"), 0).report(1))
        .isEqualTo("report1");
  }

  @Test
  void aNullHandlerIsRefusedAtConstruction() {
    assertThatThrownBy(() -> new ReportServiceCached(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("handler");
  }

  @Test
  void anInterfaceWrapperOnAHandler() {
    AtomicInteger loads = new AtomicInteger();
    Repository real =
        new Repository() {
          @Override
          public String load(long id) {
            return "r" + id + "-" + loads.incrementAndGet();
          }

          @Override
          public List<String> names() {
            return List.of();
          }
        };
    Repository first = new RepositoryCached(handler("default"), real);
    Repository second = new RepositoryCached(handler("default"), real);
    assertThat(first.load(5)).isEqualTo("r5-1");
    assertThat(second.load(5)).isEqualTo("r5-2");
    assertThat(first.load(5)).isEqualTo("r5-1");
    assertThat(second.load(5)).isEqualTo("r5-2");
  }

  @Test
  void eachGeneratedMethodIsCountedUnderItsNameOnItsHandler() {
    CacheHandler first = handler("default", "other");
    CacheHandler second = handler("default", "other");
    CountingService one = new CountingServiceCached(first);
    CountingService two = new CountingServiceCached(second);
    one.find("a");
    one.find("a");
    one.find(1);
    two.find("a");
    assertThatThrownBy(() -> one.fails("x")).isInstanceOf(java.io.IOException.class);

    Map<String, CacheStats> methods = first.metrics().methodStats();
    assertThat(methods.get("CountingService.find(String)"))
        .extracting(CacheStats::hits, CacheStats::misses, CacheStats::loads)
        .containsExactly(1L, 1L, 1L);
    assertThat(methods.get("CountingService.find(int)").loads()).isEqualTo(1);
    assertThat(methods.get("CountingService.fails(String)").loadFailures()).isEqualTo(1);
    assertThat(first.cache().stats().loads())
        .as("the alias counts every method's loads")
        .isEqualTo(2);
    assertThat(second.metrics().methodStats().get("CountingService.find(String)").misses())
        .isEqualTo(1);
  }
}
