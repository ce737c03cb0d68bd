package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.cachegen.runtime.CacheKeyNotFoundException;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.LogCapture;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;

/** Redis specifics on {@link RedisFixture#shared()}: storage layout, extras, locks, bad data. */
@Tag("redis")
class RedisCacheTest {
  private RedisCache cache;
  private UnifiedJedis redis;

  /** A plain bean, to show that a type hint in a payload is ignored. */
  public static final class Bean {
    public String name;
  }

  @BeforeEach
  void open() {
    cache = RedisFixture.cache(RedisFixture.shared(), Map.of());
    redis = RedisFixture.directClient(RedisFixture.shared());
  }

  @AfterEach
  void close() {
    cache.clear();
    cache.close();
    redis.close();
  }

  private byte[] raw(String key) {
    return redis.get(cache.makeKey(key).getBytes(StandardCharsets.UTF_8));
  }

  private void putRaw(String key, byte[] bytes) {
    redis.set(cache.makeKey(key).getBytes(StandardCharsets.UTF_8), bytes);
  }

  @Test
  void integersAreStoredAsPlainDecimalSoIncrRunsOnTheServer() {
    cache.set("n", 41L);
    assertThat(new String(raw("n"), StandardCharsets.US_ASCII)).isEqualTo("41");
    assertThat(cache.incr("n")).isEqualTo(42);
    assertThat(cache.get("n", Long.class)).isEqualTo(42L);
    assertThat(cache.get("n", Integer.class)).isEqualTo(42);
    assertThat(cache.get("n", Object.class)).isEqualTo(42);
    assertThat(cache.incr("n", Long.MAX_VALUE - 42)).isEqualTo(Long.MAX_VALUE);
    assertThat(cache.get("n", Long.class)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void incrKeepsTheServerSideTtlAndNeverCreatesAKey() {
    cache.set("n", 1, Timeout.seconds(100));
    cache.incr("n", 5);
    assertThat(cache.pttl("n").toMillis()).isBetween(90_000L, 100_000L);
    assertThatThrownBy(() -> cache.incr("missing")).isInstanceOf(CacheKeyNotFoundException.class);
    assertThat(redis.exists(cache.makeKey("missing"))).isFalse();
  }

  @Test
  void incrOnAnOverflowOrANonIntegerIsAValueError() {
    cache.set("big", Long.MAX_VALUE);
    assertThatThrownBy(() -> cache.incr("big")).isInstanceOf(CacheValueException.class);
    cache.set("f", 1.5);
    assertThatThrownBy(() -> cache.incr("f"))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("'f'");
    assertThat(cache.get("f", Double.class)).isEqualTo(1.5);
  }

  @Test
  void timeoutsMapToServerSideTtls() {
    cache.set("default", "v");
    cache.set("never", "v", Timeout.NEVER);
    cache.set("ms", "v", Timeout.of(Duration.ofMillis(90_500)));
    assertThat(cache.ttl("default").toMillis()).isBetween(295_000L, 300_000L);
    assertThat(cache.ttl("never")).isEqualTo(Timeout.NEVER);
    assertThat(cache.pttl("ms").toMillis()).isBetween(80_000L, 90_500L);
    assertThat(cache.ttl("missing")).isEqualTo(Timeout.NOW);
    cache.set("never", "v2", Timeout.seconds(0));
    assertThat(redis.exists(cache.makeKey("never"))).isFalse();
  }

  @Test
  void expirePersistAndExpireAt() {
    cache.set("k", "v", Timeout.NEVER);
    assertThat(cache.expire("k", 50)).isTrue();
    assertThat(cache.ttl("k").toMillis()).isBetween(45_000L, 50_000L);
    assertThat(cache.pexpire("k", 70_000)).isTrue();
    assertThat(cache.pttl("k").toMillis()).isBetween(60_000L, 70_000L);
    assertThat(cache.persist("k")).isTrue();
    assertThat(cache.ttl("k")).isEqualTo(Timeout.NEVER);
    assertThat(cache.persist("k"))
        .as("persist of a key without TTL still reports it exists")
        .isTrue();
    assertThat(cache.expireAt("k", Instant.now().plusSeconds(30))).isTrue();
    assertThat(cache.ttl("k").toMillis()).isBetween(25_000L, 30_000L);
    assertThat(cache.expire("missing", 5)).isFalse();
    assertThat(cache.persist("missing")).isFalse();
    assertThat(cache.touch("k", Timeout.NEVER)).isTrue();
    assertThat(cache.ttl("k")).isEqualTo(Timeout.NEVER);
  }

  @Test
  void setWithNxAndXx() {
    assertThat(cache.set("k", "a", Timeout.DEFAULT, false, true)).isFalse();
    assertThat(cache.set("k", "a", Timeout.DEFAULT, true, false)).isTrue();
    assertThat(cache.set("k", "b", Timeout.DEFAULT, true, false)).isFalse();
    assertThat(cache.set("k", "c", Timeout.DEFAULT, false, true)).isTrue();
    assertThat(cache.get("k", String.class)).isEqualTo("c");
    assertThatThrownBy(() -> cache.set("k", "d", Timeout.DEFAULT, true, true))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void incrVersionKeepsValueAndTtl() {
    cache.set("k", "v", Timeout.seconds(100));
    assertThat(cache.incrVersion("k")).isEqualTo(2);
    assertThat(cache.get("k", ValueType.of(String.class), null, 2)).isEqualTo("v");
    assertThat(redis.pttl(cache.makeKey("k", 2))).isBetween(90_000L, 100_000L);
    assertThat(cache.hasKey("k")).isFalse();
  }

  @Test
  void deletePatternAndIterKeysUseScanOverThisAliasOnly() {
    RedisCache other = RedisFixture.cache(RedisFixture.shared(), Map.of());
    try {
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < 2500; i++) {
        values.put("user:" + i, i);
      }
      values.put("session:1", "s");
      cache.setMany(values);
      other.set("user:1", "theirs");
      assertThat(cache.iterKeys("user:*")).hasSize(2500).contains("user:0", "user:2499");
      assertThat(cache.iterKeys("session:*")).containsExactly("session:1");
      assertThat(cache.deletePattern("user:*")).isEqualTo(2500);
      assertThat(cache.hasKey("user:7")).isFalse();
      assertThat(cache.hasKey("session:1")).isTrue();
      assertThat(other.get("user:1", String.class)).isEqualTo("theirs");
    } finally {
      other.clear();
      other.close();
    }
  }

  @Test
  void clearRemovesOnlyThisPrefixAndEscapesGlobCharacters() {
    // the prefixes differ only by the star: an unescaped "u*" would match "u" and "uX" keys too
    String u = RedisFixture.uniquePrefix();
    RedisCache starry = RedisFixture.cache(RedisFixture.shared(), Map.of("key_prefix", u + "*"));
    RedisCache plain = RedisFixture.cache(RedisFixture.shared(), Map.of("key_prefix", u));
    RedisCache longer = RedisFixture.cache(RedisFixture.shared(), Map.of("key_prefix", u + "X"));
    try {
      starry.set("a", 1);
      plain.set("a", 2);
      longer.set("a", 3);
      starry.clear();
      assertThat(starry.hasKey("a")).isFalse();
      assertThat(plain.get("a", Integer.class)).isEqualTo(2);
      assertThat(longer.get("a", Integer.class)).isEqualTo(3);
    } finally {
      plain.clear();
      longer.clear();
      plain.close();
      longer.close();
      starry.close();
    }
  }

  @Test
  void clearTakesEveryVersionButNotALongerPrefixAfterAColon() {
    RedisCache sessions =
        RedisFixture.cache(
            RedisFixture.shared(), Map.of("key_prefix", cache.keyPrefix() + ":sessions"));
    try {
      cache.set("a", 1);
      cache.set("a", 2, Timeout.DEFAULT, 7);
      sessions.set("a", 3);
      cache.clear();
      assertThat(cache.hasKey("a")).isFalse();
      assertThat(cache.hasKey("a", 7)).isFalse();
      assertThat(sessions.get("a", Integer.class)).isEqualTo(3);
    } finally {
      sessions.clear();
      sessions.close();
    }
  }

  @Test
  void withAnEmptyPrefixClearTakesOnlyKeysShapedLikeItsOwn() {
    try (RedisFixture.Server server = RedisFixture.startPrivate();
        UnifiedJedis direct = RedisFixture.directClient(server.url());
        RedisCache bare = RedisFixture.cache(server.url(), Map.of("key_prefix", ""))) {
      direct.set("foreign", "x");
      direct.set("web:1:k", "x");
      direct.set("session:abc", "x");
      bare.set("a", 1);
      bare.set("b", 2, Timeout.DEFAULT, 3);
      assertThat(direct.exists(":1:a")).isTrue();
      bare.clear();
      assertThat(direct.exists(":1:a")).isFalse();
      assertThat(direct.exists(":3:b")).isFalse();
      assertThat(direct.exists("foreign")).isTrue();
      assertThat(direct.exists("web:1:k")).isTrue();
      assertThat(direct.exists("session:abc")).isTrue();
    }
  }

  @Test
  void clearFlushesTheDbOnlyWhenAsked() {
    try (RedisFixture.Server server = RedisFixture.startPrivate();
        UnifiedJedis direct = RedisFixture.directClient(server.url())) {
      direct.set("foreign", "x");
      RedisCache keeps = RedisFixture.cache(server.url(), Map.of());
      keeps.set("a", 1);
      keeps.clear();
      assertThat(direct.exists("foreign")).isTrue();
      keeps.close();
      RedisCache flushes =
          RedisFixture.cache(server.url(), Map.of("options.clear_flushes_db", "true"));
      flushes.set("a", 1);
      flushes.clear();
      assertThat(direct.exists("foreign")).isFalse();
      flushes.close();
    }
  }

  @Test
  void getManyIsOneMgetAndSetManyOnePipeline() {
    Map<String, Object> values = new HashMap<>();
    values.put("a", 1);
    values.put("b", "two");
    values.put("c", null);
    assertThat(cache.setMany(values, Timeout.seconds(100))).isEmpty();
    assertThat(cache.getMany(List.of("a", "b", "c", "zz"), Object.class))
        .containsEntry("a", 1)
        .containsEntry("b", "two")
        .containsEntry("c", null)
        .doesNotContainKey("zz");
    assertThat(redis.pttl(cache.makeKey("b"))).isBetween(90_000L, 100_000L);
    cache.deleteMany(List.of("a", "b", "c"));
    assertThat(cache.getMany(List.of("a", "b", "c"), Object.class)).isEmpty();
  }

  @Test
  void corruptBytesAreAMissUntilOverwritten() {
    try (LogCapture log = LogCapture.start()) {
      putRaw("k", new byte[] {(byte) 0xff, 0x00, 0x13, 0x37});
      assertThat(cache.get("k", String.class, "dflt")).isEqualTo("dflt");
      assertThat(cache.getMany(List.of("k"), String.class)).isEmpty();
      assertThat(cache.get("k", String.class, "dflt")).isEqualTo("dflt");
      assertThat(log.count("under key '" + cache.makeKey("k") + "' is unreadable"))
          .as("logged once per interval")
          .isEqualTo(1);
      cache.set("k", "fixed");
      assertThat(cache.get("k", String.class)).isEqualTo("fixed");
    }
  }

  private static final ValueType<List<String>> STRINGS = new ValueType<List<String>>() {};

  @Test
  void wrongJsonTypesAreMissesUntilOverwritten() {
    try (LogCapture log = LogCapture.start()) {
      putRaw("ints", "[0,1,2]".getBytes(StandardCharsets.UTF_8));
      putRaw("mixed", "[true,1.5,null]".getBytes(StandardCharsets.UTF_8));
      assertThat(cache.get("ints", STRINGS, null)).isNull();
      assertThat(cache.get("mixed", STRINGS, null)).isNull();
      assertThat(cache.getMany(List.of("ints", "mixed"), STRINGS)).isEmpty();
      assertThat(log.count("under key '" + cache.makeKey("ints") + "' is unreadable")).isEqualTo(1);
      assertThat(log.count("is unreadable")).as("one line per alias per interval").isEqualTo(1);
      cache.set("ints", List.of("0", "1", "2"));
      assertThat(cache.get("ints", STRINGS, null)).containsExactly("0", "1", "2");
    }
  }

  @Test
  void manyUnreadableKeysLogOneLinePerInterval() {
    try (LogCapture log = LogCapture.start()) {
      for (int i = 0; i < 1_000; i++) {
        putRaw("bad" + i, new byte[] {(byte) 0xff});
      }
      for (int i = 0; i < 1_000; i++) {
        assertThat(cache.get("bad" + i, String.class, "dflt")).isEqualTo("dflt");
      }
      assertThat(log.count("is unreadable")).as("one line per alias per interval").isEqualTo(1);
    }
  }

  @Test
  void aKeyMemcachedCouldNotTakeIsWarnedAboutOncePerKey() {
    try (LogCapture log = LogCapture.start()) {
      cache.set("a key with spaces", 1);
      cache.get("a key with spaces", Integer.class);
      cache.set("x".repeat(300), 1);
      assertThat(
              log.count(
                  "key '"
                      + cache.makeKey("a key with spaces")
                      + "' contains characters that would cause errors with memcached"))
          .isEqualTo(1);
      assertThat(log.count("is longer than 250 characters")).isEqualTo(1);
      assertThat(cache.get("a key with spaces", Integer.class))
          .as("it still works here")
          .isEqualTo(1);
    }
  }

  @Test
  void batchOperationsAreOneRoundTripAndScansNeverUseKeys() {
    assumeTrue(
        RedisFixture.sharedIsPrivate(),
        "counts commands with INFO commandstats: only on a server the fixture started, alone");
    Map<String, Object> values = new LinkedHashMap<>();
    for (int i = 0; i < 50; i++) {
      values.put("k" + i, "v" + i);
    }
    Map<String, Long> before = CommandStats.calls(redis);
    assertThat(cache.setMany(values)).isEmpty();
    Map<String, Long> afterSet = CommandStats.calls(redis);
    // one pipeline: 50 SETs sent together, and nothing else per key
    assertThat(CommandStats.delta(before, afterSet))
        .containsEntry("set", 50L)
        .doesNotContainKeys("get", "mset", "exists");
    assertThat(cache.getMany(values.keySet(), String.class)).hasSize(50);
    Map<String, Long> afterGet = CommandStats.calls(redis);
    assertThat(CommandStats.delta(afterSet, afterGet))
        .containsEntry("mget", 1L)
        .doesNotContainKey("get");
    cache.deleteMany(List.of("k0", "k1", "k2"));
    Map<String, Long> afterDelete = CommandStats.calls(redis);
    assertThat(CommandStats.delta(afterGet, afterDelete))
        .containsEntry("unlink", 1L)
        .doesNotContainKey("del");
    assertThat(cache.iterKeys("k1*").sorted().toList()).hasSize(10);
    assertThat(cache.deletePattern("k4*")).isEqualTo(11); // k4 and k40..k49
    cache.clear();
    Map<String, Long> afterScans = CommandStats.calls(redis);
    assertThat(CommandStats.delta(afterDelete, afterScans))
        .containsKey("scan")
        .doesNotContainKey("keys");
  }

  @Test
  void optionsDbIsUsedWhenTheUrlNamesNone() {
    java.net.URI shared = java.net.URI.create(RedisFixture.shared());
    String noDb = shared.getScheme() + "://" + shared.getRawAuthority();
    try (RedisCache inDb3 = RedisFixture.cache(noDb, Map.of("options.db", "3"));
        UnifiedJedis db3 = RedisFixture.directClient(noDb + "/3")) {
      inDb3.set("k", "in db 3");
      assertThat(StoredValues.text(db3.get(inDb3.makeKey("k").getBytes(StandardCharsets.UTF_8))))
          .isEqualTo("\"in db 3\"");
      assertThat(redis.exists(inDb3.makeKey("k"))).as("not in the URL's default db").isFalse();
      inDb3.clear();
    }
  }

  @Test
  void clientNameIsSetOnEveryConnection() {
    String name = "cachegen-" + RedisFixture.uniquePrefix();
    try (RedisCache named =
        RedisFixture.cache(RedisFixture.shared(), Map.of("options.client_name", name))) {
      named.set("k", 1);
      Object list = redis.sendCommand(Protocol.Command.CLIENT, "LIST");
      assertThat(new String((byte[]) list, StandardCharsets.UTF_8)).contains("name=" + name + " ");
    }
  }

  @Test
  void aValueThatDecompressesPastMaxValueSizeIsAMissLoggedOnce() throws Exception {
    RedisCache bounded =
        RedisFixture.cache(
            RedisFixture.shared(),
            Map.of(
                "options.compressor", "gzip", "options.max_value_size", Integer.toString(1 << 20)));
    RedisCache unbounded =
        RedisFixture.cache(
            RedisFixture.shared(),
            Map.of("key_prefix", bounded.keyPrefix(), "options.compressor", "gzip"));
    try (LogCapture log = LogCapture.start()) {
      // a "bomb": a few KiB in Redis, a 4 MiB JSON string once decompressed
      String big = "x".repeat(4 << 20);
      byte[] bomb =
          Compressor.Builtin.GZIP.compress(("\"" + big + "\"").getBytes(StandardCharsets.UTF_8));
      assertThat(bomb.length).isLessThan(64 * 1024);
      redis.set(bounded.makeKey("bomb").getBytes(StandardCharsets.UTF_8), bomb);
      assertThat(bounded.get("bomb", String.class, "dflt")).isEqualTo("dflt");
      assertThat(bounded.get("bomb", String.class, "dflt")).isEqualTo("dflt");
      assertThat(bounded.getMany(List.of("bomb"), String.class)).isEmpty();
      assertThat(log.count("decompresses to more than 1048576 bytes")).isEqualTo(1);
      assertThat(log.text()).contains(bounded.makeKey("bomb"));
      // the same bytes are a valid value under the default bound: the bound made the miss
      assertThat(unbounded.get("bomb", String.class)).hasSize(big.length());
    } finally {
      unbounded.close();
      bounded.clear();
      bounded.close();
    }
  }

  @Test
  void compressMinSizeStoresSmallValuesPlainAndLargerOnesCompressed() {
    RedisCache gzip =
        RedisFixture.cache(
            RedisFixture.shared(),
            Map.of("options.compressor", "gzip", "options.compress_min_size", "100"));
    try {
      String below = "b".repeat(97); // 99 bytes of JSON
      String at = "a".repeat(98); // 100 bytes
      String above = "c".repeat(500);
      gzip.set("below", below);
      gzip.set("at", at);
      gzip.set("above", above);
      byte[] storedBelow = redis.get(gzip.makeKey("below").getBytes(StandardCharsets.UTF_8));
      assertThat(StoredValues.text(storedBelow)).isEqualTo("\"" + below + "\"");
      for (String key : List.of("at", "above")) {
        byte[] stored = redis.get(gzip.makeKey(key).getBytes(StandardCharsets.UTF_8));
        assertThat(Compressor.Builtin.GZIP.recognises(StoredValues.compressedBody(stored)))
            .as(key)
            .isTrue();
      }
      assertThat(gzip.get("below", String.class)).isEqualTo(below);
      assertThat(gzip.get("at", String.class)).isEqualTo(at);
      assertThat(gzip.get("above", String.class)).isEqualTo(above);
    } finally {
      gzip.clear();
      gzip.close();
    }
  }

  @Test
  void aValueLargerThanMaxValueSizeIsNotStoredAndDropsTheOldOne() {
    // Stored, it would read back as unreadable (a miss) on every call: the method would recompute
    // forever. So it is refused, and the key's older value is dropped rather than served stale.
    RedisCache gzip =
        RedisFixture.cache(
            RedisFixture.shared(),
            Map.of(
                "options.compressor",
                "gzip",
                "options.compress_min_size",
                "0",
                "options.max_value_size",
                "1024"));
    try {
      assertThat(gzip.set("k", "small")).isTrue();
      assertThat(gzip.set("k", "x".repeat(2000))).isFalse();
      assertThat(gzip.get("k", String.class, "missing")).isEqualTo("missing");
      assertThat(redis.exists(gzip.makeKey("k"))).isFalse();
      assertThat(gzip.add("k", "y".repeat(2000))).isFalse();
      assertThat(gzip.setMany(Map.of("a", "z".repeat(2000), "b", "fits"))).containsExactly("a");
      assertThat(gzip.get("b", String.class)).isEqualTo("fits");
      assertThat(gzip.set("k", "x".repeat(1000))).isTrue(); // 1,002 bytes of JSON: fits
      assertThat(gzip.get("k", String.class)).isEqualTo("x".repeat(1000));
    } finally {
      gzip.clear();
      gzip.close();
    }
  }

  @Test
  void anAliasWithoutACompressorReadsCompressedValuesAsAMissUntilOverwritten() {
    RedisCache gzip =
        RedisFixture.cache(
            RedisFixture.shared(),
            Map.of("options.compressor", "gzip", "options.compress_min_size", "0"));
    RedisCache none =
        RedisFixture.cache(RedisFixture.shared(), Map.of("key_prefix", gzip.keyPrefix()));
    try (LogCapture log = LogCapture.start()) {
      gzip.set("k", "from the gzip alias");
      assertThat(none.get("k", String.class, "dflt")).isEqualTo("dflt");
      assertThat(none.get("k", String.class, "dflt")).isEqualTo("dflt");
      assertThat(none.getMany(List.of("k"), String.class)).isEmpty();
      assertThat(log.count("under key '" + none.makeKey("k") + "' is unreadable"))
          .as("logged once per interval")
          .isEqualTo(1);
      assertThat(log.text()).contains("options.compressor is none");
      none.set("k", "from the plain alias");
      byte[] stored = redis.get(none.makeKey("k").getBytes(StandardCharsets.UTF_8));
      assertThat(StoredValues.text(stored)).isEqualTo("\"from the plain alias\"");
      assertThat(none.get("k", String.class)).isEqualTo("from the plain alias");
      assertThat(gzip.get("k", String.class))
          .as("a compressing alias reads plain values")
          .isEqualTo("from the plain alias");
    } finally {
      none.close();
      gzip.clear();
      gzip.close();
    }
  }

  @Test
  void aKeyOfAnotherRedisTypeIsAMiss() {
    redis.lpush(cache.makeKey("list"), "x");
    assertThat(cache.get("list", String.class, "dflt")).isEqualTo("dflt");
  }

  @Test
  void typeHintsInAPayloadAreNeverFollowed() {
    AtomicInteger before = new AtomicInteger(GadgetProbe.CREATED.get());
    String gadget = "[\"" + GadgetProbe.class.getName() + "\",{\"cmd\":\"touch /tmp/pwned\"}]";
    putRaw("g", gadget.getBytes(StandardCharsets.UTF_8));
    Object read = cache.get("g", Object.class);
    assertThat(read).isInstanceOf(List.class);
    assertThat(((List<?>) read).get(0)).isEqualTo(GadgetProbe.class.getName());
    assertThat(cache.get("g", Bean.class)).isNull();
    putRaw(
        "h",
        ("{\"@class\":\"" + GadgetProbe.class.getName() + "\",\"cmd\":\"x\"}")
            .getBytes(StandardCharsets.UTF_8));
    Object map = cache.get("h", Object.class);
    assertThat(map).isInstanceOf(Map.class);
    assertThat(cache.get("h", Bean.class)).isNull();
    assertThat(GadgetProbe.CREATED.get()).isEqualTo(before.get());
  }

  /** Counts its instances: a gadget that must never be built from a payload. */
  public static final class GadgetProbe {
    static final AtomicInteger CREATED = new AtomicInteger();
    public String cmd;

    public GadgetProbe() {
      CREATED.incrementAndGet();
    }
  }

  @Test
  void smileAndCompressionRoundTripAndStillIncr() {
    RedisCache smile =
        RedisFixture.cache(
            RedisFixture.shared(),
            Map.of(
                "options.serializer",
                "smile",
                "options.compressor",
                "gzip",
                "options.compress_min_size",
                "10"));
    try {
      String big = "x".repeat(5000);
      smile.set("big", big);
      byte[] stored = redis.get(smile.makeKey("big").getBytes(StandardCharsets.UTF_8));
      assertThat(stored.length).isLessThan(200);
      assertThat(StoredValues.compressedBody(stored)[0] & 0xff).isEqualTo(0x1f);
      assertThat(smile.get("big", String.class)).isEqualTo(big);
      smile.set("small", "hi");
      assertThat(smile.get("small", String.class)).isEqualTo("hi");
      smile.set("n", 7);
      assertThat(smile.incr("n")).isEqualTo(8);
      assertThat(smile.get("n", Integer.class)).isEqualTo(8);
      // a value written by the JSON alias without compression reads back too
      redis.set(
          smile.makeKey("fromJson").getBytes(StandardCharsets.UTF_8),
          cache.options().compressor().compress("\"json\"".getBytes(StandardCharsets.UTF_8)));
      RedisCache zlib =
          RedisFixture.cache(
              RedisFixture.shared(),
              Map.of(
                  "key_prefix",
                  smile.keyPrefix(),
                  "options.compressor",
                  "zlib",
                  "options.compress_min_size",
                  "0"));
      zlib.set("z", List.of("a", "b"));
      assertThat(zlib.get("z", Object.class)).isEqualTo(List.of("a", "b"));
      assertThat(zlib.get("big", String.class))
          .as("gzip is recognised by an alias on zlib")
          .isNull(); // smile bytes are not JSON: a miss, not an error
      zlib.close();
    } finally {
      smile.clear();
      smile.close();
    }
  }

  @Test
  void lockIsExclusiveReleasedByOwnerOnlyAndBoundedByItsWait() throws Exception {
    try (RedisLock lock = cache.lock("job", Duration.ofSeconds(30))) {
      assertThat(redis.pttl(lock.key())).isBetween(20_000L, 30_000L);
      long start = System.nanoTime();
      assertThatThrownBy(() -> cache.lock("job", Duration.ofSeconds(30), Duration.ofMillis(200)))
          .isInstanceOf(RedisLockException.class)
          .hasMessageContaining("job");
      // it waited its whole wait (its deadline is on the same clock) and gave up
      assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start))
          .isGreaterThanOrEqualTo(200L);
      assertThat(cache.tryLock(lock.key(), Duration.ofSeconds(1), Duration.ZERO)).isNull();
      // someone else's lock with the same name is never released by us
      assertThat(lock.extend(Duration.ofSeconds(60))).isTrue();
    }
    try (RedisLock again = cache.lock("job", Duration.ofSeconds(30), Duration.ZERO)) {
      redis.set(again.key(), "someone-else");
    }
    assertThat(redis.get(cache.makeKey("job"))).isEqualTo("someone-else");
    redis.del(cache.makeKey("job"));

    // a real critical section: a read-modify-write of a plain Redis value (GET, then SET) that
    // loses updates unless the holders are exclusive; plus a count of concurrent holders
    String counter = cache.makeKey("counter");
    redis.set(counter, "0");
    int threads = 4;
    int rounds = 25;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger inside = new AtomicInteger();
    AtomicInteger maxInside = new AtomicInteger();
    java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(threads);
    try {
      List<Future<?>> futures = new java.util.ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(
            pool.submit(
                () -> {
                  start.await();
                  for (int j = 0; j < rounds; j++) {
                    try (RedisLock l =
                        cache.lock("shared", Duration.ofSeconds(30), Duration.ofSeconds(60))) {
                      maxInside.accumulateAndGet(inside.incrementAndGet(), Math::max);
                      long seen = Long.parseLong(redis.get(counter));
                      Thread.yield();
                      redis.set(counter, Long.toString(seen + 1));
                      inside.decrementAndGet();
                    }
                  }
                  return null;
                }));
      }
      for (Future<?> f : futures) {
        f.get(120, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(maxInside.get()).as("holders at once").isEqualTo(1);
    assertThat(redis.get(counter))
        .as("no update lost")
        .isEqualTo(Integer.toString(threads * rounds));
  }

  @Test
  void theProviderIsFoundByName() {
    assertThat(cache).isInstanceOf(RedisCache.class);
    assertThat(cache.client().servers()).hasSize(1);
  }
}
