package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

/**
 * Django's close semantics on the in-process backends: {@link BaseCache#close()} keeps the cache
 * usable (and locmem keeps its data), {@link CacheHandler#close()} disposes of every cache it made.
 */
class CacheCloseTest {
  private final String location = "close-" + UUID.randomUUID();

  private static CacheHandler handler(Map<String, String> properties) {
    return CacheHandler.create(CacheConfig.fromMap(properties));
  }

  @Test
  void locmemKeepsItsDataAndStaysUsableAfterClose() {
    try (CacheHandler handler = handler(Map.of("caches.default.backend", "locmem"))) {
      BaseCache cache = handler.cache();
      cache.set("k", "v");
      cache.close();
      assertThat(cache.get("k", String.class)).isEqualTo("v");
      cache.close();
      assertThat(cache.set("k2", "v2")).isTrue();
      assertThat(cache.get("k2", String.class)).isEqualTo("v2");
      assertThat(handler.cache()).isSameAs(cache);
    }
  }

  @Test
  void closingOneAliasOfASharedLocmemStoreKeepsTheOthersData() {
    try (CacheHandler handler =
        handler(
            Map.of(
                "caches.a.location",
                location,
                "caches.b.location",
                location,
                "caches.b.key_prefix",
                "b"))) {
      BaseCache a = handler.get("a");
      BaseCache b = handler.get("b");
      a.set("k", "a's");
      b.set("k", "b's");
      a.close();
      b.close();
      a.close();
      assertThat(a.get("k", String.class)).isEqualTo("a's");
      assertThat(b.get("k", String.class)).isEqualTo("b's");
    }
  }

  @Test
  void aSharedLocmemStoreOutlivesAnotherHandlerThatUsedIt() {
    CacheHandler first = handler(Map.of("caches.a.location", location));
    try (CacheHandler second = handler(Map.of("caches.b.location", location))) {
      first.get("a").set("k", "v");
      BaseCache b = second.get("b");
      first.close();
      assertThat(b.get("k", String.class)).isEqualTo("v");
    }
  }

  @Test
  void dummyStaysUsableAfterClose() {
    try (CacheHandler handler = handler(Map.of("caches.default.backend", "dummy"))) {
      BaseCache cache = handler.cache();
      cache.close();
      assertThat(cache.set("k", "v")).isTrue();
      assertThat(cache.get("k", String.class, "miss")).isEqualTo("miss");
    }
  }

  @Test
  void afterTheHandlerClosesLocmemAndDummyCachesFailNamingTheirAlias() {
    CacheHandler handler =
        handler(Map.of("caches.default.backend", "locmem", "caches.nothing.backend", "dummy"));
    BaseCache locmem = handler.cache();
    BaseCache dummy = handler.get("nothing");
    locmem.set("k", "v");
    handler.close();
    handler.close(); // idempotent

    assertThatThrownBy(() -> locmem.get("k", String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'default'")
        .hasMessageContaining("CacheHandler")
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> locmem.set("k", "w")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> locmem.lookup(locmem.makeKey("k"), ValueType.of(String.class)))
        .isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(locmem::clear).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> dummy.get("k", String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'nothing'");
    assertThatThrownBy(() -> handler.get("nothing"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'nothing'")
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> handler.get("never-used"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'never-used'");
    locmem.close(); // still harmless
  }

  @Test
  void everyOperationOfADisposedCacheThrowsNamingTheAlias() {
    CacheHandler handler = handler(Map.of("caches.gone.backend", "locmem"));
    BaseCache cache = handler.get("gone");
    cache.set("n", 1L);
    String made = cache.makeKey("n");
    ValueType<Long> type = ValueType.of(Long.class);
    handler.close();

    Map<String, ThrowingCallable> operations =
        Map.ofEntries(
            Map.entry("lookup", () -> cache.lookup(made, type)),
            Map.entry("peek", () -> cache.peek(made, type)),
            Map.entry("store", () -> cache.store(made, 2L, Timeout.DEFAULT)),
            Map.entry("remove", () -> cache.remove(made)),
            Map.entry("get", () -> cache.get("n", Long.class)),
            Map.entry("hasKey", () -> cache.hasKey("n")),
            Map.entry("getMany", () -> cache.getMany(List.of("n"), Long.class)),
            Map.entry("set", () -> cache.set("n", 2L)),
            Map.entry("add", () -> cache.add("m", 2L)),
            Map.entry("setMany", () -> cache.setMany(Map.of("n", 2L))),
            Map.entry("delete", () -> cache.delete("n")),
            Map.entry("deleteMany", () -> cache.deleteMany(List.of("n"))),
            Map.entry("touch", () -> cache.touch("n", Timeout.NEVER)),
            Map.entry("incr", () -> cache.incr("n")),
            Map.entry("incrVersion", () -> cache.incrVersion("n")),
            Map.entry("getOrSet", () -> cache.getOrSet("n", Long.class, () -> 3L)),
            Map.entry("clear", cache::clear));
    operations.forEach(
        (name, operation) ->
            assertThatThrownBy(operation)
                .as(name)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("cache 'gone'")
                .hasMessageContaining("CacheHandler that created it was closed"));
  }
}
