package io.cachegen.processor;

import static io.cachegen.processor.FlightProbe.awaitOneComputingOthersWaiting;
import static io.cachegen.processor.FlightProbe.start;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.processor.fixtures.CountingService;
import io.cachegen.processor.fixtures.CountingServiceCached;
import io.cachegen.processor.fixtures.Outer_InnerCached;
import io.cachegen.processor.fixtures.Repository;
import io.cachegen.processor.fixtures.RepositoryCached;
import io.cachegen.processor.fixtures.Status;
import io.cachegen.processor.fixtures.User;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the wrappers the processor generated for the fixtures (compiled with this module's own
 * processor) do, counting calls of the real methods: run by a subclass per backend, {@link
 * CachedBehaviourTest} (locmem with a manual ticker, plus the tests that move time) and {@link
 * RedisNearCachedBehaviourTest} (Redis with {@code near_cache=true}). These tests count method-body
 * calls and read values, so they hold on any backend whose entries live long enough (timeouts of 10
 * s and more): none of them moves time or depends on where a hit is served from.
 */
abstract class CachedBehaviourContract {
  CacheHandler handler;
  private CacheHandler previous;
  CountingService service;

  /**
   * A new handler with aliases {@code default} (timeout 300 s) and {@code other}, whose entries no
   * other handler sees.
   */
  abstract CacheHandler newHandler();

  @BeforeEach
  void install() {
    handler = newHandler();
    previous = Caches.install(handler);
    service = new CountingServiceCached();
  }

  @AfterEach
  void restore() {
    Caches.install(previous);
    handler.close();
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
    assertThatThrownBy(() -> service.fails("x"))
        .isInstanceOf(IOException.class)
        .hasMessage("boom x");
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
  void integralKeysAreRememberedPerArgumentNeverMixedUp() {
    // square(int) memoizes its made keys in 64 slots: 200 arguments fight over every slot (and
    // all fit in the alias's 300 entries).
    for (int round = 0; round < 2; round++) {
      for (int n = -100; n < 100; n++) {
        assertThat(service.square(n)).isEqualTo(n * n);
      }
    }
    assertThat(service.calls("square")).isEqualTo(200);
    CountingServiceCached.evictSquare(7);
    assertThat(service.square(7)).isEqualTo(49);
    assertThat(service.calls("square")).isEqualTo(201);
  }

  @Test
  void aMemoizedKeyFollowsANewHandler() {
    assertThat(service.square(3)).isEqualTo(9);
    CacheHandler other = newHandler();
    try {
      Caches.install(other); // another store: the key made for the old handler is not reused
      assertThat(service.square(3)).isEqualTo(9);
      assertThat(service.calls("square")).isEqualTo(2);
    } finally {
      Caches.install(handler);
      other.close();
    }
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
    List<FutureTask<String>> results = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      FutureTask<String> task = new FutureTask<>(service::slow);
      results.add(task);
      threads.add(start(task));
    }
    try {
      awaitOneComputingOthersWaiting(threads, "slow");
      assertThat(service.calls("slow")).isEqualTo(1);
      service.gate.countDown();
      for (FutureTask<String> f : results) {
        assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("slow-v");
      }
      assertThat(service.calls("slow")).isEqualTo(1);
    } finally {
      service.gate.countDown();
    }
  }

