package io.cachegen.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * getOrSet's miss path when another caller's getOrSet of the same key completes between this
 * caller's lookup and its own computation: the value that caller stored is returned and nothing is
 * computed again (Django computes at most once per miss; here, once per key in the JVM).
 */
class GetOrSetLookAgainTest {
  private final CacheHandler handler =
      CacheHandler.builder()
          .config(CacheConfig.fromMap(Map.of("caches.default.backend", "map")))
          .backend(MapCache.PROVIDER)
          .build();
  private final MapCache cache = (MapCache) handler.cache();

  @AfterEach
  void close() {
    handler.close();
  }

  @Test
  void aValueStoredByAnotherGetOrSetAfterTheLookupIsReturnedWithoutComputing() throws Exception {
    cache.afterNextMiss =
        () -> {
          // another thread's getOrSet of the same key runs to completion meanwhile
          CompletableFuture<String> other =
              CompletableFuture.supplyAsync(
                  () -> cache.getOrSet("k", String.class, () -> "theirs"));
          assertThat(other.orTimeout(10, TimeUnit.SECONDS).join()).isEqualTo("theirs");
        };
    AtomicInteger calls = new AtomicInteger();

    String value = cache.getOrSet("k", String.class, () -> "mine-" + calls.incrementAndGet());

    assertThat(value).isEqualTo("theirs");
    assertThat(calls).as("computations by the caller that looked first").hasValue(0);
    assertThat(cache.get("k", String.class)).isEqualTo("theirs");
  }

  @Test
  void aMissWithNothingCompletedMeanwhileComputesOnce() {
    AtomicInteger calls = new AtomicInteger();
    assertThat(cache.getOrSet("k", String.class, () -> "mine-" + calls.incrementAndGet()))
        .isEqualTo("mine-1");
    assertThat(cache.getOrSet("k", String.class, () -> "mine-" + calls.incrementAndGet()))
        .isEqualTo("mine-1");
    assertThat(calls).hasValue(1);
  }
}
