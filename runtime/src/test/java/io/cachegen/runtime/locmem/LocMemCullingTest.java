package io.cachegen.runtime.locmem;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.test.ManualTicker;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** max_entries and cull_frequency, as Django's locmem tests check them. */
class LocMemCullingTest {
  private CacheHandler handler;

  private LocMemCache cache(int maxEntries, int cullFrequency) {
    handler =
        CacheHandler.builder()
            .config(
                CacheConfig.fromMap(
                    Map.of(
                        "caches.default.options.max_entries", String.valueOf(maxEntries),
                        "caches.default.options.cull_frequency", String.valueOf(cullFrequency))))
            .ticker(new ManualTicker())
            .build();
    return (LocMemCache) handler.cache();
  }

  @AfterEach
  void close() {
    handler.close();
  }

  @Test
  void neverHoldsMoreThanMaxEntries() {
    LocMemCache cache = cache(30, 3);
    for (int i = 0; i < 100; i++) {
      cache.set("k" + i, i);
      assertThat(cache.size()).isLessThanOrEqualTo(30);
    }
  }

  @Test
  void aFullCacheCullsAThirdLeastRecentlyUsedFirst() {
    LocMemCache cache = cache(30, 3);
    IntStream.range(0, 30).forEach(i -> cache.set("k" + i, i));
    cache.get("k0", Integer.class);
    cache.set("new", 1);
    assertThat(cache.size()).isEqualTo(30 - 10 + 1);
    assertThat(cache.hasKey("k0")).as("recently read survives").isTrue();
    assertThat(cache.hasKey("k1")).as("least recently used goes").isFalse();
    assertThat(cache.hasKey("new")).isTrue();
  }

  @Test
  void everyEntryDroppedForRoomIsCountedAsAnEvictionExpiriesAndDeletesAreNot() {
    LocMemCache cache = cache(30, 3);
    IntStream.range(0, 30).forEach(i -> cache.set("k" + i, i));
    cache.delete("k29");
    cache.set("k29", 29);
    assertThat(cache.stats().evictions()).as("a delete is not an eviction").isZero();
    cache.set("new", 1);
    assertThat(cache.stats().evictions()).as("the cull dropped a third").isEqualTo(10);
    IntStream.range(0, 9).forEach(i -> cache.set("more" + i, i));
    cache.set("one-over", 1);
    assertThat(cache.size()).isEqualTo(30 - 10 + 1);
    assertThat(cache.stats().evictions()).as("the second cull").isEqualTo(20);
  }

  @Test
  void aSharedStoresEvictionsAreNotCountedForAnyOneAlias() {
    handler =
        CacheHandler.builder()
            .config(
                CacheConfig.fromMap(
                    Map.of(
                        "caches.a.location", "shared-eviction-test",
                        "caches.a.options.max_entries", "3",
                        "caches.b.location", "shared-eviction-test",
                        "caches.b.options.max_entries", "3")))
            .ticker(new ManualTicker())
            .build();
    BaseCache a = handler.get("a");
    IntStream.range(0, 10).forEach(i -> a.set("k" + i, i));
    assertThat(a.stats().evictions()).isZero();
    assertThat(handler.get("b").stats().evictions()).isZero();
  }

  @Test
  void addToAFullCacheCullsToo() {
    LocMemCache cache = cache(30, 3);
    IntStream.range(0, 30).forEach(i -> cache.set("k" + i, i));
    cache.get("k0", Integer.class);
    assertThat(cache.add("new", 1)).isTrue();
    assertThat(cache.size()).isEqualTo(30 - 10 + 1);
    assertThat(cache.hasKey("k0")).as("recently read survives").isTrue();
    assertThat(cache.hasKey("k1")).as("least recently used goes").isFalse();
    for (int i = 0; i < 100; i++) {
      cache.add("a" + i, i);
      assertThat(cache.size()).isLessThanOrEqualTo(30);
    }
  }

  @Test
  void cullFrequencyZeroClearsTheWholeCache() {
    LocMemCache cache = cache(10, 0);
    IntStream.range(0, 10).forEach(i -> cache.set("k" + i, i));
    cache.set("new", 1);
    assertThat(cache.size()).isEqualTo(1);
    assertThat(cache.hasKey("new")).isTrue();
  }

  @Test
  void overwritingAKeyInAFullCacheCullsNothing() {
    LocMemCache cache = cache(10, 2);
    IntStream.range(0, 10).forEach(i -> cache.set("k" + i, i));
    cache.set("k5", 55);
    assertThat(cache.size()).isEqualTo(10);
  }

  @Test
  void cachesWithTheSameLocationShareAStoreAndOthersDoNot() {
    handler =
        CacheHandler.builder()
            .config(
                CacheConfig.fromMap(
                    Map.of(
                        "caches.a.location",
                        "shared",
                        "caches.a.key_prefix",
                        "p",
                        "caches.b.location",
                        "shared",
                        "caches.b.key_prefix",
                        "p",
                        "caches.c.location",
                        "elsewhere",
                        "caches.c.key_prefix",
                        "p")))
            .build();
    BaseCache a = handler.get("a");
    a.set("k", "v");
    assertThat(handler.get("b").get("k", String.class)).isEqualTo("v");
    assertThat(handler.get("c").get("k", String.class)).isNull();
  }
}
