package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.processor.fixtures.CountingService;
import io.cachegen.processor.fixtures.CountingServiceCached;
import io.cachegen.processor.fixtures.Outer_InnerCached;
import io.cachegen.processor.fixtures.Repository;
import io.cachegen.processor.fixtures.RepositoryCached;
import io.cachegen.processor.fixtures.Status;
import io.cachegen.processor.fixtures.User;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.ManualTicker;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Runs the wrappers the processor generated for the fixtures (compiled with this module's own
 * processor) against locmem with a manual ticker, counting calls of the real methods.
 */
class CachedBehaviourTest {
  private static final AtomicInteger LOCATIONS = new AtomicInteger();

  private final ManualTicker ticker = new ManualTicker();
  private CacheHandler handler;
  private CacheHandler previous;
  private CountingService service;

  @BeforeEach
  void install() {
    handler = handler(ticker);
    previous = Caches.install(handler);
    service = new CountingServiceCached();
  }

  @AfterEach
  void restore() {
    Caches.install(previous);
    handler.close();
  }

  private static CacheHandler handler(ManualTicker ticker) {
    return CacheHandler.builder()
        .config(CacheConfig.fromMap(Map.of(
            "caches.default.backend", "locmem",
            "caches.default.location", "behaviour-" + LOCATIONS.incrementAndGet(),
            "caches.default.timeout", "300")))
        .ticker(ticker)
        .build();
  }

  @Test
  void hitDoesNotCallTheMethod() {
    assertThat(service.data()).containsExactly("v", "b");
    service.nextValue = "changed";
    assertThat(service.data()).containsExactly("v", "b");
    assertThat(service.calls("data")).isEqualTo(1);
  }

  @Test
  void selfInvocationGoesThroughTheCache() {
    service.dataTwice();
    assertThat(service.calls("data")).isEqualTo(1);
  }

  @Test
  void valueExpiresAfterTimeout() {
    service.data();
    ticker.advanceSeconds(9);
    service.data();
    assertThat(service.calls("data")).isEqualTo(1);
    ticker.advanceSeconds(2);
    service.nextValue = "new";
    assertThat(service.data()).containsExactly("new", "b");
    assertThat(service.calls("data")).isEqualTo(2);
  }

  @Test
  void aliasDefaultTimeoutApplies() {
    User u = new User(1, "ann");
    service.describe(u, Status.OPEN);
    ticker.advanceSeconds(299);
    service.describe(u, Status.OPEN);
    assertThat(service.calls("describe")).isEqualTo(1);
    ticker.advanceSeconds(2);
    service.describe(u, Status.OPEN);
    assertThat(service.calls("describe")).isEqualTo(2);
  }

  @Test
  void templateKeysUsePropertyPaths() {
    service.describe(new User(1, "ann"), Status.OPEN);
    service.describe(new User(1, "other name, same id"), Status.OPEN);
    service.describe(new User(2, "ann"), Status.OPEN);
    service.describe(new User(1, "ann"), Status.CLOSED);
    assertThat(service.calls("describe")).isEqualTo(3);
    assertThat(CountingServiceCached.keyForDescribe(new User(7, "x"), Status.CLOSED))
        .isEqualTo("user:7:CLOSED");
  }

  @Test
  void evictHelperRemovesExactlyThatEntry() {
    service.describe(new User(1, "a"), Status.OPEN);
    service.describe(new User(2, "b"), Status.OPEN);
    CountingServiceCached.evictDescribe(new User(1, "a"), Status.OPEN);
    service.describe(new User(1, "a"), Status.OPEN);
    service.describe(new User(2, "b"), Status.OPEN);
    assertThat(service.calls("describe")).isEqualTo(3);

    service.data();
    CountingServiceCached.evictData();
    service.data();
    assertThat(service.calls("data")).isEqualTo(2);
  }

  @Test
  void cacheEvictRemovesAfterReturn() {
    User u = new User(1, "a");
    service.describe(u, Status.OPEN);
    service.forget(u, Status.OPEN);
    service.describe(u, Status.OPEN);
    assertThat(service.calls("describe")).isEqualTo(2);
    assertThat(service.calls("forget")).isEqualTo(1);
  }

  @Test
  void evictAllEntriesClearsTheAlias() {
    service.data();
    service.find("x");
    service.clearAll();
    service.data();
    service.find("x");
    assertThat(service.calls("data")).isEqualTo(2);
    assertThat(service.calls("find(String)")).isEqualTo(2);
  }

  @Test
  void cachePutAlwaysRunsAndStoresForCached() {
    User u = new User(3, "zed");
    assertThat(service.rename(u, Status.OPEN)).isEqualTo("renamed-zed");
    assertThat(service.rename(u, Status.OPEN)).isEqualTo("renamed-zed");
    assertThat(service.calls("rename")).isEqualTo(2);
    assertThat(service.describe(u, Status.OPEN)).isEqualTo("renamed-zed");
    assertThat(service.calls("describe")).isZero();
  }

  @Test
  void nullIsCachedByDefault() {
    assertThat(service.nullable("a")).isNull();
    assertThat(service.nullable("a")).isNull();
    assertThat(service.calls("nullable")).isEqualTo(1);
  }

  @Test
  void nullIsNotCachedWhenDisabled() {
    assertThat(service.notCachingNull("a")).isNull();
    assertThat(service.notCachingNull("a")).isNull();
    assertThat(service.calls("notCachingNull")).isEqualTo(2);
  }

