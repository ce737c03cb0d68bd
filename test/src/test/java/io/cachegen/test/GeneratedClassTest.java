package io.cachegen.test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheStats;
import org.junit.jupiter.api.Test;

/**
 * A generated class ({@code UserServiceCached}, written by the processor for {@link UserService})
 * constructed with a {@link TestCaches} handler, as the README's "Testing code that uses cachegen"
 * shows.
 */
class GeneratedClassTest {
  private static final String METHOD = "UserService.name(long)";

  @Test
  void aSecondCallIsAHitCountedForTheAliasAndTheMethod() {
    try (TestCaches caches = TestCaches.inMemory().alias("users").build()) {
      UserServiceCached service = new UserServiceCached(caches.handler());

      String first = service.name(1);
      String second = service.name(1);

      assertThat(second).isEqualTo(first);
      assertThat(service.loads).hasValue(1);
      CacheStats alias = caches.stats("users");
      CacheStats method = caches.methodStats(METHOD);
      assertThat(new long[] {alias.hits(), alias.misses()}).containsExactly(1, 1);
      assertThat(new long[] {method.hits(), method.misses(), method.loads()})
          .containsExactly(1, 1, 1);
    }
  }

  @Test
  void afterTheTimeoutTheMethodRunsAgain() {
    try (TestCaches caches = TestCaches.inMemory().set("users", "timeout", "30").build()) {
      UserServiceCached service = new UserServiceCached(caches.handler());
      service.name(1);

      caches.ticker().advanceSeconds(29);
      service.name(1);
      assertThat(service.loads).hasValue(1);
      caches.ticker().advanceSeconds(1);
      assertThat(service.name(1)).isEqualTo("user-1#2");
    }
  }

  @Test
  void instancesOnTwoTestHandlersShareNothing() {
    try (TestCaches one = TestCaches.inMemory().alias("users").build();
        TestCaches two = TestCaches.inMemory().alias("users").build()) {
      UserServiceCached onOne = new UserServiceCached(one.handler());
      UserServiceCached onTwo = new UserServiceCached(two.handler());

      onOne.name(1);
      onTwo.name(1);

      assertThat(onOne.loads).hasValue(1);
      assertThat(onTwo.loads).hasValue(1);
      assertThat(one.stats("users").misses()).isEqualTo(1);
      assertThat(two.stats("users").misses()).isEqualTo(1);
      assertThat(one.stats("users").hits() + two.stats("users").hits()).isZero();
    }
  }

  @Test
  void theMethodStatsAreEmptyBeforeTheFirstCall() {
    try (TestCaches caches = TestCaches.inMemory().alias("users").build()) {
      new UserServiceCached(caches.handler());

      assertThat(caches.methodStats(METHOD)).isEqualTo(CacheStats.EMPTY);
    }
  }

  @Test
  void aClassCachingInAnAliasNotNamedFailsAtConstruction() {
    try (TestCaches caches = TestCaches.inMemory().build()) {
      assertThatThrownBy(() -> new UserServiceCached(caches.handler()))
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageContaining("'users'");
    }
  }
}
