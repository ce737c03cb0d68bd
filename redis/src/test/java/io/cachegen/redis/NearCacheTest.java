package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.spi.CacheMetrics;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * The near cache against a real server of its own: a second read is served in process, and every
 * kind of write by anyone (a foreign client's SET, a Lua script, expiry, FLUSHDB, another instance)
 * drops the copy. Waits are polls to a deadline ({@link Eventually}), never sleeps.
 */
@Tag("redis")
class NearCacheTest {
  private static final Duration DEADLINE = Duration.ofSeconds(5);
  private static final redis.clients.jedis.commands.ProtocolCommand DEBUG =
      () -> redis.clients.jedis.util.SafeEncoder.encode("DEBUG");

  private static RedisFixture.Server server;
  private static UnifiedJedis direct;

  private final List<CacheHandler> handlers = new java.util.ArrayList<>();
  private String prefix;
  private RedisCache cache;

  @BeforeAll
  static void startServer() {
    server = RedisFixture.startPrivate("--enable-debug-command", "yes");
    direct = RedisFixture.directClient(server.url());
  }

  @AfterAll
  static void stopServer() {
    direct.close();
    server.close();
  }

  @BeforeEach
  void start() {
    prefix = RedisFixture.uniquePrefix();
    cache = instance();
  }

  @AfterEach
  void stop() {
    handlers.forEach(CacheHandler::close);
  }

  /** A new instance: its own handler (no shared state), tracking set up. */
  private RedisCache instance(String... extra) {
    CacheHandler handler = NearCaches.handler(server.url(), prefix, extra);
    handlers.add(handler);
    return NearCaches.live(handler);
  }

  private boolean held(RedisCache c, String key) {
    return NearCaches.holds(c, c.makeKey(key));
  }

  /**
   * SET with PX, as raw arguments: {@code SetParams.px} changed its signature between Jedis lines.
   */
  private static void setPx(String key, String value, long millis) {
    direct.sendCommand(
        redis.clients.jedis.Protocol.Command.SET, key, value, "PX", Long.toString(millis));
  }

  private static long invalidations(RedisCache c) {
    return NearCaches.invalidations(c);
  }

  /** See {@link NearCaches#settle}: every invalidation Redis sent {@code c} so far handled. */
  private static void settle(RedisCache c) {
    NearCaches.settle(c, direct);
  }

  /** Reads {@code key} into {@code c}'s near cache, after every earlier invalidation. */
  private void warm(RedisCache c, String key) {
    settle(c);
    c.get(key, Object.class);
    assertThat(held(c, key)).as("a copy of " + key).isTrue();
  }

  @Test
  void aSecondReadIsServedInProcessWithNoRoundTrip() {
    cache.set("k", 1L);
    warm(cache, "k");
    Map<String, Long> before = CommandStats.calls(direct);
    for (int i = 0; i < 100; i++) {
      assertThat(cache.get("k", Long.class)).isEqualTo(1L);
    }
    Map<String, Long> delta = CommandStats.delta(before, CommandStats.calls(direct));
    assertThat(delta).doesNotContainKeys("get", "pttl");
    assertThat(cache.stats().event(NearCache.Events.NEAR_HIT)).isGreaterThanOrEqualTo(100);
    assertThat(cache.stats().hits()).isGreaterThanOrEqualTo(101);
  }

  @Test
  void aForeignSetDropsTheCopy() {
    cache.set("k", 1L);
    warm(cache, "k");
    direct.set(cache.makeKey("k"), "2"); // integers are stored as decimal text
    Eventually.within(DEADLINE, "the copy dropped after a foreign SET", () -> !held(cache, "k"));
    assertThat(cache.get("k", Long.class)).isEqualTo(2L);
  }

  @Test
  void aLuaScriptsWriteDropsTheCopy() {
    cache.set("k", 1L);
    warm(cache, "k");
    direct.eval("redis.call('SET', KEYS[1], ARGV[1])", 1, cache.makeKey("k"), "3");
    Eventually.within(DEADLINE, "the copy dropped after EVAL", () -> !held(cache, "k"));
    assertThat(cache.get("k", Long.class)).isEqualTo(3L);
  }

  @Test
  void anExpiringKeyIsNoLongerServed() {
    setPx(cache.makeKey("k"), "4", 300);
    assertThat(cache.get("k", Long.class)).isEqualTo(4L);
    Eventually.within(DEADLINE, "the expired key a miss", () -> cache.get("k", Long.class) == null);
  }

  @Test
  void aCopyNeverOutlivesTheKeysTtlEvenWhenRedisSaysNothing() {
    // with active expiry off, Redis expires the key (and reports it) only when someone touches it
    direct.sendCommand(DEBUG, "SET-ACTIVE-EXPIRE", "0");
    try {
      setPx(cache.makeKey("k"), "5", 500);
      warm(cache, "k");
      Eventually.within(
          DEADLINE, "the copy past its TTL not served", () -> cache.get("k", Long.class) == null);
    } finally {
      direct.sendCommand(DEBUG, "SET-ACTIVE-EXPIRE", "1");
    }
  }

  @Test
  void flushDbDropsEveryCopy() {
    cache.set("a", 1L);
    cache.set("b", 2L);
    warm(cache, "a");
    warm(cache, "b");
    direct.flushDB();
    Eventually.within(
        DEADLINE, "every copy dropped after FLUSHDB", () -> !held(cache, "a") && !held(cache, "b"));
    assertThat(cache.get("a", Long.class)).isNull();
    assertThat(cache.stats().event(NearCache.Events.NEAR_FLUSH)).isGreaterThanOrEqualTo(1);
  }

  @Test
  void aWriteThroughAnotherInstanceDropsTheCopy() {
    RedisCache other = instance();
    cache.set("k", "one");
    warm(cache, "k");
    assertThat(other.get("k", String.class)).isEqualTo("one");
    other.set("k", "two");
    assertThat(other.get("k", String.class)).as("the writer's own copy").isEqualTo("two");
    Eventually.within(DEADLINE, "the other instance's copy dropped", () -> !held(cache, "k"));
    assertThat(cache.get("k", String.class)).isEqualTo("two");
    other.delete("k");
    Eventually.within(DEADLINE, "the copy dropped after a delete", () -> !held(cache, "k"));
    assertThat(cache.get("k", String.class)).isNull();
  }

  @Test
  void thisInstancesOwnWritesAreSeenAtOnce() {
    cache.set("k", 1L);
    cache.get("k", Long.class);
    cache.set("k", 2L);
    assertThat(cache.get("k", Long.class)).isEqualTo(2L);
    cache.incr("k", 5);
    assertThat(cache.get("k", Long.class)).isEqualTo(7L);
    cache.setMany(Map.of("k", 8L));
    assertThat(cache.get("k", Long.class)).isEqualTo(8L);
    cache.touch("k", Timeout.seconds(100));
    assertThat(held(cache, "k")).isFalse();
    cache.get("k", Long.class);
    cache.delete("k");
    assertThat(cache.get("k", Long.class)).isNull();
    cache.set("k", 9L);
    cache.get("k", Long.class);
    cache.clear();
    assertThat(cache.get("k", Long.class)).isNull();
  }

  @Test
  void byValueEveryHitIsAFreshCopy() {
    cache.set("list", List.of("a", "b"));
    warm(cache, "list");
    Object first = cache.get("list", List.class);
    Object second = cache.get("list", List.class);
    assertThat(second).isEqualTo(first).isNotSameAs(first);
    assertThat(cache.stats().event(NearCache.Events.NEAR_HIT)).isEqualTo(2);
  }

  @Test
  void byReferenceEveryHitIsTheSameObject() {
    RedisCache byRef = instance("options.store_by_value", "false");
    byRef.set("list", List.of("a", "b"));
    warm(byRef, "list");
    Object first = byRef.get("list", List.class);
    assertThat(byRef.get("list", List.class)).isSameAs(first);
  }

  @Test
  void aKeyOutsideThePrefixIsNotReported() {
    cache.set("k", 1L);
    warm(cache, "k");
    long before = invalidations(cache);
    direct.set("unrelated:" + prefix, "x");
    direct.set(cache.makeKey("k"), "2");
    settle(cache);
    assertThat(held(cache, "k")).isFalse();
    assertThat(invalidations(cache) - before).as("k and the settle key only").isEqualTo(2);
  }

  @Test
  void aReadBypassingTheNearCacheGoesToRedisEveryTimeAndMakesNoCopy() {
    // what a @Cached(nearCache = false) method reads with
    cache.set("held", 1L);
    warm(cache, "held");
    cache.set("other", 2L);
    settle(cache);
    String held = cache.makeKey("held");
    String other = cache.makeKey("other");
    ValueType<Long> type = ValueType.of(Long.class);
    long nearHits = cache.stats().event(NearCache.Events.NEAR_HIT);
    Map<String, Long> before = CommandStats.calls(direct);
    for (int i = 0; i < 10; i++) {
      assertThat(cache.lookupBypassingNear(held, type, CacheMetrics.Counters.NONE)).isEqualTo(1L);
      assertThat(cache.peekBypassingNear(other, type)).isEqualTo(2L);
    }
    assertThat(CommandStats.delta(before, CommandStats.calls(direct)))
        .containsEntry("get", 20L)
        .doesNotContainKey("pttl");
    assertThat(cache.stats().event(NearCache.Events.NEAR_HIT)).isEqualTo(nearHits);
    assertThat(held(cache, "held")).as("the copy another reader made is left").isTrue();
    assertThat(held(cache, "other")).as("no copy made").isFalse();
    assertThat(cache.get("held", Long.class)).as("and still served to them").isEqualTo(1L);
    assertThat(cache.stats().event(NearCache.Events.NEAR_HIT)).isEqualTo(nearHits + 1);
  }

  @Test
  void theCountersSayWhatHappened() {
    cache.set("k", 1L);
    warm(cache, "k");
    cache.get("k", Long.class);
    cache.get("k", Long.class);
    assertThat(cache.stats().event(NearCache.Events.NEAR_MISS)).isEqualTo(1);
    assertThat(cache.stats().event(NearCache.Events.NEAR_HIT)).isEqualTo(2);
    assertThat(cache.stats().event(NearCache.Events.NEAR_TRACKING)).isEqualTo(1);
    assertThat(cache.stats().event(NearCache.Events.NEAR_FLUSH))
        .as("setting tracking up is not a flush")
        .isZero();
  }

  @Test
  void aHealthyServerKeepsTrackingUpAcrossLivenessChecks() {
    cache.set("k", 1L);
    warm(cache, "k");
    long pings = CommandStats.calls(direct).getOrDefault("ping", 0L);
    Eventually.within(
        DEADLINE,
        "three more liveness PINGs",
        () -> CommandStats.calls(direct).getOrDefault("ping", 0L) >= pings + 3);
    assertThat(cache.stats().event(NearCache.Events.NEAR_TRACKING)).isEqualTo(1);
    assertThat(cache.stats().event(NearCache.Events.NEAR_FLUSH)).isZero();
    assertThat(held(cache, "k")).isTrue();
  }

  @Test
  void theNearCacheNeedsAKeyPrefix() {
    CacheConfig config =
        CacheConfig.fromMap(
            Map.of(
                "caches.default.backend", "redis",
                "caches.default.location", server.url(),
                "caches.default.options.near_cache", "true"));
    assertThatThrownBy(() -> CacheHandler.builder().config(config).build())
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.near_cache")
        .hasMessageContaining("caches.default.key_prefix");
  }

  @Test
  void aBadNearOptionIsAnErrorEvenWithTheNearCacheOff() {
    CacheConfig config =
        CacheConfig.fromMap(
            Map.of(
                "caches.default.backend", "redis",
                "caches.default.location", server.url(),
                "caches.default.key_prefix", "p",
                "caches.default.options.near_max_entries", "lots"));
    assertThatThrownBy(() -> CacheHandler.builder().config(config).build())
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.near_max_entries")
        .hasMessageContaining("lots");
  }

  @Test
  void aKeyFunctionOfItsOwnNeedsATrackingPrefix() {
    CacheConfig config =
        CacheConfig.fromMap(
            Map.of(
                "caches.default.backend", "redis",
                "caches.default.location", server.url(),
                "caches.default.key_prefix", "p",
                "caches.default.key_function", "reversed",
                "caches.default.options.near_cache", "true"));
    assertThatThrownBy(
            () ->
                CacheHandler.builder()
                    .config(config)
                    .keyFunction("reversed", (key, prefix, version) -> key + ":" + prefix)
                    .build())
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("near_tracking_prefix");
  }
}
