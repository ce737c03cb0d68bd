package io.cachegen.runtime.locmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheKeyNotFoundException;
import io.cachegen.runtime.Timeout;
import io.cachegen.test.ManualTicker;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Locmem checks expiry itself, on every operation: an entry past its timeout behaves as absent
 * everywhere, even before anything has removed it, and expired entries are culled first.
 */
class LocMemExpiryTest {
  private final ManualTicker ticker = new ManualTicker();
  private CacheHandler handler;

  private LocMemCache cache(int maxEntries) {
    handler =
        CacheHandler.builder()
            .config(
                CacheConfig.fromMap(
                    Map.of(
                        "caches.default.options.max_entries",
                        String.valueOf(maxEntries),
                        "caches.default.options.store_by_value",
                        "false")))
            .ticker(ticker)
            .build();
    return (LocMemCache) handler.cache();
  }

  @AfterEach
  void close() {
    handler.close();
  }

  @Test
  void anExpiredEntryIsAbsentForEveryOperation() {
    LocMemCache cache = cache(100);
    for (String k : new String[] {"get", "add", "touch", "incr", "delete", "version", "replace"}) {
      cache.set(k, 1, Timeout.seconds(2));
    }
    ticker.advance(Duration.ofSeconds(2));

    assertThat(cache.get("get", Integer.class, -1)).isEqualTo(-1);
    assertThat(cache.hasKey("get")).isFalse();
    assertThat(cache.add("add", 2)).as("add over an expired entry stores").isTrue();
    assertThat(cache.get("add", Integer.class)).isEqualTo(2);
    assertThat(cache.touch("touch", Timeout.seconds(60))).isFalse();
    assertThat(cache.hasKey("touch")).isFalse();
    assertThatThrownBy(() -> cache.incr("incr")).isInstanceOf(CacheKeyNotFoundException.class);
    assertThat(cache.delete("delete")).as("delete reports only live entries").isFalse();
    assertThatThrownBy(() -> cache.incrVersion("version"))
        .isInstanceOf(CacheKeyNotFoundException.class);
  }

  @Test
  void anEntryLivesUntilTheInstantOfItsTimeout() {
    LocMemCache cache = cache(100);
    cache.set("k", "v", Timeout.seconds(10));
    ticker.advance(Duration.ofSeconds(10).minusNanos(1));
    assertThat(cache.get("k", String.class)).isEqualTo("v");
    assertThat(cache.ttl(cache.makeKey("k"))).contains(Duration.ofNanos(1));
    ticker.advance(Duration.ofNanos(1));
    assertThat(cache.get("k", String.class)).isNull();
  }

  @Test
  void incrVersionKeepsTheRemainingLifetime() {
    LocMemCache cache = cache(100);
    cache.set("k", "v", Timeout.seconds(10));
    ticker.advance(Duration.ofSeconds(4));
    cache.incrVersion("k");
    assertThat(cache.ttl(cache.makeKey("k", 2))).contains(Duration.ofSeconds(6));
    ticker.advance(Duration.ofSeconds(6));
    assertThat(cache.get("k", io.cachegen.runtime.ValueType.of(String.class), null, 2)).isNull();
  }

  @Test
  void cullingDropsExpiredEntriesBeforeLiveOnes() {
    LocMemCache cache = cache(10);
    // The live entries are the least recently used: a plain LRU cull would take them first.
    for (int i = 0; i < 5; i++) {
      cache.set("long" + i, i, Timeout.seconds(60));
    }
    for (int i = 0; i < 5; i++) {
      cache.set("short" + i, i, Timeout.seconds(1));
    }
    ticker.advance(Duration.ofSeconds(2));
    cache.set("new", 1); // the store is full: the five expired entries make room
    for (int i = 0; i < 5; i++) {
      assertThat(cache.hasKey("long" + i)).as("live entry long%d survives", i).isTrue();
    }
    assertThat(cache.size()).isEqualTo(6);
  }
}
