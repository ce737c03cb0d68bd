package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.codec.JacksonCodec;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.test.ManualTicker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The circuit breaker per server ({@code options.retry_after}) against private servers paused with
 * SIGSTOP. The breaker's clock is a {@link ManualTicker} that only the test moves, and every socket
 * is counted ({@link CountingSockets}), so "no connection, no command" is counted, never timed.
 */
@Tag("redis")
class RedisCircuitBreakerTest {
  private static final String ALIAS = "breaker-test";
  private static final Duration RETRY_AFTER = Duration.ofSeconds(1);

  private final ManualTicker clock = new ManualTicker();
  private final CountingSockets sockets = new CountingSockets();
  private final List<RedisFixture.Server> servers = new ArrayList<>();
  private final List<RedisCache> caches = new ArrayList<>();
  private RedisFixture.Server server;

  @BeforeEach
  void start() {
    server = privateServer();
  }

  @AfterEach
  void stop() {
    caches.forEach(RedisCache::close);
    servers.forEach(RedisFixture.Server::close);
  }

  private RedisFixture.Server privateServer() {
    RedisFixture.Server s = RedisFixture.startPrivate();
    servers.add(s);
    return s;
  }

  /** A cache on {@code location} whose sockets are counted and whose breaker runs on the clock. */
  private RedisCache cache(String location, String... options) {
    CacheSettings settings =
        CacheSettings.defaults(ALIAS, "redis")
            .withLocation(location)
            .with(RedisFixture.uniquePrefix(), 1, Timeout.seconds(300))
            .withOption("socket_timeout", "0.3")
            .withOption("socket_connect_timeout", "0.2");
    for (int i = 0; i < options.length; i += 2) {
      settings = settings.withOption(options[i], options[i + 1]);
    }
    BackendContext context = new BackendContext(KeyFunction.DEFAULT, clock, JacksonCodec.json());
    RedisCache cache = new RedisCache(RedisSettings.parse(settings, context), context, sockets);
    caches.add(cache);
    return cache;
  }

  private static void assertOpenBreaker(Throwable e, RedisFixture.Server on) {
    assertThat(e)
        .isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining("cache '" + ALIAS + "'")
        .hasMessageContaining(on.hostAndPort())
        .hasMessageContaining("circuit breaker open, retrying after");
    assertThat(((RedisConnectionException) e).server()).isEqualTo(on.hostAndPort());
  }

  @Test
  void afterATimeoutCallsFailAtOnceWithoutConnectionOrCommandUntilOneProbePerBackOff() {
    RedisCache cache = cache(server.url());
    cache.set("k", "v");
    CountingSockets.Counts counts = sockets.server(0);
    server.pause();
    try {
      assertThat(catchThrowable(() -> cache.get("k", String.class)))
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageNotContaining("circuit breaker");
      assertThat(cache.client().serversBehindOpenBreaker()).containsExactly(server.hostAndPort());
      assertThat(cache.stats().events())
          .as("the alias's metrics count the opening")
          .containsEntry(CircuitBreaker.OPEN_EVENT, 1L);
      List<Long> afterTimeout = counts.snapshot();
      for (int i = 0; i < 100; i++) {
        assertOpenBreaker(catchThrowable(() -> cache.get("k", String.class)), server);
      }
      assertOpenBreaker(catchThrowable(() -> cache.set("k", "x")), server);
      assertOpenBreaker(catchThrowable(() -> cache.hasKey("k")), server);
      clock.advance(RETRY_AFTER.minusMillis(1));
      assertOpenBreaker(catchThrowable(() -> cache.get("k", String.class)), server);
      assertThat(counts.snapshot())
          .as("[connections, writes] within the back-off")
          .isEqualTo(afterTimeout);

      // one probe per back-off: it opens one connection, sends GET, times out, re-opens
      clock.advance(Duration.ofMillis(1));
      assertThat(catchThrowable(() -> cache.get("k", String.class)))
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageNotContaining("circuit breaker");
      assertThat(counts.connections()).isEqualTo(afterTimeout.get(0) + 1);
      assertThat(counts.writes()).isEqualTo(afterTimeout.get(1) + 1);
      List<Long> afterProbe = counts.snapshot();
      for (int i = 0; i < 100; i++) {
        assertOpenBreaker(catchThrowable(() -> cache.get("k", String.class)), server);
      }
      assertThat(counts.snapshot()).isEqualTo(afterProbe);
    } finally {
      server.resume();
    }
    // the server is back, but the breaker waits for its back-off: the next probe closes it
    assertOpenBreaker(catchThrowable(() -> cache.get("k", String.class)), server);
    clock.advance(RETRY_AFTER);
    assertThat(cache.get("k", String.class)).isEqualTo("v");
    assertThat(cache.client().serversBehindOpenBreaker()).isEmpty();
    assertThat(cache.set("k", "after")).isTrue();
    assertThat(cache.get("k", String.class)).isEqualTo("after");
  }

