package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConnectionException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Servers that die, come back, hang (SIGSTOP) or refuse the password; each test has its own. */
@Tag("redis")
class RedisFaultTest {
  private static final String PASSWORD = "s3cret-Pa55word";
  private static final long SOCKET_TIMEOUT_MS = 400;
  private static final long CONNECT_TIMEOUT_MS = 200;

  /** The documented bound on a call to a hung server: socket_connect_timeout + socket_timeout. */
  private static final long BOUND_MS = CONNECT_TIMEOUT_MS + SOCKET_TIMEOUT_MS;

  /** Slack for a loaded 2-core CI machine (GC, scheduling) on top of the documented bound. */
  private static final long MARGIN_MS = 300;

  private RedisFixture.Server server;
  private final List<RedisCache> caches = new ArrayList<>();

  @BeforeEach
  void start() {
    server = RedisFixture.startPrivate("--requirepass", PASSWORD);
  }

  @AfterEach
  void stop() {
    caches.forEach(RedisCache::close);
    server.close();
  }

  private String url() {
    return "redis://:" + PASSWORD + "@" + server.hostAndPort() + "/0";
  }

  /**
   * A cache on the private server, with the circuit breaker off ({@code retry_after=0}): these
   * tests check the pool's own recovery and time bounds, so the first call after a restart must
   * reach the server. RedisCircuitBreakerTest covers the breaker.
   */
  private RedisCache cache(String... options) {
    Map<String, String> settings = new java.util.HashMap<>();
    settings.put("options.retry_after", "0");
    settings.put("options.socket_timeout", Double.toString(SOCKET_TIMEOUT_MS / 1000.0));
    settings.put("options.socket_connect_timeout", Double.toString(CONNECT_TIMEOUT_MS / 1000.0));
    for (int i = 0; i < options.length; i += 2) {
      settings.put("options." + options[i], options[i + 1]);
    }
    RedisCache c = RedisFixture.cache(url(), settings);
    caches.add(c);
    return c;
  }

  private static <T> T within(long maxMillis, Supplier<T> call) {
    return within(0, maxMillis, call);
  }

  /** Runs {@code call} and asserts it took from {@code minMillis} to {@code maxMillis}. */
  private static <T> T within(long minMillis, long maxMillis, Supplier<T> call) {
    long start = System.nanoTime();
    try {
      return call.get();
    } finally {
      long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
      assertThat(took).as("call took %d ms", took).isBetween(minMillis, maxMillis);
    }
  }

  @Test
  void aKilledServerIsAConnectionErrorNamingItAndThePoolRecoversAfterRestart() {
    RedisCache cache = cache("min_idle", "2");
    cache.set("k", "v");
    server.kill();
    assertThatThrownBy(() -> cache.get("k", String.class))
        .isInstanceOf(RedisConnectionException.class)
        .isInstanceOf(CacheConnectionException.class)
        .hasMessageContaining(server.hostAndPort())
        .hasMessageNotContaining(PASSWORD)
        .satisfies(
            e ->
                assertThat(((RedisConnectionException) e).server())
                    .isEqualTo(server.hostAndPort()));
    assertThatThrownBy(() -> cache.set("k", "v2")).isInstanceOf(RedisConnectionException.class);
    server.restart();
    // the first call after the restart already works: the dead idle connections were dropped
    assertThat(cache.set("k", "v3")).isTrue();
    assertThat(cache.get("k", String.class)).isEqualTo("v3");
  }

  @Test
  void withIgnoreExceptionsADeadServerGivesMissesAndSkippedWritesAndLogsBoundedly() {
    RedisCache cache = cache("ignore_exceptions", "true");
    cache.set("k", "v");
    server.kill();
    for (int i = 0; i < 50; i++) {
      assertThat(cache.get("k", String.class, "dflt")).isEqualTo("dflt");
    }
    assertThat(cache.set("k", "v")).isFalse();
    assertThat(cache.add("k", "v")).isFalse();
    assertThat(cache.delete("k")).isFalse();
    assertThat(cache.hasKey("k")).isFalse();
    assertThat(cache.touch("k")).isFalse();
    assertThat(cache.getMany(List.of("a", "b"), String.class)).isEmpty();
    assertThat(cache.setMany(Map.of("a", 1, "b", 2))).containsExactlyInAnyOrder("a", "b");
    cache.deleteMany(List.of("a"));
    cache.clear();
    assertThat(cache.getOrSet("k", String.class, () -> "computed")).isEqualTo("computed");
    assertThatThrownBy(() -> cache.incr("k")).isInstanceOf(RedisConnectionException.class);
    try (var lease = cache.tryLock(cache.makeKey("l"), Duration.ofSeconds(1), Duration.ZERO)) {
      assertThat(lease).as("a lease that holds nothing, so the caller computes").isNotNull();
    }
    assertThat(cache.ignoredFailures()).isGreaterThanOrEqualTo(60);
    assertThat(cache.failureWarnings())
        .as("one per category: lookup, store, evict, lock")
        .isEqualTo(4);
    server.restart();
    assertThat(cache.set("k", "back")).isTrue();
    assertThat(cache.get("k", String.class)).isEqualTo("back");
  }

