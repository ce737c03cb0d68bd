package io.cachegen.runtime.internal;

import static io.cachegen.runtime.internal.SiteHandler.STRING;
import static io.cachegen.runtime.internal.SiteHandler.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConnectionException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.spi.MapCache;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The miss path generated code relies on ({@link MissPath}, through {@link CacheSite.Bound#load}
 * and {@link CacheSite.Bound#loadAsync}), on real caches: one computation per key, what waiting
 * callers get, when the key is looked up again, asynchronous values, and the stampede guard.
 */
class MissPathTest {
  @RegisterExtension final SiteHandler sites = new SiteHandler();

  @Test
  void aMissComputesStoresAndCountsOnce() {
    CacheSite.Bound bound = site("default", false, "k").bind();
    BaseCache cache = bound.cache();
    String key = bound.constantKey();
    AtomicInteger calls = new AtomicInteger();
    assertThat(bound.lookup(key)).isSameAs(CacheSite.MISS);
    assertThat(bound.load(key, () -> "v" + calls.incrementAndGet())).isEqualTo("v1");
    assertThat(bound.lookup(key)).isEqualTo("v1");
    assertThat(calls).hasValue(1);
    assertThat(cache.stats().hits()).isEqualTo(1);
    assertThat(cache.stats().misses()).as("the recheck is not counted").isEqualTo(1);
  }

  @Test
  void eachHandlerHasItsOwnFlights() {
    CacheSite site = site("default", false, "k");
    CacheSite.Bound installed = site.bind();
    CacheHandler other =
        SiteHandler.handler(Map.of("caches.default.location", "another process's memory"));
    try {
      CacheSite.Bound onOther = site.bind(other);
      String key = installed.constantKey();
      long before = onOther.completions(key);
      installed.load(key, () -> "v");
      assertThat(installed.completions(key)).isNotEqualTo(before);
      assertThat(onOther.completions(key))
          .as("a computation on one handler is not another handler's")
          .isEqualTo(before);
      assertThat(onOther.lookup(key)).isSameAs(CacheSite.MISS);
    } finally {
      other.close();
    }
  }

  @Test
  void aValueStoredMeanwhileIsReturnedWithoutComputing() {
    CacheSite.Bound bound = site("default", false, "k").bind();
    bound.cache().set("k", "theirs");
    assertThat(bound.load(bound.constantKey(), () -> "mine")).isEqualTo("theirs");
  }

  @Test
  void concurrentMissesOfOneKeyComputeOnceAndShareTheResult() throws Exception {
    CacheSite.Bound bound = site("default", false, "k").bind();
    String key = bound.constantKey();
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    CompletableFuture<Object> first = new CompletableFuture<>();
    CompletableFuture<Object> second = new CompletableFuture<>();
    Thread computer =
        new Thread(
            () ->
                first.complete(
                    bound.load(
                        key,
                        () -> {
                          calls.incrementAndGet();
                          computing.countDown();
                          release.await();
                          return "once";
                        })));
    Thread waiter = new Thread(() -> second.complete(bound.load(key, () -> "twice")));
    computer.start();
    assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
    waiter.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (waiter.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait(); // until the second caller waits for the first one's computation
    }
    assertThat(waiter.getState()).isEqualTo(Thread.State.WAITING);
    release.countDown();
    assertThat(first.get(10, TimeUnit.SECONDS)).isEqualTo("once");
    assertThat(second.get(10, TimeUnit.SECONDS)).isEqualTo("once");
    assertThat(calls).hasValue(1);
  }

  @Test
  void aWaitingCallerGetsTheComputationsExceptionAsIs() throws Exception {
    CacheSite.Bound bound = site("default", false, "k").bind();
    String key = bound.constantKey();
    CountDownLatch computing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    CompletableFuture<Throwable> second = new CompletableFuture<>();
    Thread computer =
        new Thread(
            () -> {
              try {
                bound.load(
                    key,
                    () -> {
                      computing.countDown();
                      release.await();
                      throw new IOException("disk");
                    });
              } catch (Throwable expected) {
                // the computing caller's own failure
              }
            });
    Thread waiter =
        new Thread(
            () -> {
              try {
                bound.load(key, () -> "twice");
                second.complete(null);
              } catch (Throwable t) {
                second.complete(t);
              }
            });
    computer.start();
    assertThat(computing.await(10, TimeUnit.SECONDS)).isTrue();
    waiter.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (waiter.getState() != Thread.State.WAITING && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    release.countDown();
    assertThat(second.get(10, TimeUnit.SECONDS)).isInstanceOf(IOException.class).hasMessage("disk");
  }

  @Test
  void whatTheLoaderThrowsReachesTheCallerAsIsAndNothingIsStored() {
    CacheSite.Bound bound = site("default", false, "k").bind();
    String key = bound.constantKey();
    assertThatThrownBy(
            () ->
                bound.load(
                    key,
                    () -> {
                      throw new IOException("disk");
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("disk");
    assertThat(bound.lookup(key)).isSameAs(CacheSite.MISS);
    assertThat(bound.load(key, () -> "later")).as("the failed flight is gone").isEqualTo("later");
  }

  @Test
  void aReentrantLoadOfTheSameKeyComputesInline() {
    CacheSite.Bound bound = site("default", false, "k").bind();
    String key = bound.constantKey();
    assertThat(bound.load(key, () -> "outer-" + bound.load(key, () -> "inner")))
        .isEqualTo("outer-inner");
  }

  @Test
  void anAsyncValueIsStoredOnceItSucceedsAndAFailureIsNot() throws Exception {
    CacheSite.Bound bound = site("default", false, null).bind();
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<String> mine = bound.loadAsync("p:1:a", () -> source);
    CompletableFuture<String> joined =
        bound.loadAsync(
            "p:1:a",
            () -> {
              throw new AssertionError("a second computation");
            });
    assertThat(mine).isNotSameAs(source).isNotDone();
    source.complete("async");
    assertThat(mine.get(10, TimeUnit.SECONDS)).isEqualTo("async");
    assertThat(joined.get(10, TimeUnit.SECONDS)).isEqualTo("async");
    assertThat(bound.lookup("p:1:a")).isEqualTo("async");

    CompletableFuture<String> failing =
        bound.loadAsync("p:1:b", () -> CompletableFuture.failedFuture(new IOException("down")));
    assertThat(failing).isCompletedExceptionally();
    assertThatThrownBy(failing::join).hasCauseInstanceOf(IOException.class);
    assertThat(bound.lookup("p:1:b")).isSameAs(CacheSite.MISS);
    assertThat(bound.loadAsync("p:1:c", () -> null)).isNull();
    assertThatThrownBy(
            () ->
                bound.loadAsync(
                    "p:1:d",
                    () -> {
                      throw new IOException("sync");
                    }))
        .isInstanceOf(IOException.class);
    assertThat(
            bound
                .<String>loadAsync("p:1:d", () -> CompletableFuture.completedFuture("ok"))
                .get(10, TimeUnit.SECONDS))
        .as("the failed flight is gone")
        .isEqualTo("ok");
  }

  @Test
  void anAsyncValueThatCannotBeStoredFailsTheFutureWithTheStoresException() {
    CacheSite.Bound bound = site("down", false, "k").bind();
    CompletableFuture<String> result =
        bound.loadAsync(bound.constantKey(), () -> CompletableFuture.completedFuture("computed"));
    assertThat(result.handle((value, failure) -> failure).join())
        .isInstanceOf(CacheConnectionException.class);
  }

  @Test
  void anAsyncFailureReachesEveryCallerAsTheMethodsOwnExceptionUnwrapped() {
    CacheSite.Bound bound = site("default", false, null).bind();
    CompletableFuture<String> source = new CompletableFuture<>();
    CompletableFuture<String> mine =
        bound.loadAsync(
            "p:1:e",
            () ->
                source.thenApply(
                    v -> {
                      throw new IllegalArgumentException("bad " + v);
                    }));
    CompletableFuture<String> joined =
        bound.loadAsync(
            "p:1:e",
            () -> {
              throw new AssertionError("a second computation");
            });
    source.complete("x");
    for (CompletableFuture<String> f : List.of(mine, joined)) {
      assertThat(f.handle((value, failure) -> failure).join())
          .isNotInstanceOf(CompletionException.class)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessage("bad x");
    }
  }

  @Test
  void aFinishedAsyncFlightIsGoneSoTheNextMissComputesAgain() throws Exception {
    CacheSite.Bound bound = site("default", false, null).bind();
    CompletableFuture<String> failing =
        bound.loadAsync("p:1:f", () -> CompletableFuture.failedFuture(new IOException("down")));
    assertThat(failing).isCompletedExceptionally();
    assertThat(
            bound
                .<String>loadAsync("p:1:f", () -> CompletableFuture.completedFuture("again"))
                .get(10, TimeUnit.SECONDS))
        .isEqualTo("again");
    assertThat(bound.loadAsync("p:1:n", () -> null)).isNull();
    assertThat(
            bound
                .<String>loadAsync("p:1:n", () -> CompletableFuture.completedFuture("now"))
                .get(10, TimeUnit.SECONDS))
        .isEqualTo("now");
  }

  @Test
  void aMissLooksAgainWhenAnAsyncComputationStoredTheKeySinceItsLookup() throws Exception {
    CacheSite.Bound bound = site("default", false, "k").bind();
    String key = bound.constantKey();
    long seen = bound.completions(key);
    assertThat(bound.lookup(key)).isSameAs(CacheSite.MISS);
    // another caller's asynchronous computation of the key completes and stores meanwhile
    assertThat(
            bound
                .<String>loadAsync(key, () -> CompletableFuture.completedFuture("async"))
                .get(10, TimeUnit.SECONDS))
        .isEqualTo("async");
    assertThat(bound.load(key, seen, () -> "mine")).isEqualTo("async");
  }

  @Test
  void aMissWithNoComputationCompletedSinceItsLookupIsOneLookupAndOneStore() {
    // the class doc's promise: no second look (a second round trip on Redis) on an uncontended
    // miss. A plain set() by another writer is no computation, so it is not looked for.
    CacheSite.Bound bound = site("default", false, "k").bind();
    String key = bound.constantKey();
    bound.load(key, bound.completions(key), () -> "first"); // the key's stripe has completions
    bound.remove(key);
    long seen = bound.completions(key);
    assertThat(bound.lookup(key)).isSameAs(CacheSite.MISS);
    bound.cache().set("k", "plain set");
    assertThat(bound.load(key, seen, () -> "computed")).isEqualTo("computed");
    assertThat(bound.lookup(key)).isEqualTo("computed");
  }

  @Test
  void underTheStampedeGuardTheComputingCallerLocksLooksAgainAndReleases() {
    CacheSite.Bound bound =
        CacheSite.cached("locked", STRING).cacheNull(false).stampedeGuard(true).build().bind();
    MapCache cache = (MapCache) bound.cache();
    AtomicInteger calls = new AtomicInteger();
    String a = bound.makeKey("a");
    // another process stored the value while this one waited for the lock
    cache.whileWaitingForLock = () -> cache.values.put(a, "theirs");
    assertThat(bound.load(a, bound.completions(a), () -> "mine-" + calls.incrementAndGet()))
        .isEqualTo("theirs");
    assertThat(calls).hasValue(0);
    // the lock lives in the made key's Redis Cluster slot: a hash tag of exactly the made key
    assertThat(cache.locksTaken).containsExactly("{" + a + "}:lock");
    assertThat(cache.leasesReleased).hasValue(1);

    String b = bound.makeKey("b");
    assertThat(bound.load(b, bound.completions(b), () -> "mine-" + calls.incrementAndGet()))
        .isEqualTo("mine-1");
    assertThat(cache.values).containsEntry(b, "mine-1");
    assertThat(cache.leasesReleased).hasValue(2);

    cache.grantLocks = false; // waiting for the lock timed out: compute anyway
    String c = bound.makeKey("c");
    assertThat(bound.load(c, bound.completions(c), () -> "mine-" + calls.incrementAndGet()))
        .isEqualTo("mine-2");
    assertThat(cache.values).containsEntry(c, "mine-2");
    assertThat(cache.leasesReleased).hasValue(2);
    assertThat(cache.locksTaken).hasSize(3);
  }

  @Test
  void withoutTheStampedeGuardNoLockIsTaken() {
    CacheSite.Bound bound = CacheSite.cached("locked", STRING).cacheNull(false).build().bind();
    MapCache cache = (MapCache) bound.cache();
    String a = bound.makeKey("a");
    assertThat(bound.load(a, bound.completions(a), () -> "mine")).isEqualTo("mine");
    assertThat(cache.locksTaken).isEmpty();
  }
}
