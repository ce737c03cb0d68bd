package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheHandler;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * Redis Cluster specifics on a private cluster of three primaries with a replica each: keys spread
 * over every primary, multi-key operations across slots, clear() confined to the alias on every
 * primary, atomic counters, and clear errors for a bad cluster location.
 */
@Tag("redis")
class RedisClusterTest {
  private static final String PASSWORD = "cluster-Pa55";
  private static RedisClusterFixture cluster;
  private final List<CacheHandler> handlers = new ArrayList<>();

  @BeforeAll
  static void startCluster() {
    cluster = RedisClusterFixture.start(3, 1);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @AfterEach
  void closeHandlers() {
    handlers.forEach(CacheHandler::close);
  }

  private RedisCache cache(String prefix, String... extra) {
    Map<String, String> props = new HashMap<>();
    props.put("caches.c.backend", "redis");
    props.put("caches.c.location", cluster.location());
    props.put("caches.c.key_prefix", prefix);
    for (int i = 0; i < extra.length; i += 2) {
      props.put("caches.c." + extra[i], extra[i + 1]);
    }
    CacheHandler handler = CacheHandler.builder().config(CacheConfig.fromMap(props)).build();
    handlers.add(handler);
    return (RedisCache) handler.get("c");
  }

  /** The keys under {@code prefix} on each primary, by port. */
  private static Map<Integer, List<String>> keysByPrimary(String prefix) {
    Map<Integer, List<String>> out = new LinkedHashMap<>();
    for (RedisFixture.Server primary : cluster.primaries()) {
      List<String> keys = new ArrayList<>();
      try (UnifiedJedis redis = RedisFixture.directClient(primary.url())) {
        String cursor = ScanParams.SCAN_POINTER_START;
        do {
          ScanResult<String> page =
              redis.scan(cursor, new ScanParams().match(prefix + ":*").count(1000));
          keys.addAll(page.getResult());
          cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
      }
      out.put(primary.port(), keys);
    }
    return out;
  }

  private static Map<String, Object> hundred() {
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < 100; i++) {
      values.put("k" + i, "v" + i);
    }
    return values;
  }

  @Test
  void theClusterHasSixNodesAndKeysLandOnEveryPrimary() {
    assertThat(RedisClusterFixture.clusterInfo(cluster.nodes().get(0)))
        .contains("cluster_known_nodes:6");
    String prefix = RedisFixture.uniquePrefix();
    RedisCache c = cache(prefix);
    assertThat(c.setMany(hundred())).isEmpty();
    Map<Integer, List<String>> byPrimary = keysByPrimary(prefix);
    assertThat(byPrimary).hasSize(3);
    assertThat(byPrimary.values()).allSatisfy(keys -> assertThat(keys).isNotEmpty());
    assertThat(byPrimary.values().stream().mapToInt(List::size).sum()).isEqualTo(100);
  }

  @Test
  void getManyAcrossSlotsReturnsEveryValueWithoutACrossSlotError() {
    RedisCache c = cache(RedisFixture.uniquePrefix());
    c.setMany(hundred());
    Map<String, Object> got = c.getMany(new ArrayList<>(hundred().keySet()), Object.class);
    assertThat(got).isEqualTo(hundred());
    c.deleteMany(List.of("k1", "k2", "k50", "k99"));
    assertThat(c.getMany(List.of("k1", "k2", "k3"), Object.class)).containsOnlyKeys("k3");
  }

  /**
   * INFO stats total_reads_processed of each primary, through {@code clients} opened beforehand (so
   * that asking costs one read event): the server counts one per batch of commands it reads.
   */
  private static Map<Integer, Long> readsProcessed(Map<Integer, UnifiedJedis> clients) {
    Map<Integer, Long> out = new LinkedHashMap<>();
    clients.forEach(
        (port, redis) -> {
          for (String line : redis.info("stats").split("\\r?\\n")) {
            if (line.startsWith("total_reads_processed:")) {
              out.put(port, Long.parseLong(line.substring(line.indexOf(':') + 1).trim()));
            }
          }
        });
    return out;
  }

  @Test
  void getManySendsOneBatchPerNodeNotOneRoundTripPerKey() {
    RedisCache c = cache(RedisFixture.uniquePrefix());
    c.setMany(hundred());
    List<String> keys = new ArrayList<>(hundred().keySet());
    c.getMany(keys, Object.class); // connections to every node are open now
    Map<Integer, UnifiedJedis> clients = new LinkedHashMap<>();
    for (RedisFixture.Server primary : cluster.primaries()) {
      clients.put(primary.port(), RedisFixture.directClient(primary.url()));
    }
    try {
      readsProcessed(clients); // each client's connection is set up now
      Map<Integer, Long> before = readsProcessed(clients);
      assertThat(c.getMany(keys, Object.class)).hasSize(100);
      Map<Integer, Long> after = readsProcessed(clients);
      // per node: the batch and this test's INFO; at most one more from the cluster's own upkeep
      // (replication acks, the slot map refresh). A round trip per key would be ~33 per node.
      before.forEach(
          (port, n) ->
              assertThat(after.get(port) - n)
                  .as("read events on node " + port + " for one getMany(100)")
                  .isBetween(2L, 3L));
      Map<Integer, Long> beforeLoop = readsProcessed(clients);
      for (String k : keys) {
        c.get(k, Object.class);
      }
      Map<Integer, Long> afterLoop = readsProcessed(clients);
      long loopReads = 0;
      for (Map.Entry<Integer, Long> e : beforeLoop.entrySet()) {
        loopReads += afterLoop.get(e.getKey()) - e.getValue();
      }
      assertThat(loopReads).as("100 single GETs are 100 read events").isGreaterThanOrEqualTo(100);
    } finally {
      clients.values().forEach(UnifiedJedis::close);
    }
  }

  @Test
  void clearEmptiesEveryPrimaryOfThisAliasesKeysAndLeavesAnotherAliasAlone() {
    String mine = RedisFixture.uniquePrefix();
    String theirs = RedisFixture.uniquePrefix();
    RedisCache c = cache(mine);
    RedisCache other = cache(theirs);
    c.setMany(hundred());
    other.setMany(hundred());
    c.clear();
    assertThat(keysByPrimary(mine).values()).allSatisfy(keys -> assertThat(keys).isEmpty());
    assertThat(keysByPrimary(theirs).values().stream().mapToInt(List::size).sum()).isEqualTo(100);
  }

  @Test
  void deletePatternAndIterKeysCoverEveryPrimary() {
    RedisCache c = cache(RedisFixture.uniquePrefix());
    c.setMany(hundred());
    assertThat(c.iterKeys("k*").collect(Collectors.toSet())).isEqualTo(hundred().keySet());
    assertThat(c.deletePattern("k1*")).isEqualTo(11); // k1, k10..k19
    assertThat(c.iterKeys("k*").count()).isEqualTo(89);
  }

  @Test
  void incrStaysAtomicUnderConcurrency() throws Exception {
    RedisCache c = cache(RedisFixture.uniquePrefix());
    c.set("n", 0L);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        done.add(
            pool.submit(
                () -> {
                  for (int i = 0; i < 250; i++) {
                    c.incr("n", 1);
                  }
                }));
      }
      for (Future<?> f : done) {
        f.get();
      }
    } finally {
      pool.shutdown();
    }
    assertThat(c.get("n", Long.class)).isEqualTo(1000L);
  }

  @Test
  void locksAndTheStampedeGuardsLockWorkOnTheKeysNode() {
    RedisCache c = cache(RedisFixture.uniquePrefix());
    try (RedisLock lock = c.lock("job", java.time.Duration.ofSeconds(5))) {
      assertThatThrownBy(
              () -> c.lock("job", java.time.Duration.ofSeconds(5), java.time.Duration.ofMillis(50)))
          .isInstanceOf(RedisLockException.class);
      assertThat(lock.extend(java.time.Duration.ofSeconds(5))).isTrue();
    }
    c.lock("job", java.time.Duration.ofSeconds(5)).close();
    // the guard's lock key, made for a value key, lives in that key's slot, on its node
    String valueKey = c.makeKey("user:42");
    String lockKey = io.cachegen.runtime.spi.DistributedLocking.lockKey(valueKey);
    assertThat(redis.clients.jedis.util.JedisClusterCRC16.getSlot(lockKey))
        .isEqualTo(redis.clients.jedis.util.JedisClusterCRC16.getSlot(valueKey));
    io.cachegen.runtime.spi.DistributedLocking.Lease lease =
        c.tryLock(lockKey, java.time.Duration.ofSeconds(5), java.time.Duration.ZERO);
    assertThat(c.tryLock(lockKey, java.time.Duration.ofSeconds(5), java.time.Duration.ZERO))
        .as("held by the first lease")
        .isNull();
    lease.close();
  }

  @Test
  void aVersionBumpMovesAValueAcrossSlots() {
    RedisCache c = cache(RedisFixture.uniquePrefix());
    c.set("moved", "value");
    assertThat(c.incrVersion("moved")).isEqualTo(2);
    assertThat(c.get("moved", String.class)).isNull();
    assertThat(c.get("moved", io.cachegen.runtime.ValueType.of(String.class), null, 2))
        .isEqualTo("value");
  }

  @Test
  void aDatabaseInAClusterLocationIsAnError() {
    String location = cluster.location() + "/1";
    CacheConfig config =
        CacheConfig.fromMap(
            Map.of(
                "caches.c.backend", "redis",
                "caches.c.location", location,
                "caches.c.key_prefix", "p"));
    assertThatThrownBy(() -> CacheHandler.builder().config(config).build())
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.c.location")
        .hasMessageContaining("only database 0");
  }

  @Test
  void aClusterLocationOnAServerThatIsNoClusterNodeSaysSo() {
    try (RedisFixture.Server plain = RedisFixture.startPrivate("--requirepass", PASSWORD)) {
      String location = "redis-cluster://:" + PASSWORD + "@127.0.0.1:" + plain.port();
      CacheHandler handler =
          CacheHandler.builder()
              .config(
                  CacheConfig.fromMap(
                      Map.of(
                          "caches.c.backend", "redis",
                          "caches.c.location", location,
                          "caches.c.key_prefix", "p")))
              .build();
      handlers.add(handler);
      assertThatThrownBy(() -> handler.get("c").get("k", String.class))
          .isInstanceOf(CacheException.class)
          .hasMessageContaining("127.0.0.1:" + plain.port())
          .hasMessageContaining("cluster support disabled")
          .hasMessageNotContaining(PASSWORD);
    }
  }

  @Test
  void unreachableSeedNodesAreNamedWithoutThePassword() {
    int port = RedisFixture.freePort();
    String location = "redis-cluster://:" + PASSWORD + "@127.0.0.1:" + port;
    CacheHandler handler =
        CacheHandler.builder()
            .config(
                CacheConfig.fromMap(
                    Map.of(
                        "caches.c.backend", "redis",
                        "caches.c.location", location,
                        "caches.c.key_prefix", "p",
                        "caches.c.options.socket_timeout", "0.5")))
            .build();
    handlers.add(handler);
    assertThatThrownBy(() -> handler.get("c").get("k", String.class))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("127.0.0.1:" + port)
        .hasMessageNotContaining(PASSWORD);
  }
}
