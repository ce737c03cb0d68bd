package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheHandler;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/**
 * The near cache when its tracking connections are lost: the server killed (SIGKILL) and restarted,
 * hung (SIGSTOP), or one of the two connections killed ({@code CLIENT KILL}). Each time the copies
 * warm before the fault are dropped within one {@code near_liveness_interval} (the documented bound
 * on staleness once tracking is lost), tracking comes back by itself, and a foreign write drops a
 * copy again. Each test has its own server, as it breaks it.
 */
@Tag("redis")
class NearCacheChaosTest {
  private static final Duration INTERVAL = NearCaches.INTERVAL;

  /**
   * Slack on top of the one-interval bound for a loaded 2-core CI machine: the watchdog thread, the
   * reader thread and this test's polling thread must each be scheduled, and a young GC may pause
   * all of them; 300 ms is what RedisFaultTest allows for a socket timeout, and more than 100 times
   * what the flush itself takes.
   */
  private static final Duration MARGIN = Duration.ofMillis(300);

  /** The most a copy may outlive the loss of tracking: the documented bound, plus the margin. */
  private static final Duration FLUSH_BOUND = INTERVAL.plus(MARGIN);

  /** For what has no documented bound (tracking coming back, a message arriving): generous. */
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private RedisFixture.Server server;
  private UnifiedJedis direct;
  private CacheHandler handler;
  private RedisCache cache;

  @BeforeEach
  void start() {
    server = RedisFixture.startPrivate();
    direct = RedisFixture.directClient(server.url());
    // ignore_exceptions: while the server is down, reads are misses rather than errors
    handler =
        NearCaches.handler(
            server.url(), RedisFixture.uniquePrefix(), "options.ignore_exceptions", "true");
    cache = NearCaches.live(handler);
  }

  @AfterEach
  void stop() {
    if (handler != null) {
      handler.close();
    }
    if (direct != null) {
      direct.close();
    }
    server.close();
  }

  @Test
  void aKilledServerFlushesTheCopiesAndTrackingComesBackAfterTheRestart() {
    cache.set("k", "before");
    warm("k");
    long established = established();
    long ignoredBefore = cache.ignoredFailures();

    Duration flushed = flushedWithinTheBound("SIGKILL", server::kill, "k");

    // the server is down: reads go to it and, with ignore_exceptions, are misses
    assertThat(cache.get("k", String.class)).as("a read while the server is down").isNull();
    assertThat(cache.ignoredFailures()).as("the read went to Redis").isGreaterThan(ignoredBefore);
    assertThat(cache.nearCache().holds(cache.makeKey("k"))).isFalse();

    direct.close();
    server.restart();
    direct = RedisFixture.directClient(server.url());
    long restarted = System.nanoTime();
    Eventually.within(
        DEADLINE,
        "near cache tracking set up again after the restart",
        () -> established() > established && cache.nearTracking().live());
    report("SIGKILL", flushed, Duration.ofNanos(System.nanoTime() - restarted));

    aForeignWriteDropsACopy();
  }

  @Test
  void aHungServerFlushesTheCopiesAndTrackingComesBackWhenItResumes() {
    cache.set("k", "before");
    warm("k");
    long established = established();

    Duration flushed;
    try {
      flushed = flushedWithinTheBound("SIGSTOP", server::pause, "k");
    } finally {
      server.resume();
    }
    long resumed = System.nanoTime();
    Eventually.within(
        DEADLINE,
        "near cache tracking set up again after SIGCONT",
        () -> established() > established && cache.nearTracking().live());
    report("SIGSTOP", flushed, Duration.ofNanos(System.nanoTime() - resumed));

    aForeignWriteDropsACopy();
  }

  @Test
  void aKilledSubscriberConnectionFlushesTheCopiesAndIsReplaced() {
    cache.set("k", "before");
    warm("k");
    long established = established();
    long subscriber = cache.nearTracking().subscriberId();

    Duration flushed =
        flushedWithinTheBound("CLIENT KILL subscriber", () -> clientKill(subscriber), "k");
    long flushedAt = System.nanoTime();
    Eventually.within(
        DEADLINE,
        "near cache tracking set up again",
        () -> established() > established && cache.nearTracking().live());
    report("CLIENT KILL subscriber", flushed, Duration.ofNanos(System.nanoTime() - flushedAt));
    assertThat(cache.nearTracking().subscriberId()).isNotEqualTo(subscriber);

    aForeignWriteDropsACopy();
  }