  @Test
  void aHungServerNeverBlocksACallPastTheSocketTimeout() throws Exception {
    RedisCache strict = cache("max_connections", "2");
    RedisCache lenient = cache("max_connections", "2", "ignore_exceptions", "true");
    strict.set("k", "v");
    lenient.set("k", "v");
    server.pause();
    try {
      long bound = BOUND_MS + MARGIN_MS;
      // it did wait for the reply (socket_timeout), and no longer than the documented bound
      long waited = SOCKET_TIMEOUT_MS - 50;
      assertThatThrownBy(() -> within(waited, bound, () -> strict.get("k", String.class)))
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining(server.hostAndPort());
      assertThatThrownBy(() -> within(bound, () -> strict.set("k", "x")))
          .isInstanceOf(RedisConnectionException.class);
      assertThat(within(waited, bound, () -> lenient.get("k", String.class, "dflt")))
          .isEqualTo("dflt");
      assertThat(within(bound, () -> lenient.set("k", "x"))).isFalse();

      // more callers than connections: those waiting for the pool give up within the timeout too
      ExecutorService pool = Executors.newFixedThreadPool(6);
      try {
        List<Callable<Long>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
          calls.add(
              () -> {
                long start = System.nanoTime();
                assertThat(lenient.get("k", String.class, "dflt")).isEqualTo("dflt");
                return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
              });
        }
        for (Future<Long> f : pool.invokeAll(calls, 30, TimeUnit.SECONDS)) {
          assertThat(f.get()).isLessThanOrEqualTo(bound);
        }
      } finally {
        pool.shutdownNow();
      }
    } finally {
      server.resume();
    }
    assertThat(strict.set("k", "after")).isTrue();
    assertThat(strict.get("k", String.class)).isEqualTo("after");
    assertThat(lenient.set("k", "after")).isTrue();
    assertThat(lenient.get("k", String.class)).isEqualTo("after");
  }

  @Test
  void aWrongPasswordIsAClearErrorWithoutThePassword() {
    String wrong = "Wr0ng-Secret-xyz";
    RedisCache cache =
        RedisFixture.cache(
            "redis://:" + wrong + "@" + server.hostAndPort() + "/0",
            Map.of("options.socket_timeout", "1"));
    caches.add(cache);
    assertThatThrownBy(() -> cache.get("k", String.class))
        .isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining(server.hostAndPort())
        .hasMessageContaining("credentials")
        .hasMessageNotContaining(wrong)
        .hasMessageNotContaining(PASSWORD);
    RedisCache none =
        RedisFixture.cache(
            "redis://" + server.hostAndPort() + "/0", Map.of("options.socket_timeout", "1"));
    caches.add(none);
    assertThatThrownBy(() -> none.set("k", "v"))
        .isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining("credentials");
    assertThat(cache.toString()).doesNotContain(wrong);
    assertThat(cache.settings().toString()).doesNotContain(wrong);
    assertThat(cache.options().toString()).doesNotContain(wrong);
  }

  @Test
  void thePasswordOptionIsUsedAndNeverShown() {
    RedisCache cache =
        RedisFixture.cache(
            "redis://" + server.hostAndPort() + "/3", Map.of("options.password", PASSWORD));
    caches.add(cache);
    cache.set("k", "v");
    assertThat(cache.get("k", String.class)).isEqualTo("v");
    assertThat(cache.toString()).doesNotContain(PASSWORD).contains(server.hostAndPort());
    assertThat(cache.settings().toString()).doesNotContain(PASSWORD);
    assertThat(cache.options().toString()).doesNotContain(PASSWORD);
    assertThat(cache.client().toString()).doesNotContain(PASSWORD);
  }

  @Test
  void passwordsWithUrlCharactersNeverShowInLogsMessagesOrToString() {
    String raw = "p/a@s:s%w,d-QQ";
    String encoded = java.net.URLEncoder.encode(raw, java.nio.charset.StandardCharsets.UTF_8);
    int deadPort = RedisFixture.freePort();
    try (io.cachegen.runtime.LogCapture log = io.cachegen.runtime.LogCapture.start()) {
      RedisCache viaUrl =
          RedisFixture.cache(
              "redis://user:" + encoded + "@127.0.0.1:" + deadPort + "/0",
              Map.of(
                  "options.ignore_exceptions",
                  "true",
                  "options.socket_timeout",
                  "0.3",
                  "key_prefix",
                  ""));
      caches.add(viaUrl);
      RedisCache viaOption =
          RedisFixture.cache(
              "redis://127.0.0.1:" + deadPort + "/0",
              Map.of("options.password", raw, "options.socket_timeout", "0.3"));
      caches.add(viaOption);
      assertThat(viaUrl.get("k", String.class, "dflt")).isEqualTo("dflt");
      assertThatThrownBy(() -> viaOption.get("k", String.class))
          .isInstanceOf(RedisConnectionException.class)
          .satisfies(e -> assertThat(e.getMessage()).doesNotContain("QQ"));
      for (Object shown :
          List.of(
              viaUrl,
              viaUrl.settings(),
              viaUrl.options(),
              viaUrl.client(),
              viaOption,
              viaOption.settings(),
              viaOption.options())) {
        assertThat(shown.toString()).doesNotContain("QQ").doesNotContain(encoded);
      }
      assertThat(log.text())
          .contains("ignored a Redis failure")
          .contains("key_prefix is empty")
          .doesNotContain("QQ")
          .doesNotContain(encoded);
    }
  }

  @Test
  void logLinesNeverShowThePassword() {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      RedisCache cache = cache("ignore_exceptions", "true");
      cache.set("k", "v");
      cache.validateKey("a key with spaces");
      server.kill();
      cache.get("k", String.class);
      RedisCache wrong =
          RedisFixture.cache(
              "redis://:" + PASSWORD + "-wrong@127.0.0.1:" + RedisFixture.freePort() + "/0",
              Map.of("options.ignore_exceptions", "true", "options.socket_timeout", "0.3"));
      caches.add(wrong);
      wrong.get("k", String.class);
    } finally {
      System.setErr(original);
    }
    String log = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    assertThat(log).contains("ignored a Redis failure").doesNotContain(PASSWORD);
  }
}
