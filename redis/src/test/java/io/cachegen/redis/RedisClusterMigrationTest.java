package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.JedisClusterCRC16;
import redis.clients.jedis.util.SafeEncoder;

/**
 * A slot moved between primaries while several threads read and write its keys ({@code
 * ignore_exceptions=false}, so any failure reaches the test): the client follows {@code ASK} during
 * the move and {@code MOVED} after it, and no operation fails or reads a wrong value.
 */
@Tag("redis")
class RedisClusterMigrationTest {
  private RedisClusterFixture cluster;
  private CacheHandler handler;

  @BeforeEach
  void start() {
    cluster = RedisClusterFixture.start(3, 0);
    handler = cluster.handler("mig");
  }

  @AfterEach
  void stop() {
    handler.close();
    cluster.close();
  }

  private static String nodeId(UnifiedJedis node) {
    return SafeEncoder.encode((byte[]) node.sendCommand(Protocol.Command.CLUSTER, "MYID"));
  }

  private static Object cluster(UnifiedJedis node, String... args) {
    return node.sendCommand(Protocol.Command.CLUSTER, args);
  }

  @Test
  void aSlotMovedUnderLoadLosesNoOperation() throws Exception {
    RedisCache cache = (RedisCache) handler.get("c");
    // every key in one slot: the hash tag {moving}
    int keys = 50;
    for (int i = 0; i < keys; i++) {
      cache.set("{moving}k" + i, 0L);
    }
    int slot = JedisClusterCRC16.getSlot("moving");
    RedisFixture.Server source = null;
    RedisFixture.Server target = null;
    for (RedisFixture.Server n : cluster.primaries()) {
      try (UnifiedJedis j = RedisFixture.directClient(n.url())) {
        long count = (Long) cluster(j, "COUNTKEYSINSLOT", Integer.toString(slot));
        if (count > 0) {
          source = n;
        } else if (target == null) {
          target = n;
        }
      }
    }
    assertThat(source).isNotNull();
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicLong operations = new AtomicLong();
    List<Thread> workers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int offset = t;
      Thread w =
          new Thread(
              () -> {
                int i = offset;
                while (running.get()) {
                  String key = "{moving}k" + (i++ % keys);
                  try {
                    Long before = cache.get(key, Long.class);
                    if (before == null) {
                      errors.add(new AssertionError(key + " read as missing"));
                    }
                    cache.incr(key, 1);
                    operations.incrementAndGet();
                  } catch (Throwable e) {
                    errors.add(e);
                  }
                }
              });
      workers.add(w);
      w.start();
    }
    try (UnifiedJedis src = RedisFixture.directClient(source.url());
        UnifiedJedis dst = RedisFixture.directClient(target.url())) {
      String srcId = nodeId(src);
      String dstId = nodeId(dst);
      String s = Integer.toString(slot);
      cluster(dst, "SETSLOT", s, "IMPORTING", srcId);
      cluster(src, "SETSLOT", s, "MIGRATING", dstId);
      while (true) {
        @SuppressWarnings("unchecked")
        List<byte[]> batch = (List<byte[]>) cluster(src, "GETKEYSINSLOT", s, "10");
        if (batch.isEmpty()) {
          break;
        }
        List<String> args =
            new ArrayList<>(List.of("127.0.0.1", Integer.toString(target.port()), "", "0", "5000"));
        args.add("KEYS");
        batch.forEach(k -> args.add(SafeEncoder.encode(k)));
        src.sendCommand(Protocol.Command.MIGRATE, args.toArray(String[]::new));
      }
      for (RedisFixture.Server n : cluster.primaries()) {
        try (UnifiedJedis j = RedisFixture.directClient(n.url())) {
          cluster(j, "SETSLOT", s, "NODE", dstId);
        }
      }
    }
    long afterMove = operations.get();
    Eventually.within(
        java.time.Duration.ofSeconds(10),
        "operations going on after the move",
        () -> operations.get() > afterMove + 200);
    running.set(false);
    for (Thread w : workers) {
      w.join(5000);
    }
    assertThat(errors).as("no operation failed or read a wrong value").isEmpty();
    long total = 0;
    for (int i = 0; i < keys; i++) {
      total += cache.get("{moving}k" + i, Long.class);
    }
    assertThat(total).as("every increment kept").isEqualTo(operations.get());
    try (UnifiedJedis dst = RedisFixture.directClient(target.url())) {
      assertThat((Long) cluster(dst, "COUNTKEYSINSLOT", Integer.toString(slot))).isEqualTo(keys);
    }
  }
}
