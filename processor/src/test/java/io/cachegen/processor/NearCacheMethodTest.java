package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.annotations.Cached;
import io.cachegen.redis.CommandStats;
import io.cachegen.redis.Eventually;
import io.cachegen.redis.NearCaches;
import io.cachegen.redis.RedisCache;
import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.CacheHandler;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code @Cached(nearCache = false)} through generated code on a near-cached Redis alias ({@code
 * options.near_cache=true}), counted by the server itself (INFO commandstats on a private server
 * nobody else uses): such a method reads Redis on every call, even while this JVM holds a near copy
 * of its key, and sees another instance's write at once; a default method on the same alias is
 * served from near.
 */
@Tag("redis")
class NearCacheMethodTest {
  private static RedisFixture.Server server;
  private static UnifiedJedis direct;
  private CacheHandler handler;
  private RedisCache cache;

  /** A balance that must never be read from memory, and an owner name that may. */
  public static class Accounts {
    public final AtomicInteger balanceCalls = new AtomicInteger();
    public final AtomicInteger ownerCalls = new AtomicInteger();

    @Cached(key = "balance:{id}", cache = "near", nearCache = false)
    public long balance(String id) {
      balanceCalls.incrementAndGet();
      return 100;
    }

    /** The same entry as {@link #balance}, read through the near cache. */
    @Cached(key = "balance:{id}", cache = "near")
    public long displayedBalance(String id) {
      return 100;
    }

    @Cached(key = "owner:{id}", cache = "near")
    public String owner(String id) {
      ownerCalls.incrementAndGet();
      return "ann";
    }

    @Cached(key = "pending:{id}", cache = "near", nearCache = false)
    public CompletableFuture<Long> pending(String id) {
      return CompletableFuture.completedFuture(7L);
    }
  }

  @BeforeAll
  static void start() {
    server = RedisFixture.startPrivate();
    direct = RedisFixture.directClient(server.url());
  }

  @AfterAll
  static void stop() {
    direct.close();
    server.close();
  }

  @BeforeEach
  void install() {
    handler = NearCaches.handler(server.url(), RedisFixture.uniquePrefix());
    cache = NearCaches.live(handler);
  }

  @AfterEach
  void close() {
    handler.close();
  }

  /** Whether this JVM holds a near copy of caller key {@code key}. */
  private boolean held(String key) {
    return NearCaches.holds(cache, cache.makeKey(key));
  }

  @Test
  void aNearCacheFalseMethodReadsRedisOnEveryCallWhileADefaultOneIsServedFromNear()
      throws Exception {
    Accounts accounts = new NearCacheMethodTest_AccountsCached(handler);
    assertThat(accounts.balance("ann")).isEqualTo(100);
    assertThat(accounts.owner("ann")).isEqualTo("ann");
    assertThat(accounts.pending("ann").get(10, TimeUnit.SECONDS)).isEqualTo(7L);
    // the stores' own invalidations come back after their replies: let them, then fill near
    NearCaches.settle(cache, direct);
    assertThat(accounts.owner("ann")).isEqualTo("ann");
    assertThat(held("owner:ann")).as("the default method's near copy").isTrue();
    long nearHits = NearCaches.nearHits(cache);

    Map<String, Long> before = CommandStats.calls(direct);
    for (int i = 0; i < 10; i++) {
      assertThat(accounts.balance("ann")).isEqualTo(100);
      assertThat(accounts.pending("ann").get(10, TimeUnit.SECONDS)).isEqualTo(7L);
      assertThat(accounts.owner("ann")).isEqualTo("ann");
    }
    assertThat(CommandStats.delta(before, CommandStats.calls(direct)))
        .as("one GET per call of the nearCache=false methods, none for the default one")
        .containsEntry("get", 20L)
        .doesNotContainKeys("pttl", "set"); // (the tracking watchdog's PINGs may be counted)
    assertThat(NearCaches.nearHits(cache) - nearHits).isEqualTo(10);
    assertThat(held("balance:ann")).as("nearCache=false reads make no near copy").isFalse();
    assertThat(held("pending:ann")).isFalse();
    assertThat(accounts.balanceCalls).hasValue(1);
    assertThat(accounts.ownerCalls).hasValue(1);
  }

  @Test
  void aNearCacheFalseMethodIgnoresANearCopyOfItsKeyAndSeesAnotherWriterAtOnce() {
    Accounts accounts = new NearCacheMethodTest_AccountsCached(handler);
    assertThat(accounts.balance("ann")).isEqualTo(100);
    NearCaches.settle(cache, direct);
    assertThat(accounts.displayedBalance("ann")).isEqualTo(100);
    assertThat(held("balance:ann")).as("the default method's copy of the same key").isTrue();

    Map<String, Long> before = CommandStats.calls(direct);
    for (int i = 0; i < 10; i++) {
      assertThat(accounts.balance("ann")).isEqualTo(100);
    }
    assertThat(CommandStats.delta(before, CommandStats.calls(direct)))
        .containsEntry("get", 10L)
        .doesNotContainKey("pttl");

    // another instance changes the balance: no waiting for its invalidation to reach this JVM
    direct.set(cache.makeKey("balance:ann"), "90"); // integers are stored as decimal text
    assertThat(accounts.balance("ann")).isEqualTo(90);
    Eventually.within(
        Duration.ofSeconds(5),
        "the default method's copy dropped by the invalidation",
        () -> accounts.displayedBalance("ann") == 90);
    assertThat(accounts.balanceCalls).hasValue(1);
  }
}
