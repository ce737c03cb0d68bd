package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.annotations.CacheEvict;
import io.cachegen.annotations.CachePut;
import io.cachegen.annotations.Cached;
import io.cachegen.redis.RedisConnectionException;
import io.cachegen.redis.RedisFixture;
import io.cachegen.redis.RedisUnavailableException;
import io.cachegen.redis.RefusingServers;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.LogCapture;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The failure policy through generated code, against private servers that are dead (killed), full
 * (OOM under {@code maxmemory}) or read-only (a replica used as the primary): without {@code
 * ignore_exceptions} the cache's error reaches the caller; with it, the method computes and
 * returns. An unreadable value is a miss under either setting.
 */
@Tag("redis")
class FailurePolicyRedisTest {
  static final AtomicInteger RUNS = new AtomicInteger();

  /** A value the codec cannot encode: a property that throws. */
  public static final class Unencodable {
    public String getBroken() {
      throw new IllegalStateException("broken getter");
    }
  }

  /** One method per annotation, plus the stampede guard and an asynchronous method. */
  public static class Prices {
    @Cached(key = "price:{id}", timeout = 60)
    public String price(int id) {
      RUNS.incrementAndGet();
      return "p" + id;
    }

    @Cached(key = "guarded:{id}", timeout = 60, stampedeGuard = true)
    public String guarded(int id) {
      RUNS.incrementAndGet();
      return "g" + id;
    }

    @Cached(key = "async:{id}", timeout = 60)
    public CompletableFuture<String> async(int id) {
      RUNS.incrementAndGet();
      return CompletableFuture.completedFuture("a" + id);
    }

    @CachePut(key = "price:{id}", timeout = 60)
    public String update(int id) {
      RUNS.incrementAndGet();
      return "u" + id;
    }

    @CachePut(key = "async:{id}", timeout = 60)
    public CompletableFuture<String> asyncUpdate(int id) {
      RUNS.incrementAndGet();
      return CompletableFuture.completedFuture("au" + id);
    }

    @Cached(key = "unencodable:{id}", timeout = 60)
    public Unencodable unencodable(int id) {
      RUNS.incrementAndGet();
      return new Unencodable();
    }

    @CacheEvict(key = "price:{id}")
    public void remove(int id) {
      RUNS.incrementAndGet();
    }
  }

  private final List<AutoCloseable> opened = new ArrayList<>();
  private final Prices prices = new FailurePolicyRedisTest_PricesCached();

  @AfterEach
  void stop() throws Exception {
    Caches.reset();
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.add(resource);
    return resource;
  }

  private void install(RedisFixture.Server server, boolean ignoreExceptions) {
    CacheHandler handler =
        open(
            CacheHandler.create(
                CacheConfig.fromMap(
                    Map.of(
                        "caches.default.backend",
                        "redis",
                        "caches.default.location",
                        server.url(),
                        "caches.default.key_prefix",
                        RedisFixture.uniquePrefix(),
                        "caches.default.options.socket_timeout",
                        "0.3",
                        // one interval for the whole test, so line counts do not depend on the
                        // machine's speed
                        "caches.default.options.ignored_exceptions_log_interval",
                        "3600",
                        "caches.default.options.ignore_exceptions",
                        Boolean.toString(ignoreExceptions)))));
    Caches.install(handler);
    RUNS.set(0);
  }

  private RedisFixture.Server deadServer() {
    RedisFixture.Server server = open(RedisFixture.startPrivate());
    server.kill();
    return server;
  }

  @Test
  void withoutIgnoreExceptionsADeadServerReachesTheCaller() {
    install(deadServer(), false);
    assertThatThrownBy(() -> prices.price(1)).isInstanceOf(RedisConnectionException.class);
    assertThat(RUNS).as("the lookup failed before the method ran").hasValue(0);
    assertThatThrownBy(() -> prices.guarded(1)).isInstanceOf(RedisConnectionException.class);
    assertThatThrownBy(() -> prices.update(1)).isInstanceOf(RedisConnectionException.class);
    assertThatThrownBy(() -> prices.remove(1)).isInstanceOf(RedisConnectionException.class);
    assertThat(RUNS).as("update and remove ran, then the cache failed").hasValue(2);
  }

  @Test
  void withoutIgnoreExceptionsAFailedLookupOfAnAsynchronousMethodIsAFailedFuture() {
    install(deadServer(), false);
    CompletableFuture<String> result = prices.async(1); // does not throw: the future carries it
    assertThat(result).isCompletedExceptionally();
    assertThatThrownBy(result::join).hasCauseInstanceOf(RedisConnectionException.class);
    assertThat(RUNS).as("the lookup failed before the method ran").hasValue(0);
  }

  @Test
  void withIgnoreExceptionsADeadServerMakesMethodsComputeAndReturn() throws Exception {
    install(deadServer(), true);
    assertThat(prices.price(1)).isEqualTo("p1");
    assertThat(prices.price(1)).isEqualTo("p1");
    assertThat(prices.guarded(1)).isEqualTo("g1");
    assertThat(prices.async(1).get(10, TimeUnit.SECONDS)).isEqualTo("a1");
    assertThat(prices.update(1)).isEqualTo("u1");
    prices.remove(1);
    assertThat(RUNS).hasValue(6);
  }

