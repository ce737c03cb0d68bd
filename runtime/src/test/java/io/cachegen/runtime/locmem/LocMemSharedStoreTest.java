package io.cachegen.runtime.locmem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.test.ManualTicker;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Aliases that share a locmem location share one store, so they must agree on how it is built. */
class LocMemSharedStoreTest {
  private final String location = "shared-" + UUID.randomUUID();

  @Test
  void aliasesSharingALocationMustAgreeOnMaxEntriesAtStartUp() {
    assertThatThrownBy(
            () ->
                CacheHandler.create(
                    CacheConfig.fromMap(
                        Map.of(
                            "caches.a.location",
                            location,
                            "caches.a.options.max_entries",
                            "10",
                            "caches.b.location",
                            location,
                            "caches.b.options.max_entries",
                            "20"))))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.b.options.max_entries")
        .hasMessageContaining("caches.a.options.max_entries = 10")
        .hasMessageContaining(location);
    assertThatThrownBy(
            () ->
                CacheHandler.create(
                    CacheConfig.fromMap(
                        Map.of(
                            "caches.a.location",
                            location,
                            "caches.b.location",
                            location,
                            "caches.b.options.store_by_value",
                            "false"))))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.b.options.store_by_value")
        .hasMessageContaining("caches.a.");
  }

  @Test
  void agreeingAliasesShareTheStore() {
    try (CacheHandler handler =
        CacheHandler.create(
            CacheConfig.fromMap(
                Map.of(
                    "caches.a.location",
                    location,
                    "caches.a.options.max_entries",
                    "10",
                    "caches.b.location",
                    location,
                    "caches.b.options.max_entries",
                    "10",
                    "caches.b.options.cull_frequency",
                    "2")))) {
      handler.get("a").set("k", "v");
      assertThat(handler.get("b").get("k", String.class)).isEqualTo("v");
    }
  }

  @Test
  void closingOneOfTwoCachesSharingALocationKeepsTheOthersEntries() {
    try (CacheHandler handler =
        CacheHandler.create(
            CacheConfig.fromMap(
                Map.of("caches.a.location", location, "caches.b.location", location)))) {
      BaseCache a = handler.get("a");
      BaseCache b = handler.get("b");
      a.set("k", "v");
      a.close();
      a.close(); // idempotent: the store does not lose a second user
      assertThat(b.get("k", String.class)).isEqualTo("v");
      b.set("k2", "v2");
      assertThat(b.get("k2", String.class)).isEqualTo("v2");
    }
  }

  @Test
  void aSharedStoreOutlivesAllButItsLastHandler() {
    CacheHandler first =
        CacheHandler.create(
            CacheConfig.fromMap(
                Map.of("caches.a.location", location, "caches.c.location", location)));
    CacheHandler second =
        CacheHandler.create(CacheConfig.fromMap(Map.of("caches.b.location", location)));
    try (second) {
      first.get("a").set("k", "v");
      assertThat(first.get("c").get("k", String.class)).as("one store").isEqualTo("v");
      BaseCache b = second.get("b");
      first.close();
      assertThat(b.get("k", String.class)).isEqualTo("v");
    }
    try (CacheHandler third =
        CacheHandler.create(CacheConfig.fromMap(Map.of("caches.a.location", location)))) {
      assertThat(third.get("a").get("k", String.class)).as("the last user emptied it").isNull();
    }
  }

  @Test
  void theLastCacheOnALocationToCloseEmptiesItsStore() {
    try (CacheHandler first =
        CacheHandler.create(CacheConfig.fromMap(Map.of("caches.a.location", location)))) {
      first.get("a").set("k", "v");
    }
    try (CacheHandler second =
        CacheHandler.create(CacheConfig.fromMap(Map.of("caches.a.location", location)))) {
      assertThat(second.get("a").get("k", String.class)).isNull();
    }
  }

  @Test
  void anotherHandlerOnTheSameLocationMustAgreeToo() {
    try (CacheHandler first =
        CacheHandler.create(
            CacheConfig.fromMap(
                Map.of("caches.a.location", location, "caches.a.options.max_entries", "10")))) {
      first.get("a");
      CacheHandler second =
          CacheHandler.create(
              CacheConfig.fromMap(
                  Map.of("caches.b.location", location, "caches.b.options.max_entries", "99")));
      assertThatThrownBy(() -> second.get("b"))
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageContaining("caches.b.options.max_entries")
          .hasMessageContaining("caches.a.options.max_entries = 10");
      CacheHandler manual =
          CacheHandler.builder()
              .ticker(new ManualTicker())
              .config(
                  CacheConfig.fromMap(
                      Map.of("caches.c.location", location, "caches.c.options.max_entries", "10")))
              .build();
      assertThatThrownBy(() -> manual.get("c"))
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageContaining("Ticker");
      second.close();
      manual.close();
    }
  }
}
