package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConnectionException;
import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.LogCapture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/**
 * Servers that answer but refuse the command: a full server ({@code maxmemory} with {@code
 * noeviction}: OOM) and a read-only replica used as the primary (READONLY). These are outages to
 * the failure policy ({@link RedisUnavailableException}), unlike WRONGTYPE, which is a data error.
 * Each test starts its own private servers.
 */
@Tag("redis")
class RedisRefusalTest {
  private final List<AutoCloseable> opened = new ArrayList<>();

  @AfterEach
  void stop() throws Exception {
    for (int i = opened.size() - 1; i >= 0; i--) {
      opened.get(i).close();
    }
  }

  private <T extends AutoCloseable> T open(T resource) {
    opened.add(resource);
    return resource;
  }

  private RedisCache cache(RedisFixture.Server server, boolean ignoreExceptions) {
    return open(
        RedisFixture.cache(
            server.url(),
            Map.of(
                "options.ignore_exceptions",
                Boolean.toString(ignoreExceptions),
                "options.socket_timeout",
                "0.5")));
  }

  @Test
  void aFullServerRefusingWritesIsAnOutageThatReachesTheCallerByDefault() {
    RedisFixture.Server server = open(RefusingServers.full());
    RedisCache cache = cache(server, false);
    assertThat(cache.get("k", String.class, "dflt")).as("reads still work").isEqualTo("dflt");
    assertThatThrownBy(() -> cache.set("k", "v"))
        .isInstanceOf(RedisUnavailableException.class)
        .isInstanceOf(CacheConnectionException.class)
        .hasMessageContaining(server.hostAndPort())
        .hasMessageContaining("OOM");
    assertThatThrownBy(() -> cache.add("k", "v")).isInstanceOf(RedisUnavailableException.class);
    assertThatThrownBy(
            () -> cache.tryLock(cache.makeKey("l"), Duration.ofSeconds(1), Duration.ZERO))
        .isInstanceOf(RedisUnavailableException.class);
  }

  @Test
  void aFullServerRefusingWritesIsIgnoredWithIgnoreExceptions() {
    RedisCache cache = cache(open(RefusingServers.full()), true);
    assertThat(cache.set("k", "v")).isFalse();
    assertThat(cache.add("k", "v")).isFalse();
    assertThat(cache.setMany(Map.of("a", 1))).containsExactly("a");
    assertThat(cache.getOrSet("k", String.class, () -> "computed")).isEqualTo("computed");
    try (var lease = cache.tryLock(cache.makeKey("l"), Duration.ofSeconds(1), Duration.ZERO)) {
      assertThat(lease).as("a lease that holds nothing, so the caller computes").isNotNull();
    }
    // set, add, getOrSet's store, the lock; setMany reports its failed keys in its result
    assertThat(cache.ignoredFailures()).isEqualTo(4);
  }

  @Test
  void aReadOnlyReplicaUsedAsPrimaryIsAnOutageThatReachesTheCallerByDefault() {
    RedisFixture.Server replica = open(RefusingServers.readOnlyReplica());
    RedisCache cache = cache(replica, false);
    assertThat(cache.get("k", String.class, "dflt")).isEqualTo("dflt");
    assertThatThrownBy(() -> cache.set("k", "v"))
        .isInstanceOf(RedisUnavailableException.class)
        .hasMessageContaining(replica.hostAndPort())
        .hasMessageContaining("READONLY");
    assertThatThrownBy(() -> cache.delete("k")).isInstanceOf(RedisUnavailableException.class);
  }

  @Test
  void aReadOnlyReplicaUsedAsPrimaryIsIgnoredWithIgnoreExceptions() {
    RedisCache cache = cache(open(RefusingServers.readOnlyReplica()), true);
    assertThat(cache.set("k", "v")).isFalse();
    assertThat(cache.delete("k")).isFalse();
    cache.deleteMany(List.of("a", "b"));
    assertThat(cache.get("k", String.class, "dflt")).isEqualTo("dflt");
    assertThat(cache.ignoredFailures()).isEqualTo(3);
  }

  @Test
  void ignoredRefusalsAreLoggedOncePerCategoryAndIntervalOrNotAtAll() {
    RedisFixture.Server replica = open(RefusingServers.readOnlyReplica());
    RedisCache logged = cache(replica, true);
    RedisCache quiet =
        open(
            RedisFixture.cache(
                replica.url(),
                Map.of(
                    "options.ignore_exceptions",
                    "true",
                    "options.log_ignored_exceptions",
                    "false")));
    try (LogCapture log = LogCapture.start()) {
      for (int i = 0; i < 200; i++) {
        logged.set("k" + i, "v");
        logged.delete("k" + i);
        quiet.set("k" + i, "v");
      }
      assertThat(log.count("cache 'redis-test': ignored a Redis failure in set")).isEqualTo(1);
      assertThat(log.count("cache 'redis-test': ignored a Redis failure in delete")).isEqualTo(1);
      assertThat(logged.ignoredFailures()).isEqualTo(400);
      assertThat(quiet.ignoredFailures()).isEqualTo(200);
      assertThat(quiet.failureWarnings()).isZero();
    }
  }

  @Test
  void aWrongTypeIsADataErrorNotAnOutage() {
    RedisFixture.Server server = open(RedisFixture.startPrivate());
    RedisCache cache = cache(server, true);
    UnifiedJedis direct = open(RedisFixture.directClient(server.url()));
    direct.rpush(cache.makeKey("list"), "a");
    assertThatThrownBy(() -> cache.incr("list"))
        .isInstanceOf(CacheValueException.class)
        .isNotInstanceOf(CacheConnectionException.class);
    assertThat(cache.ignoredFailures()).isZero();
    assertThat(DefaultClient.isRefusal("WRONGTYPE Operation against a key")).isFalse();
    assertThat(DefaultClient.isRefusal("ERR syntax error")).isFalse();
    for (String refusal :
        List.of(
            "OOM command not allowed",
            "READONLY You can't write",
            "LOADING Redis is loading",
            "BUSY Redis is busy",
            "MASTERDOWN Link is down",
            "NOREPLICAS Not enough good replicas",
            "TRYAGAIN Multiple keys",
            "CLUSTERDOWN The cluster is down")) {
      assertThat(DefaultClient.isRefusal(refusal)).as(refusal).isTrue();
    }
    assertThat(CacheException.class).isAssignableFrom(RedisUnavailableException.class);
  }
}