  @Test
  void thousandsOfFailingCallsLogOneLinePerKindOrNoneWhenTheCallerGetsTheError() {
    RedisFixture.Server server = deadServer();
    install(server, true);
    try (LogCapture log = LogCapture.start()) {
      for (int i = 0; i < 3_000; i++) {
        assertThat(prices.price(i)).isEqualTo("p" + i);
      }
      assertThat(log.count("ignored a Redis failure in get ")).isEqualTo(1);
      assertThat(log.count("ignored a Redis failure in set ")).isEqualTo(1);
      assertThat(log.count("circuit breaker open: calls to it fail at once")).isEqualTo(1);
      assertThat(log.count(" WARN ")).as("lookup, store, and the breaker opening").isEqualTo(3);
    }
    install(server, false);
    try (LogCapture log = LogCapture.start()) {
      for (int i = 0; i < 3_000; i++) {
        int id = i;
        assertThatThrownBy(() -> prices.price(id)).isInstanceOf(RedisConnectionException.class);
      }
      assertThat(log.count(" WARN "))
          .as("the caller has each error; only the breaker opening is logged")
          .isEqualTo(log.count("circuit breaker open: calls to it fail at once"))
          .isEqualTo(1);
    }
  }

  @Test
  void withoutIgnoreExceptionsAFullServerRefusingStoresAndLocksReachesTheCaller() {
    install(open(RefusingServers.full()), false);
    assertThatThrownBy(() -> prices.price(1))
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining("OOM");
    assertThat(RUNS).as("the method ran, then its store was refused").hasValue(1);
    assertThatThrownBy(() -> prices.guarded(1))
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining("OOM");
    assertThat(RUNS).as("the guard's lock was refused before the method ran").hasValue(1);
    assertThatThrownBy(() -> prices.async(1).get(10, TimeUnit.SECONDS))
        .isInstanceOf(ExecutionException.class)
        .hasCauseInstanceOf(RedisUnavailableException.class);
    assertThatThrownBy(() -> prices.update(1)).isInstanceOf(RedisUnavailableException.class);
    try (LogCapture log = LogCapture.start()) {
      for (int i = 0; i < 50; i++) {
        assertThat(prices.asyncUpdate(i)).isCompletedWithValue("au" + i);
      }
      assertThat(log.count("after an asynchronous @CachePut completed failed"))
          .as("the caller holds the future already: logged, at a bounded rate")
          .isEqualTo(1);
    }
  }

  @Test
  void withIgnoreExceptionsAFullServerMakesMethodsComputeAndReturn() throws Exception {
    install(open(RefusingServers.full()), true);
    assertThat(prices.price(1)).isEqualTo("p1");
    assertThat(prices.guarded(1)).isEqualTo("g1");
    assertThat(prices.async(1).get(10, TimeUnit.SECONDS)).isEqualTo("a1");
    assertThat(prices.update(1)).isEqualTo("u1");
    assertThat(RUNS).hasValue(4);
  }

  @Test
  void aReadOnlyReplicaRefusingWritesFollowsTheSetting() {
    RedisFixture.Server replica = open(RefusingServers.readOnlyReplica());
    install(replica, false);
    assertThatThrownBy(() -> prices.update(1))
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining("READONLY");
    assertThatThrownBy(() -> prices.remove(1))
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining("READONLY");
    install(replica, true);
    assertThat(prices.update(1)).isEqualTo("u1");
    prices.remove(1);
    assertThat(prices.price(2)).isEqualTo("p2");
    assertThat(RUNS).hasValue(3);
  }

  @Test
  void aValueThatCannotBeEncodedIsAProgrammingErrorThatReachesTheCallerOnEveryBackend() {
    for (String backend : List.of("locmem", "redis")) {
      Map<String, String> config =
          new HashMap<>(
              Map.of(
                  "caches.default.backend",
                  backend,
                  "caches.default.location",
                  backend.equals("redis") ? RedisFixture.shared() : "policy",
                  "caches.default.key_prefix",
                  RedisFixture.uniquePrefix()));
      if (backend.equals("redis")) {
        config.put("caches.default.options.ignore_exceptions", "true");
      }
      CacheHandler handler = open(CacheHandler.create(CacheConfig.fromMap(config)));
      Caches.install(handler);
      assertThatThrownBy(() -> prices.unencodable(1))
          .as(backend)
          .isInstanceOf(CacheValueException.class)
          .hasMessageContaining(Unencodable.class.getName());
    }
  }

  @Test
  void anUnreadableValueIsAMissEvenWithoutIgnoreExceptions() {
    RedisFixture.Server server = open(RedisFixture.startPrivate());
    install(server, false);
    UnifiedJedis direct = open(RedisFixture.directClient(server.url()));
    String made =
        Caches.handler().cache().makeKey(FailurePolicyRedisTest_PricesCached.keyForPrice(7));
    direct.set(made.getBytes(StandardCharsets.UTF_8), new byte[] {(byte) 0xff, 0x00});
    assertThat(prices.price(7)).isEqualTo("p7");
    assertThat(prices.price(7)).isEqualTo("p7");
    assertThat(RUNS).as("computed once, then the rewritten value is a hit").hasValue(1);
  }
}