  @Test
  void withIgnoreExceptionsAnOpenBreakerIsAMissAndASkippedWrite() {
    RedisCache cache = cache(server.url(), "ignore_exceptions", "true");
    cache.set("k", "v");
    CountingSockets.Counts counts = sockets.server(0);
    server.pause();
    try {
      assertThat(cache.get("k", String.class, "dflt")).isEqualTo("dflt"); // times out
      List<Long> afterTimeout = counts.snapshot();
      long ignoredBefore = cache.ignoredFailures();
      for (int i = 0; i < 100; i++) {
        assertThat(cache.get("k", String.class, "dflt")).isEqualTo("dflt");
      }
      assertThat(cache.set("k", "x")).isFalse();
      assertThat(cache.getOrSet("k", String.class, () -> "computed")).isEqualTo("computed");
      assertThat(counts.snapshot()).isEqualTo(afterTimeout);
      assertThat(cache.ignoredFailures()).isGreaterThanOrEqualTo(ignoredBefore + 102);
      assertThat(cache.failureLog().warningCount()).isEqualTo(2); // one lookup line, one store line
    } finally {
      server.resume();
    }
  }

  @Test
  void exactlyOneOfManyConcurrentCallersProbes() throws Exception {
    RedisCache cache = cache(server.url(), "max_connections", "16");
    cache.set("k", "v");
    CountingSockets.Counts counts = sockets.server(0);
    server.pause();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      assertThat(catchThrowable(() -> cache.get("k", String.class)))
          .isInstanceOf(RedisConnectionException.class);
      List<Long> afterTimeout = counts.snapshot();
      clock.advance(RETRY_AFTER);
      CountDownLatch go = new CountDownLatch(1);
      List<Callable<Throwable>> calls = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        calls.add(
            () -> {
              go.await();
              return catchThrowable(() -> cache.get("k", String.class));
            });
      }
      List<Future<Throwable>> results = new ArrayList<>();
      calls.forEach(c -> results.add(pool.submit(c)));
      go.countDown();
      int rejected = 0;
      for (Future<Throwable> f : results) {
        Throwable e = f.get(30, TimeUnit.SECONDS);
        assertThat(e).isInstanceOf(RedisConnectionException.class);
        if (e.getMessage().contains("circuit breaker open")) {
          rejected++;
        }
      }
      assertThat(rejected).as("callers that did not probe").isEqualTo(7);
      assertThat(counts.connections()).isEqualTo(afterTimeout.get(0) + 1);
      assertThat(counts.writes()).isEqualTo(afterTimeout.get(1) + 1);
    } finally {
      pool.shutdownNow();
      server.resume();
    }
  }

  @Test
  void errorRepliesDoNotOpenTheBreakerAndAnsweredProbesCloseIt() {
    RedisCache cache = cache(server.url());
    try (UnifiedJedis direct = RedisFixture.directClient(server.url())) {
      direct.lpush(cache.makeKey("list"), "x"); // GET on a list: WRONGTYPE
      direct.set(cache.makeKey("text"), "\"text\""); // INCR on text: not an integer
    }
    assertThat(cache.get("list", String.class, "dflt")).isEqualTo("dflt");
    assertThatThrownBy(() -> cache.incr("text"))
        .isInstanceOf(io.cachegen.runtime.CacheValueException.class);
    assertThat(cache.client().serversBehindOpenBreaker()).isEmpty();
    assertThat(cache.set("k", "v")).isTrue();

    // a probe that gets an error reply proves the server answers: it closes the breaker
    server.pause();
    try {
      assertThat(catchThrowable(() -> cache.get("k", String.class)))
          .isInstanceOf(RedisConnectionException.class);
    } finally {
      server.resume();
    }
    clock.advance(RETRY_AFTER);
    assertThat(cache.get("list", String.class, "dflt")).isEqualTo("dflt");
    assertThat(cache.client().serversBehindOpenBreaker()).isEmpty();
    assertThat(cache.get("k", String.class)).isEqualTo("v");
  }

  @Test
  void retryAfterZeroTurnsTheBreakerOff() {
    RedisCache cache = cache(server.url(), "retry_after", "0");
    cache.set("k", "v");
    CountingSockets.Counts counts = sockets.server(0);
    server.pause();
    try {
      for (int i = 0; i < 2; i++) {
        long writes = counts.writes();
        assertThat(catchThrowable(() -> cache.get("k", String.class)))
            .isInstanceOf(RedisConnectionException.class)
            .hasMessageNotContaining("circuit breaker");
        assertThat(counts.writes()).as("call %d went to the server", i).isEqualTo(writes + 1);
      }
      assertThat(cache.client().serversBehindOpenBreaker()).isEmpty();
    } finally {
      server.resume();
    }
    assertThat(cache.get("k", String.class)).isEqualTo("v");
  }

  @Test
  void aHungReplicaOpensOnlyItsOwnBreakerAndReadsGoToThePrimaryAtOnce() {
    RedisFixture.Server replica = privateServer();
    RedisCache cache = cache(server.url() + "," + replica.url());
    cache.set("k", "from the primary");
    CountingSockets.Counts onPrimary = sockets.server(0);
    CountingSockets.Counts onReplica = sockets.server(1);
    replica.pause();
    try {
      // the first read times out on the replica, then the primary answers
      assertThat(cache.get("k", String.class)).isEqualTo("from the primary");
      assertThat(cache.client().serversBehindOpenBreaker()).containsExactly(replica.hostAndPort());
      List<Long> replicaAfterTimeout = onReplica.snapshot();
      long primaryWrites = onPrimary.writes();
      for (int i = 0; i < 100; i++) {
        assertThat(cache.get("k", String.class)).isEqualTo("from the primary");
      }
      assertThat(cache.hasKey("k")).isTrue();
      assertThat(cache.getMany(List.of("k"), String.class)).containsEntry("k", "from the primary");
      assertThat(cache.set("k2", "written")).as("writes to the primary go on").isTrue();
      assertThat(onReplica.snapshot()).isEqualTo(replicaAfterTimeout);
      assertThat(onPrimary.writes()).isEqualTo(primaryWrites + 103);

      clock.advance(RETRY_AFTER); // one probe to the replica, then the primary answers
      assertThat(cache.get("k", String.class)).isEqualTo("from the primary");
      assertThat(onReplica.writes()).isEqualTo(replicaAfterTimeout.get(1) + 1);
    } finally {
      replica.resume();
    }
  }

  @Test
  void whenEveryServerIsBehindAnOpenBreakerAReadFailsAtOnceNamingThePrimary() {
    RedisFixture.Server replica = privateServer();
    RedisCache cache = cache(server.url() + "," + replica.url());
    server.pause();
    replica.pause();
    try {
      assertThat(catchThrowable(() -> cache.get("k", String.class)))
          .isInstanceOf(RedisConnectionException.class);
      assertThat(cache.client().serversBehindOpenBreaker())
          .containsExactly(server.hostAndPort(), replica.hostAndPort());
      Throwable e = catchThrowable(() -> cache.get("k", String.class));
      assertOpenBreaker(e, server);
      assertThat(e.getSuppressed()).hasSize(1);
      assertOpenBreaker(e.getSuppressed()[0], replica);
    } finally {
      server.resume();
      replica.resume();
    }
  }

  @Test
  void theBreakerLogsOncePerStateChangeAndNeverShowsThePassword() {
    String password = "Br3aker-s3cret";
    RedisFixture.Server guarded = RedisFixture.startPrivate("--requirepass", password);
    servers.add(guarded);
    try (io.cachegen.runtime.LogCapture log = io.cachegen.runtime.LogCapture.start()) {
      RedisCache cache = cache("redis://:" + password + "@" + guarded.hostAndPort() + "/0");
      cache.set("k", "v");
      guarded.pause();
      try {
        assertThat(catchThrowable(() -> cache.get("k", String.class)))
            .isInstanceOf(RedisConnectionException.class);
        for (int i = 0; i < 10; i++) {
          Throwable e = catchThrowable(() -> cache.get("k", String.class));
          assertOpenBreaker(e, guarded);
          assertThat(e).hasMessageNotContaining(password);
        }
      } finally {
        guarded.resume();
      }
      clock.advance(RETRY_AFTER);
      assertThat(cache.get("k", String.class)).isEqualTo("v");
      assertThat(log.count("circuit breaker open")).isEqualTo(1);
      assertThat(log.count("circuit breaker closed")).isEqualTo(1);
      assertThat(log.text()).contains(guarded.hostAndPort()).doesNotContain(password);
    }
  }
}
