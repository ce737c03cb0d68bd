package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;

/**
 * A primary and a replica, both private servers ({@code replicaof}). The replica is started
 * writable, so a key written straight into it (and absent from the primary) shows which server a
 * read went to; a key found on the primary (read directly) shows where a write went.
 */
@Tag("redis")
class RedisReplicaTest {
  private RedisFixture.Server primary;
  private RedisFixture.Server replica;
  private UnifiedJedis onPrimary;
  private UnifiedJedis onReplica;
  private RedisCache cache;

  @BeforeEach
  void start() {
    primary = RedisFixture.startPrivate("--repl-diskless-sync-delay", "0");
    replica =
        RedisFixture.startPrivate(
            "--replicaof",
            "127.0.0.1",
            Integer.toString(primary.port()),
            "--replica-read-only",
            "no");
    onPrimary = RedisFixture.directClient(primary.url());
    onReplica = RedisFixture.directClient(replica.url());
    cache =
        RedisFixture.cache(
            primary.url() + "," + replica.url(), Map.of("options.socket_timeout", "0.5"));
    // WAIT blocks on the server until the replica has acknowledged the write: no client sleep
    try (Jedis patient =
        new Jedis(
            new HostAndPort("127.0.0.1", primary.port()),
            DefaultJedisClientConfig.builder().socketTimeoutMillis(30_000).build())) {
      patient.set("sync-probe", "1");
      assertThat(patient.waitReplicas(1, 20_000)).isEqualTo(1);
    }
  }

  @AfterEach
  void stop() {
    cache.close();
    onPrimary.close();
    onReplica.close();
    replica.close();
    primary.close();
  }

  @Test
  void writesGoToThePrimaryAndReadsToTheReplica() {
    assertThat(cache.client().servers())
        .containsExactly(primary.hostAndPort(), replica.hostAndPort());
    cache.set("w", "written");
    assertThat(
            StoredValues.text(
                onPrimary.get(
                    cache.makeKey("w").getBytes(java.nio.charset.StandardCharsets.UTF_8))))
        .isEqualTo("\"written\"");
    onReplica.set(cache.makeKey("replica-only"), "\"from the replica\"");
    assertThat(onPrimary.exists(cache.makeKey("replica-only"))).isFalse();
    for (int i = 0; i < 20; i++) {
      assertThat(cache.get("replica-only", String.class)).isEqualTo("from the replica");
    }
    assertThat(cache.hasKey("replica-only")).isTrue();
    cache.set("n", 1);
    assertThat(cache.incr("n")).as("scripts run on the primary").isEqualTo(2);
    assertThat(onPrimary.get(cache.makeKey("n"))).isEqualTo("2");
  }

  @Test
  void iterKeysScansThePrimaryOnlyWithOneCursor() {
    Map<String, Object> values = new java.util.HashMap<>();
    for (int i = 0; i < 2500; i++) { // more than one SCAN page
      values.put("k" + i, i);
    }
    assertThat(cache.setMany(values)).isEmpty();
    onReplica.set(cache.makeKey("replica-only"), "1");
    java.util.List<String> keys = cache.iterKeys("*").toList();
    assertThat(keys).doesNotContain("replica-only");
    assertThat(new java.util.HashSet<>(keys)).isEqualTo(values.keySet());
    assertThat(cache.deletePattern("*")).isEqualTo(2500);
  }

  @Test
  void aDeadReplicaFallsBackToThePrimary() {
    cache.set("w", "written");
    onReplica.set(cache.makeKey("replica-only"), "\"from the replica\"");
    replica.kill();
    long start = System.nanoTime();
    for (int i = 0; i < 5; i++) {
      assertThat(cache.get("w", String.class)).isEqualTo("written");
      assertThat(cache.get("replica-only", String.class)).isNull();
    }
    assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(5_000);
  }

  @Test
  void aHungReplicaFallsBackToThePrimaryWithinTheBound() {
    cache.set("w", "written");
    // socket_timeout 0.5 s and socket_connect_timeout (the same by default): a hung replica costs
    // one socket_timeout, then the primary answers; the documented worst case is 2 x (C + S)
    replica.pause();
    try {
      for (int i = 0; i < 3; i++) {
        long start = System.nanoTime();
        assertThat(cache.get("w", String.class)).isEqualTo("written");
        long took = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(took).as("read %d took %d ms", i, took).isLessThan(1_000 + 300);
      }
    } finally {
      replica.resume();
    }
  }

  @Test
  void aReplicaThatCannotServeFallsBackToThePrimary() {
    // a replica of a primary that does not exist answers MASTERDOWN to every read
    try (RedisFixture.Server stale =
            RedisFixture.startPrivate(
                "--replicaof",
                "127.0.0.1",
                Integer.toString(RedisFixture.freePort()),
                "--replica-serve-stale-data",
                "no");
        RedisCache viaStale =
            RedisFixture.cache(
                primary.url() + "," + stale.url(), Map.of("key_prefix", cache.keyPrefix()))) {
      cache.set("w", "from the primary");
      assertThat(viaStale.get("w", String.class)).isEqualTo("from the primary");
      assertThat(viaStale.getMany(java.util.List.of("w"), String.class))
          .containsEntry("w", "from the primary");
    }
  }
}