  /**
   * redis#11767: when the connection that turned tracking on dies while the one it redirects to
   * lives, Redis silently stops sending invalidations; the subscriber cannot tell. Only the
   * watchdog's {@code CLIENT TRACKINGINFO} on the owner notices.
   */
  @Test
  void aKilledTrackingOwnerFlushesTheCopiesAndIsReplaced() {
    cache.set("k", "before");
    warm("k");
    long established = established();
    long owner = cache.nearTracking().ownerId();

    Duration flushed = flushedWithinTheBound("CLIENT KILL owner", () -> clientKill(owner), "k");
    long flushedAt = System.nanoTime();
    Eventually.within(
        DEADLINE,
        "near cache tracking set up again",
        () -> established() > established && cache.nearTracking().live());
    report("CLIENT KILL owner", flushed, Duration.ofNanos(System.nanoTime() - flushedAt));
    assertThat(cache.nearTracking().ownerId()).isNotEqualTo(owner);

    aForeignWriteDropsACopy();
  }

  // ---- helpers ----

  /** Coherence after the fault: a copy warm on the new tracking is dropped by a foreign SET. */
  private void aForeignWriteDropsACopy() {
    assertThat(cache.set("after", 1L)).as("a write once the server is back").isTrue();
    warm("after");
    long invalidations = invalidations();
    long flushes = flushes();
    direct.set(cache.makeKey("after"), "2"); // integers are stored as decimal text
    // the count goes up after the copy is dropped: once it has, the copy is gone
    Eventually.within(
        DEADLINE, "the invalidation of a foreign SET", () -> invalidations() > invalidations);
    assertThat(held("after")).as("the copy after the foreign SET's invalidation").isFalse();
    assertThat(flushes()).as("dropped by the invalidation, not by a flush").isEqualTo(flushes);
    assertThat(cache.get("after", Long.class)).isEqualTo(2L);
  }

  /**
   * Injects {@code fault}, waits until the near cache is flushed (tracking may be back already),
   * and asserts it took at most {@link #FLUSH_BOUND}, measured from just before the injection (so
   * the measure includes the injection itself and is never shorter than the truth).
   */
  private Duration flushedWithinTheBound(String fault, Runnable inject, String key) {
    long flushes = flushes();
    long start = System.nanoTime();
    inject.run();
    Eventually.within(DEADLINE, "the near cache flushed after " + fault, () -> flushes() > flushes);
    Duration took = Duration.ofNanos(System.nanoTime() - start);
    assertThat(held(key)).as("the copy of %s after the flush", key).isFalse();
    assertThat(took)
        .as(
            "after %s the copy was served for %d ms; the bound is one near_liveness_interval"
                + " (%d ms) + %d ms margin",
            fault, took.toMillis(), INTERVAL.toMillis(), MARGIN.toMillis())
        .isLessThanOrEqualTo(FLUSH_BOUND);
    return took;
  }

  /** {@code CLIENT KILL ID id}, asserting that it killed a client. */
  private void clientKill(long id) {
    Object killed = direct.sendCommand(Protocol.Command.CLIENT, "KILL", "ID", Long.toString(id));
    assertThat(killed).as("CLIENT KILL ID %d", id).isEqualTo(1L);
  }

  private long established() {
    return cache.stats().event(NearCache.Events.NEAR_TRACKING);
  }

  private long flushes() {
    return cache.stats().event(NearCache.Events.NEAR_FLUSH);
  }

  private long invalidations() {
    return NearCaches.invalidations(cache);
  }

  private boolean held(String key) {
    return NearCaches.holds(cache, cache.makeKey(key));
  }

  /**
   * Reads {@code key} into the near cache once every invalidation Redis sent so far was handled (a
   * write's own message comes back after its reply and would drop a copy read meanwhile).
   */
  private void warm(String key) {
    NearCaches.settle(cache, direct);
    assertThat(cache.get(key, Object.class)).isNotNull();
    assertThat(held(key)).as("a copy of " + key).isTrue();
  }

  private static void report(String fault, Duration flushed, Duration back) {
    System.out.printf(
        "near cache chaos: %s: flushed after %d ms (bound %d + %d ms), tracking back %d ms"
            + " later%n",
        fault, flushed.toMillis(), INTERVAL.toMillis(), MARGIN.toMillis(), back.toMillis());
  }
}