  @Test
  void concurrentWaitersGetTheComputationsOwnCheckedException() throws Exception {
    int callers = 16;
    service.gate = new CountDownLatch(1);
    List<FutureTask<Throwable>> results = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      FutureTask<Throwable> task =
          new FutureTask<>(
              () -> {
                try {
                  service.slowFail();
                  return null;
                } catch (Throwable t) {
                  return t;
                }
              });
      results.add(task);
      threads.add(start(task));
    }
    try {
      awaitOneComputingOthersWaiting(threads, "slowFail");
      service.gate.countDown();
      Set<Throwable> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
      for (FutureTask<Throwable> f : results) {
        Throwable t = f.get(30, TimeUnit.SECONDS);
        assertThat(t).isInstanceOf(IOException.class).hasMessage("failure 1");
        distinct.add(t);
      }
      // The body ran once, and its own exception reached every waiter as is.
      assertThat(service.calls("slowFail")).isEqualTo(1);
      assertThat(distinct).hasSize(1);
    } finally {
      service.gate.countDown();
    }
  }

  @Test
  void evictBeforeInvocationHappensEvenWhenTheMethodThrows() {
    User u = new User(1, "a");
    service.describe(u, Status.OPEN);
    assertThatThrownBy(() -> service.forgetThenFail(u, Status.OPEN))
        .isInstanceOf(IOException.class)
        .hasMessage("failed after the eviction");
    service.describe(u, Status.OPEN);
    assertThat(service.calls("forgetThenFail")).isEqualTo(1);
    assertThat(service.calls("describe")).isEqualTo(2);
  }

  @Test
  void evictAfterInvocationDoesNotHappenWhenTheMethodThrows() {
    User u = new User(1, "a");
    service.describe(u, Status.OPEN);
    assertThatThrownBy(() -> service.failBeforeForgetting(u, Status.OPEN))
        .isInstanceOf(IOException.class)
        .hasMessage("failed before the eviction");
    service.describe(u, Status.OPEN);
    assertThat(service.calls("failBeforeForgetting")).isEqualTo(1);
    assertThat(service.calls("describe")).isEqualTo(1);
  }

  @Test
  void cachePutStoresNothingWhenTheMethodThrows() {
    User u = new User(4, "kim");
    String cached = service.describe(u, Status.OPEN);
    assertThatThrownBy(() -> service.failToRename(u, Status.OPEN))
        .isInstanceOf(IOException.class)
        .hasMessage("rename failed");
    assertThat(service.describe(u, Status.OPEN)).isEqualTo(cached);
    assertThat(service.calls("failToRename")).isEqualTo(1);
    assertThat(service.calls("describe")).isEqualTo(1);
  }

  @Test
  void completionStageCachesSuccessOnly() throws Exception {
    assertThat(service.stage("1").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("st1");
    assertThat(service.stage("1").toCompletableFuture()).isCompletedWithValue("st1");
    assertThat(service.calls("stage")).isEqualTo(1);

    assertThatThrownBy(() -> service.stage("fail").toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> service.stage("fail").toCompletableFuture().get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class);
    assertThat(service.calls("stage")).isEqualTo(3);
  }

  @Test
  void genericValueRoundTripsByValue() {
    Map<String, List<User>> computed = service.groups();
    Map<String, List<User>> read = service.groups();
    assertThat(service.calls("groups")).isEqualTo(1);
    assertThat(read).isNotSameAs(computed).isEqualTo(computed);
    assertThat(read.get("team")).containsExactly(new User(1, "ann"), new User(2, "bob"));
    assertThat(read.get("none")).isEmpty();
  }

  @Test
  void aliasesKeepTheirOwnEntries() {
    assertThat(service.data()).containsExactly("v", "b");
    assertThat(service.otherData()).isEqualTo("other-v");
    assertThat(service.otherData()).isEqualTo("other-v");
    assertThat(service.calls("otherData")).isEqualTo(1);

    CountingServiceCached.evictData();
    service.nextValue = "w";
    assertThat(service.otherData()).isEqualTo("other-v");
    assertThat(service.data()).containsExactly("w", "b");
    CountingServiceCached.evictOtherData();
    assertThat(service.otherData()).isEqualTo("other-w");
    assertThat(service.calls("otherData")).isEqualTo(2);
    assertThat(service.calls("data")).isEqualTo(2);
  }

  @Test
  void newHandlerIsPickedUp() {
    service.data();
    CacheHandler other = newHandler();
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
    Repository real =
        new Repository() {
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
