package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.UnifiedJedis;

/** SCAN-based operations on their own, against {@link RedisFixture#shared()}. */
@Tag("redis")
class RedisScanTest {
  private RedisCache cache;
  private UnifiedJedis redis;
  private String base;

  @BeforeEach
  void open() {
    cache = RedisFixture.cache(RedisFixture.shared(), Map.of());
    redis = RedisFixture.directClient(RedisFixture.shared());
    base = RedisFixture.uniquePrefix() + ":";
  }

  @AfterEach
  void close() {
    new RedisScan(cache.client(), RedisScan.globEscape(base) + "*").clear();
    cache.close();
    redis.close();
  }

  private void put(String suffix, int count) {
    for (int i = 0; i < count; i++) {
      redis.set(base + suffix + i, "x");
    }
  }

  @Test
  void deleteMatchingDeletesEveryMatchAcrossScanBatchesAndCountsThem() {
    put("a", 2500); // SCAN returns at most about 1000 keys per page: three pages or more
    put("b", 3);
    RedisScan scan = new RedisScan(cache.client(), null);
    assertThat(scan.deleteMatching(RedisScan.globEscape(base) + "a*")).isEqualTo(2500);
    assertThat(redis.exists(base + "a0")).isFalse();
    assertThat(redis.exists(base + "a2499")).isFalse();
    assertThat(redis.exists(base + "b0")).isTrue();
    assertThat(scan.deleteMatching(RedisScan.globEscape(base) + "a*")).isZero();
  }

  @Test
  void keysAreReadLazilyPageByPageWithTheBaseTakenOff() {
    put("k", 1500);
    redis.set(base + "other", "x");
    RedisScan scan = new RedisScan(cache.client(), null);
    Iterator<String> keys = scan.keys(RedisScan.globEscape(base) + "k*", base).iterator();
    List<String> seen = new ArrayList<>();
    keys.forEachRemaining(seen::add);
    assertThat(seen)
        .doesNotHaveDuplicates()
        .hasSize(1500)
        .contains("k0", "k1499")
        .doesNotContain("other");
    // a key without the base comes back whole
    assertThat(scan.keys(RedisScan.globEscape(base) + "other", "no-such-base:").toList())
        .containsExactly(base + "other");
  }

  @Test
  void clearDeletesByItsPatternOnly() {
    put("mine", 3);
    redis.set(base.substring(0, base.length() - 1) + "X:1:k", "theirs");
    try {
      RedisScan scan = new RedisScan(cache.client(), RedisScan.globEscape(base) + "*");
      assertThat(scan.clearPattern()).isEqualTo(RedisScan.globEscape(base) + "*");
      scan.clear();
      assertThat(redis.exists(base + "mine0")).isFalse();
      assertThat(redis.exists(base.substring(0, base.length() - 1) + "X:1:k")).isTrue();
    } finally {
      redis.del(base.substring(0, base.length() - 1) + "X:1:k");
    }
  }

  @Test
  void clearWithoutAPatternFlushesTheDatabase() {
    try (RedisFixture.Server server = RedisFixture.startPrivate();
        UnifiedJedis direct = RedisFixture.directClient(server.url());
        RedisCache own = RedisFixture.cache(server.url(), Map.of())) {
      direct.set("foreign", "x");
      RedisScan scan = new RedisScan(own.client(), null);
      assertThat(scan.clearPattern()).isNull();
      scan.clear();
      assertThat(direct.exists("foreign")).isFalse();
    }
  }

  @Test
  void globCharactersOfTheAliasPartAreEscapedAndTheCallersPartStaysAPattern() {
    assertThat(RedisScan.globEscape("a*b?[c]\\d")).isEqualTo("a\\*b\\?\\[c\\]\\\\d");
    assertThat(RedisScan.pattern("p*:1:", "p*:1:user:*")).isEqualTo("p\\*:1:user:*");
    // a key function that does not keep the base at the start: the made pattern as it is
    assertThat(RedisScan.pattern("1|p|", "user:*|p|1")).isEqualTo("user:*|p|1");
  }
}
