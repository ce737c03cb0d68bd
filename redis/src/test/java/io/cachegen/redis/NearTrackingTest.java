package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.test.ManualTicker;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.SafeEncoder;

/**
 * {@link NearTracking}'s connections on a server of its own: they speak RESP2 on every Jedis line,
 * and a connection that speaks RESP3 is refused rather than tracked. Over RESP3 Redis sends a
 * redirected invalidation as a push message the subscriber never reports, so the near cache would
 * keep its copies, and {@code CLIENT TRACKINGINFO} replies with a map the watchdog cannot read.
 */
@Tag("redis")
class NearTrackingTest {
  private static final Duration DEADLINE = Duration.ofSeconds(10);

  private static RedisFixture.Server server;
  private static UnifiedJedis direct;

  @BeforeAll
  static void startServer() {
    server = RedisFixture.startPrivate();
    direct = RedisFixture.directClient(server.url());
  }

  @AfterAll
  static void stopServer() {
    direct.close();
    server.close();
  }

  /**
   * Redis 7 and later show each client's protocol in {@code CLIENT LIST}; on any version, a foreign
   * write must be reported (it is not over RESP3).
   */
  @Test
  void theTrackingConnectionsSpeakResp2OnEveryJedisLine() {
    try (CacheHandler handler = NearCaches.handler(server.url(), RedisFixture.uniquePrefix())) {
      RedisCache cache = NearCaches.live(handler);
      NearTracking tracking = cache.nearTracking();
      for (long id : new long[] {tracking.subscriberId(), tracking.ownerId()}) {
        String client = clientListEntry(id);
        if (client.contains(" resp=")) {
          assertThat(client)
              .as("CLIENT LIST on Jedis %s", JedisLine.version())
              .contains(" resp=2 ");
        }
      }
      direct.set(cache.makeKey("k"), "1");
      Eventually.within(
          DEADLINE,
          "a foreign write reported on Jedis " + JedisLine.version(),
          () -> cache.stats().event(NearCache.Events.NEAR_INVALIDATION) > 0);
    }
  }

  /**
   * {@link NearTracking#awaitInvalidationsHandled}, which {@link NearCaches#settle} relies on: once
   * it returns, the message of every write made before it was handled, every time.
   */
  @Test
  void theBarrierComesAfterEveryEarlierInvalidation() {
    try (CacheHandler handler = NearCaches.handler(server.url(), RedisFixture.uniquePrefix())) {
      RedisCache cache = NearCaches.live(handler);
      for (int i = 0; i < 200; i++) {
        long before = NearCaches.invalidations(cache);
        direct.set(cache.makeKey("k" + i), "1");
        assertThat(cache.nearTracking().awaitInvalidationsHandled(DEADLINE)).isTrue();
        assertThat(NearCaches.invalidations(cache)).as("after write %d", i).isEqualTo(before + 1);
      }
    }
  }

  @Test
  void aSubscriberThatSpeaksResp3IsRefused() {
    // the subscriber is opened first, and refused before the owner is opened
    assertNeverLive(n -> RedisProtocol.RESP3, 3);
  }

  @Test
  void aTrackingOwnerThatSpeaksResp3IsRefused() {
    // each attempt opens a subscriber speaking RESP2, then an owner speaking RESP3
    assertNeverLive(n -> n % 2 == 0 ? RedisProtocol.RESP2 : RedisProtocol.RESP3, 6);
  }

  /**
   * Tracking whose {@code n}th connection speaks {@code protocolOfNth.apply(n)} is set up again and
   * again until {@code connections} were opened, and never goes live (a set-up that went live would
   * open no more).
   */
  private static void assertNeverLive(IntFunction<RedisProtocol> protocolOfNth, int connections) {
    AtomicInteger opened = new AtomicInteger();
    IntFunction<Connection> connect =
        timeout -> connection(protocolOfNth.apply(opened.getAndIncrement()), timeout);
    NearCache near =
        new NearCache(
            100,
            TimeUnit.SECONDS.toNanos(60),
            true,
            new ManualTicker(),
            CacheMetrics.inProcess().alias("resp3"));
    try (NearTracking tracking =
        new NearTracking("resp3", "p:", near, connect, NearCaches.INTERVAL.toMillis(), 60_000)) {
      tracking.start();
      Eventually.within(
          DEADLINE, "tracking set up again and again", () -> opened.get() >= connections);
      assertThat(tracking.live()).as("tracking over a RESP3 connection").isFalse();
    }
  }

  private static Connection connection(RedisProtocol protocol, int timeoutMillis) {
    return new Connection(
        new HostAndPort("127.0.0.1", server.port()),
        DefaultJedisClientConfig.builder()
            .protocol(protocol)
            .socketTimeoutMillis(timeoutMillis)
            .connectionTimeoutMillis(timeoutMillis)
            .build());
  }

  /** The line of {@code CLIENT LIST} for client {@code id}, with a space on either end. */
  private static String clientListEntry(long id) {
    Object reply = direct.sendCommand(Protocol.Command.CLIENT, "LIST", "ID", Long.toString(id));
    String line = reply instanceof byte[] bytes ? SafeEncoder.encode(bytes) : String.valueOf(reply);
    assertThat(line).as("CLIENT LIST ID %d", id).contains("id=" + id + " ");
    return " " + line.trim() + " ";
  }
}
