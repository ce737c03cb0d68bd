package io.cachegen.runtime.locmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.LogCapture;
import io.cachegen.test.ManualTicker;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * incr on a store-by-reference locmem keeps the box the caller stored (a {@code Short} stays a
 * {@code Short}), refuses a result its box cannot hold, and reads back through any integral box the
 * value fits.
 */
class LocMemByReferenceIncrTest {
  private CacheHandler handler;
  private BaseCache cache;

  @BeforeEach
  void open() {
    handler =
        CacheHandler.builder()
            .config(
                CacheConfig.fromMap(
                    Map.of(
                        "caches.default.options.store_by_value",
                        "false",
                        "caches.byvalue.key_prefix",
                        "v")))
            .ticker(new ManualTicker())
            .build();
    cache = handler.cache();
  }

  @AfterEach
  void close() {
    handler.close();
  }

  @Test
  void thisCacheStoresByReference() {
    assertThat(((LocMemCache) cache).storesByValue()).isFalse();
    assertThat(((LocMemCache) handler.get("byvalue")).storesByValue()).isTrue();
  }

  @Test
  void aValueStoredByValueThatDoesNotReadAsTheAskedTypeIsAMissLoggedOncePerKey() {
    BaseCache byValue = handler.get("byvalue");
    byValue.set("text", "not a number");
    try (LogCapture log = LogCapture.start()) {
      assertThat(byValue.get("text", Integer.class)).isNull();
      assertThat(byValue.get("text", Integer.class, -1)).isEqualTo(-1);
      assertThat(log.count("under key '" + byValue.makeKey("text") + "' is unreadable"))
          .as("logged once per key")
          .isEqualTo(1);
    }
    assertThat(byValue.get("text", String.class)).isEqualTo("not a number");
  }

  @Test
  void incrKeepsEachIntegralBox() {
    cache.set("long", 5L);
    cache.set("int", 5);
    cache.set("short", (short) 5);
    cache.set("byte", (byte) 5);
    for (String key : new String[] {"long", "int", "short", "byte"}) {
      assertThat(cache.incr(key, 2)).as(key).isEqualTo(7);
    }
    assertThat(cache.get("long", Object.class)).isEqualTo(7L);
    assertThat(cache.get("int", Object.class)).isEqualTo(7);
    assertThat(cache.get("short", Object.class)).isEqualTo((short) 7);
    assertThat(cache.get("byte", Object.class)).isEqualTo((byte) 7);
  }

  @Test
  void aResultItsBoxCannotHoldIsAnErrorAndLeavesTheValue() {
    cache.set("short", Short.MAX_VALUE);
    cache.set("byte", Byte.MIN_VALUE);
    cache.set("int", Integer.MAX_VALUE);
    assertThatThrownBy(() -> cache.incr("short"))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("'short'")
        .hasMessageContaining("32768")
        .hasMessageContaining("Short");
    assertThatThrownBy(() -> cache.incr("byte", -1))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("'byte'")
        .hasMessageContaining("-129")
        .hasMessageContaining("Byte");
    assertThatThrownBy(() -> cache.incr("int"))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("Integer");
    assertThat(cache.get("short", Object.class)).isEqualTo(Short.MAX_VALUE);
    assertThat(cache.get("byte", Object.class)).isEqualTo(Byte.MIN_VALUE);
    assertThat(cache.get("int", Object.class)).isEqualTo(Integer.MAX_VALUE);
    assertThat(cache.incr("short", -1)).isEqualTo(Short.MAX_VALUE - 1);
    assertThat(cache.incr("byte")).isEqualTo(Byte.MIN_VALUE + 1);
  }

  @Test
  void aLongOnlyOverflowsALong() {
    cache.set("long", (long) Integer.MAX_VALUE);
    assertThat(cache.incr("long")).isEqualTo(Integer.MAX_VALUE + 1L);
    assertThat(cache.get("long", Object.class)).isEqualTo(Integer.MAX_VALUE + 1L);
    cache.set("nothing", null);
    assertThatThrownBy(() -> cache.incr("nothing"))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("holds null");
    cache.set("max", Long.MAX_VALUE);
    assertThatThrownBy(() -> cache.incr("max"))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("overflows");
  }

  @Test
  void anIntegralValueReadsBackThroughAnyBoxItFits() {
    cache.set("small", (byte) 100);
    assertThat(cache.get("small", Long.class)).isEqualTo(100L);
    assertThat(cache.get("small", Integer.class)).isEqualTo(100);
    assertThat(cache.get("small", Short.class)).isEqualTo((short) 100);
    assertThat(cache.get("small", Byte.class)).isEqualTo((byte) 100);
    cache.set("big", 1000L);
    assertThat(cache.get("big", Short.class)).isEqualTo((short) 1000);
    try (LogCapture log = LogCapture.start()) {
      assertThat(cache.get("big", Byte.class)).as("does not fit").isNull();
      assertThat(cache.get("big", String.class)).as("not a String").isNull();
      assertThat(log.count("under key '" + cache.makeKey("big") + "' is unreadable"))
          .as("logged once per key")
          .isEqualTo(1);
    }
    cache.set("wide", 100_000L);
    assertThat(cache.get("wide", Integer.class)).isEqualTo(100_000);
    assertThat(cache.get("wide", Short.class)).as("does not fit").isNull();
    cache.set("huge", Long.MAX_VALUE);
    assertThat(cache.get("huge", Integer.class)).as("does not fit").isNull();
  }
}
