package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.annotations.CacheEvict;
import io.cachegen.annotations.Cached;
import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.spi.DistributedLocking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * Generated keys on Redis: arguments never pick a slot, a {@code {#param}} hash tag does, and the
 * stampede guard's lock, as Redis holds it while the method runs, is in its value's slot.
 */
@Tag("redis")
class RedisHashTagTest {
  private static String location;
  private static UnifiedJedis direct;
  private CacheHandler handler;
  private BaseCache cache;

  /** Runs {@code during} with the arguments while it computes, under the stampede guard. */
  public static class Orders {
    Consumer<String> during = user -> {};

    @Cached(key = "orders:{#user}:{page}", stampedeGuard = true)
    public String orders(String user, int page) {
      during.accept(user);
      return user + "/" + page;
    }

    @Cached(key = "profile:{user}", stampedeGuard = true)
    public String profile(String user) {
      during.accept(user);
      return user;
    }

    @CacheEvict(key = "orders:{#user}:{page}")
    public void forget(String user, int page) {}
  }

  @BeforeAll
  static void start() {
    location = RedisFixture.shared();
    direct = RedisFixture.directClient(location);
  }

  @AfterAll
  static void stop() {
    direct.close();
  }

  @BeforeEach
  void install() {
    handler =
        CacheHandler.create(
            CacheConfig.fromMap(
                Map.of(
                    "caches.default.backend",
                    "redis",
                    "caches.default.location",
                    location,
                    "caches.default.key_prefix",
                    RedisFixture.uniquePrefix())));
    Caches.install(handler);
    cache = handler.get("default");
  }

  @AfterEach
  void reset() {
    cache.clear();
    Caches.reset();
    handler.close();
  }

  @Test
  void argumentsWithBracesNeverPickTheSlot() {
    Orders orders = new RedisHashTagTest_OrdersCached();
    orders.profile("{ann}");
    String made = cache.makeKey(RedisHashTagTest_OrdersCached.keyForProfile("{ann}"));
    assertThat(made).endsWith("profile:\\oann\\c").doesNotContain("{", "}");
    assertThat(direct.exists(made)).isTrue();
    assertThat(JedisClusterCRC16.getSlot(made)).isNotEqualTo(JedisClusterCRC16.getSlot("ann"));
  }

  @Test
  void keysWithOneHashTagValueShareASlot() {
    Orders orders = new RedisHashTagTest_OrdersCached();
    List<String> made = new ArrayList<>();
    for (int page = 0; page < 20; page++) {
      orders.orders("a{b}", page);
      made.add(cache.makeKey(RedisHashTagTest_OrdersCached.keyForOrders("a{b}", page)));
    }
    assertThat(made.get(3)).endsWith("orders:{a\\ob\\c}:3");
    for (String key : made) {
      assertThat(direct.exists(key)).isTrue();
      assertThat(JedisClusterCRC16.getSlot(key)).isEqualTo(JedisClusterCRC16.getSlot("a\\ob\\c"));
    }
    orders.forget("a{b}", 3);
    assertThat(direct.exists(made.get(3))).isFalse();
  }

  @Test
  void theStampedeGuardsLockIsHeldInTheValuesSlot() {
    RedisHashTagTest_OrdersCached orders = new RedisHashTagTest_OrdersCached();
    String tagged = cache.makeKey(RedisHashTagTest_OrdersCached.keyForOrders("ann", 1));
    String plain = cache.makeKey(RedisHashTagTest_OrdersCached.keyForProfile("bob}"));
    List<String> held = new ArrayList<>();
    orders.during =
        user -> {
          for (String lock :
              List.of(DistributedLocking.lockKey(tagged), DistributedLocking.lockKey(plain))) {
            if (direct.exists(lock)) {
              held.add(lock);
            }
          }
        };
    orders.orders("ann", 1);
    orders.profile("bob}");
    assertThat(held).containsExactly(tagged + ":lock", "{" + plain + "}:lock");
    for (String value : List.of(tagged, plain)) {
      String lock = DistributedLocking.lockKey(value);
      assertThat(JedisClusterCRC16.getSlot(lock))
          .as(lock)
          .isEqualTo(JedisClusterCRC16.getSlot(value));
      assertThat(direct.exists(lock)).as("released: %s", lock).isFalse();
      assertThat(direct.exists(value)).isTrue();
    }
  }
}
