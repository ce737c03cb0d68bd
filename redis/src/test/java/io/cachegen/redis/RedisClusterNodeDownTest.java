package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheHandler;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A primary with no replica dies: {@code clear()} must not report success having skipped its keys,
 * whether or not the cluster has marked it failed yet. It fails naming the node, the nodes done and
 * those not reached; with {@code ignore_exceptions=true} it is logged and skipped.
 */
@Tag("redis")
class RedisClusterNodeDownTest {
  private RedisClusterFixture cluster;
  private CacheHandler handler;

  @BeforeEach
  void start() {
    cluster = RedisClusterFixture.start(3, 0);
    handler = cluster.handler("down", "socket_timeout", "0.5", "retry_after", "0");
  }

  @AfterEach
  void stop() {
    handler.close();
    cluster.close();
  }

  @Test
  void clearWithADeadPrimaryFailsNamingItRatherThanSkippingItsKeys() {
    RedisCache cache = (RedisCache) handler.get("c");
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < 60; i++) {
      values.put("k" + i, i);
    }
    cache.setMany(values);
    RedisFixture.Server victim = cluster.primaries().get(2);
    victim.kill();
    // marked failed by the others, with no replica to take its slots
    RedisFixture.Server witness = cluster.primaries().get(0);
    Eventually.within(
        Duration.ofSeconds(10),
        "the dead primary marked failed",
        () -> {
          try (redis.clients.jedis.UnifiedJedis j = RedisFixture.directClient(witness.url())) {
            String nodes =
                redis.clients.jedis.util.SafeEncoder.encode(
                    (byte[]) j.sendCommand(redis.clients.jedis.Protocol.Command.CLUSTER, "NODES"));
            return nodes
                .lines()
                .anyMatch(l -> l.contains(":" + victim.port() + "@") && l.contains("fail"));
          }
        });
    assertThatThrownBy(cache::clear)
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("127.0.0.1:" + victim.port())
        .hasMessageContaining("stopped at cluster node");
  }

  @Test
  void withIgnoreExceptionsTheFailedClearIsLoggedAndCounted() {
    CacheHandler lenient =
        cluster.handler(
            "down2", "socket_timeout", "0.5", "retry_after", "0", "ignore_exceptions", "true");
    try {
      RedisCache cache = (RedisCache) lenient.get("c");
      cache.set("k", 1);
      cluster.primaries().get(1).kill();
      long before = cache.ignoredFailures();
      cache.clear();
      assertThat(cache.ignoredFailures()).isGreaterThan(before);
    } finally {
      lenient.close();
    }
  }
}