  @Test
  void checkedExceptionsPropagateUnchangedAndAreNotCached() {
    assertThatThrownBy(() -> service.fails("x")).isInstanceOf(IOException.class).hasMessage("boom x");
    assertThatThrownBy(() -> service.fails("x")).isInstanceOf(IOException.class);
    assertThat(service.calls("fails")).isEqualTo(2);
  }

  @Test
  void overloadsAndArgumentsNeverCollide() {
    assertThat(service.find("1")).isEqualTo("s1");
    assertThat(service.find(1)).isEqualTo("i1");
    assertThat(service.find("1")).isEqualTo("s1");
    assertThat(service.calls("find(String)")).isEqualTo(1);
    assertThat(service.calls("find(int)")).isEqualTo(1);

    assertThat(service.pair("a:b", "c")).isEqualTo("a:b|c");
    assertThat(service.pair("a", "b:c")).isEqualTo("a|b:c");
    assertThat(service.calls("pair")).isEqualTo(2);
    assertThat(CountingServiceCached.keyForPair("a:b", "c"))
        .isNotEqualTo(CountingServiceCached.keyForPair("a", "b:c"));
  }

  @Test
  void primitivesAreBoxedAndUnboxed() {
    assertThat(service.square(4)).isEqualTo(16);
    assertThat(service.square(4)).isEqualTo(16);
    assertThat(service.calls("square")).isEqualTo(1);
  }

  @Test
  void varargsConstantKeyNeverExpires() {
    assertThat(service.sum(1, 2, 3)).isEqualTo(6);
    ticker.advanceSeconds(1_000_000);
    assertThat(service.sum(1, 2, 3)).isEqualTo(6);
    assertThat(service.calls("sum")).isEqualTo(1);
  }

  @Test
  void timeoutZeroNeverCaches() {
    service.uncached();
    service.uncached();
    assertThat(service.calls("uncached")).isEqualTo(2);
  }

  @Test
  void optionalContentAndEmptyAreCached() {
    assertThat(service.maybe("x")).contains("ox");
    assertThat(service.maybe("x")).contains("ox");
    assertThat(service.maybe("")).isEqualTo(Optional.empty());
    assertThat(service.maybe("")).isEqualTo(Optional.empty());
    assertThat(service.calls("maybe")).isEqualTo(2);
  }

  @Test
  void completableFutureCachesSuccessOnly() throws Exception {
    assertThat(service.async("1").get(10, TimeUnit.SECONDS)).isEqualTo("a1");
    CompletableFuture<String> hit = service.async("1");
    assertThat(hit).isCompletedWithValue("a1");
    assertThat(service.calls("async")).isEqualTo(1);

    assertThatThrownBy(() -> service.async("fail").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> service.async("fail").get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(service.calls("async")).isEqualTo(3);
  }

  @Test
  void concurrentMissesComputeOnce() throws Exception {
    int callers = 32;
    service.gate = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<String>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          started.countDown();
          return service.slow();
        }));
      }
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      service.gate.countDown();
      for (Future<String> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("slow-v");
      }
      assertThat(service.calls("slow")).isEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void concurrentWaitersGetTheComputationsOwnCheckedException() throws Exception {
    int callers = 16;
    service.gate = new CountDownLatch(1);
    CountDownLatch started = new CountDownLatch(callers);
    ExecutorService pool = Executors.newFixedThreadPool(callers);
    try {
      List<Future<Throwable>> results = new ArrayList<>();
      for (int i = 0; i < callers; i++) {
        results.add(pool.submit(() -> {
          started.countDown();
          try {
            service.slowFail();
            return null;
          } catch (Throwable t) {
            return t;
          }
        }));
      }
      assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
      service.gate.countDown();
      java.util.Set<Throwable> distinct =
          java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
      for (Future<Throwable> f : results) {
        Throwable t = f.get(30, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(IOException.class).hasMessageStartingWith("failure ");
        distinct.add(t);
      }
      // Each computation's exception reaches all of its waiters as is: one instance per run.
      assertThat(distinct).hasSize(service.calls("slowFail"));
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void newHandlerIsPickedUp() {
    service.data();
    CacheHandler other = handler(new ManualTicker());
    try {
      Caches.install(other);
      service.data();
      assertThat(service.calls("data")).isEqualTo(2);
      service.data();
      assertThat(service.calls("data")).isEqualTo(2);
    } finally {
      Caches.install(handler);
      other.close();
    }
  }

  @Test
  void interfaceWrapperCachesAndForwards() {
    AtomicInteger loads = new AtomicInteger();
    Repository real = new Repository() {
      @Override
      public String load(long id) {
        loads.incrementAndGet();
        return "r" + id;
      }

      @Override
      public List<String> names() {
        return List.of("n");
      }
    };
    Repository cached = new RepositoryCached(real);
    assertThat(cached.load(5)).isEqualTo("r5");
    assertThat(cached.load(5)).isEqualTo("r5");
    assertThat(loads).hasValue(1);
    assertThat(cached.names()).containsExactly("n");
    assertThat(cached.hello()).isEqualTo("hello");
  }

  @Test
  void nestedClassWrapper() {
    Outer_InnerCached inner = new Outer_InnerCached();
    assertThat(inner.value()).isEqualTo("inner1");
    assertThat(inner.value()).isEqualTo("inner1");
    assertThat(inner.calls).isEqualTo(1);
  }
}
