package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** {@link RedisLock#acquire} and the lock's lease, against {@link RedisFixture#shared()}. */
@Tag("redis")
class RedisLockTest {
  private RedisCache cache;
  private DefaultClient client;
  private UnifiedJedis redis;
  private String key;

  @BeforeEach
  void open() {
    cache = RedisFixture.cache(RedisFixture.shared(), Map.of());
    client = cache.client();
    redis = RedisFixture.directClient(RedisFixture.shared());
    key = RedisFixture.uniquePrefix() + ":lock";
  }

  @AfterEach
  void close() {
    redis.del(key);
    cache.close();
    redis.close();
  }

  @Test
  void aLockIsAKeyWithALeaseThatOnlyOneOwnerHolds() {
    try (RedisLock lock = RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ZERO)) {
      assertThat(lock).isNotNull();
      assertThat(lock.key()).isEqualTo(key);
      assertThat(redis.pttl(key)).isBetween(20_000L, 30_000L);
      assertThat(RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ZERO)).isNull();
    }
    assertThat(redis.exists(key)).isFalse();
    RedisLock again = RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ZERO);
    assertThat(again).isNotNull();
    again.close();
  }

  @Test
  void aLeaseShorterThanAMillisecondIsAMillisecondNotForever() {
    RedisLock lock = RedisLock.acquire(client, key, Duration.ZERO, Duration.ZERO);
    assertThat(lock).isNotNull();
    assertThat(redis.pttl(key)).isBetween(-2L, 1L).isNotEqualTo(-1L);
    lock.close();
  }

  @Test
  void onlyTheOwnerReleasesOrExtends() {
    RedisLock lock = RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ZERO);
    assertThat(lock.extend(Duration.ofSeconds(60))).isTrue();
    assertThat(redis.pttl(key)).isGreaterThan(30_000L);
    redis.set(key, "someone-else"); // our lease ran out and another owner took the lock
    assertThat(lock.extend(Duration.ofSeconds(60))).isFalse();
    lock.close();
    lock.close(); // harmless
    assertThat(redis.get(key)).isEqualTo("someone-else");
  }

  @Test
  void aWaiterGivesUpAfterItsWait() {
    try (RedisLock held = RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ZERO)) {
      assertThat(held).isNotNull();
      long start = System.nanoTime();
      assertThat(RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ofMillis(150)))
          .isNull();
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(150L);
    }
  }

  @Test
  void aWaiterTakesTheLockOnceItIsReleased() throws Exception {
    RedisLock held = RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ZERO);
    ExecutorService pool = Executors.newSingleThreadExecutor();
    try {
      Future<RedisLock> waiter =
          pool.submit(
              () -> RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ofSeconds(60)));
      held.close();
      try (RedisLock taken = waiter.get(60, TimeUnit.SECONDS)) {
        assertThat(taken).isNotNull();
        assertThat(redis.exists(key)).isTrue();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void anInterruptedWaiterGivesUpAtOnceAndStaysInterrupted() {
    try (RedisLock held = RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ZERO)) {
      assertThat(held).isNotNull();
      Thread.currentThread().interrupt();
      long start = System.nanoTime();
      try {
        assertThat(RedisLock.acquire(client, key, Duration.ofSeconds(30), Duration.ofSeconds(60)))
            .isNull();
        assertThat(Thread.currentThread().isInterrupted()).isTrue();
      } finally {
        Thread.interrupted();
      }
      assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(30);
    }
  }
}
