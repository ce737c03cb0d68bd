package io.cachegen.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.Timeout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user's test relies on when it builds its caches with {@link TestCaches}. */
class TestCachesTest {

  @Test
  void twoHandlersShareNoEntries() {
    try (TestCaches one = TestCaches.inMemory().alias("users").build();
        TestCaches two = TestCaches.inMemory().alias("users").build()) {
      one.cache("users").set("k", "one");

      assertThat(two.cache("users").get("k", String.class)).isNull();
      two.cache("users").set("k", "two");
      assertThat(one.cache("users").get("k", String.class)).isEqualTo("one");
    }
  }

  @Test
  void theProcessWideHandlerSeesNoneOfTheEntries() {
    try (TestCaches caches = TestCaches.inMemory().build()) {
      caches.cache("default").set("isolated-from-caches-handler", "test");

      assertThat(Caches.handler().get("default").get("isolated-from-caches-handler", String.class))
          .isNull();
    }
  }

  @Test
  void entriesExpireWhenTheTickerPassesTheirTimeoutAndNotBefore() {
    try (TestCaches caches = TestCaches.inMemory().set("users", "timeout", "60").build()) {
      caches.cache("users").set("k", "v");

      caches.ticker().advance(Duration.ofSeconds(60).minusMillis(1));
      assertThat(caches.cache("users").get("k", String.class)).isEqualTo("v");
      caches.ticker().advance(Duration.ofMillis(1));
      assertThat(caches.cache("users").get("k", String.class)).isNull();
    }
  }

  @Test
  void aliasesHaveTheDefaultTimeoutOfThreeHundredSeconds() {
    try (TestCaches caches = TestCaches.inMemory().alias("users").build()) {
      caches.cache("users").set("k", "v");

      caches.ticker().advanceSeconds(299);
      assertThat(caches.cache("users").get("k", String.class)).isEqualTo("v");
      caches.ticker().advanceSeconds(1);
      assertThat(caches.cache("users").get("k", String.class)).isNull();
    }
  }

  @Test
  void aTickerGivenToTheBuilderIsTheOneEntriesExpireBy() {
    ManualTicker shared = new ManualTicker();
    try (TestCaches caches = TestCaches.inMemory().ticker(shared).build()) {
      caches.cache("default").set("k", "v", Timeout.seconds(10));

      shared.advanceSeconds(10);
      assertThat(caches.ticker()).isSameAs(shared);
      assertThat(caches.cache("default").get("k", String.class)).isNull();
    }
  }

  @Test
  void valuesAreStoredByValueUnlessAskedOtherwise() {
    List<String> value = new ArrayList<>(List.of("a"));
    try (TestCaches byValue = TestCaches.inMemory().build();
        TestCaches byReference = TestCaches.inMemory().storeByReference().build()) {
      byValue.cache("default").set("k", value);
      byReference.cache("default").set("k", value);
      value.add("changed after set");

      assertThat(byValue.cache("default").get("k", List.class)).isEqualTo(List.of("a"));
      assertThat(byReference.cache("default").get("k", List.class)).isSameAs(value);
    }
  }

  @Test
  void statsCountHitsMissesAndPutsPerAlias() {
    try (TestCaches caches = TestCaches.inMemory().alias("users", "orders").build()) {
      caches.cache("users").get("absent", String.class);
      caches.cache("users").set("k", "v");
      caches.cache("users").get("k", String.class);
      caches.cache("users").get("k", String.class);

      CacheStats users = caches.stats("users");
      assertThat(users.hits()).isEqualTo(2);
      assertThat(users.misses()).isEqualTo(1);
      assertThat(users.puts()).isEqualTo(1);
      assertThat(caches.stats("orders")).isEqualTo(CacheStats.EMPTY);
    }
  }

  @Test
  void anAliasNotNamedIsNotConfigured() {
    try (TestCaches caches = TestCaches.inMemory().alias("users").build()) {
      assertThatThrownBy(() -> caches.cache("orders"))
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageContaining("'orders'")
          .hasMessageContaining("[default, users]");
    }
  }

  @Test
  void closingDisposesOfTheCaches() {
    TestCaches caches = TestCaches.inMemory().alias("users").build();
    caches.cache("users").set("k", "v");

    caches.close();

    assertThatThrownBy(() -> caches.cache("users"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("users");
  }

  @Test
  void backendAndLocationCannotBeSet() {
    assertThatThrownBy(() -> TestCaches.inMemory().set("users", "backend", "redis"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caches.users.backend");
    assertThatThrownBy(() -> TestCaches.inMemory().set("users", "location", "shared"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("caches.users.location");
  }

  @Test
  void aBadSettingFailsWhenBuiltNamingIt() {
    TestCaches.Builder builder = TestCaches.inMemory().set("users", "options.max_entries", "zero");

    assertThatThrownBy(builder::build)
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.users.options.max_entries");
  }
}
