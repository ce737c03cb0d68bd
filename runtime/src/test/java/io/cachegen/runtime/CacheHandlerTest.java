package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import io.cachegen.runtime.dummy.DummyCache;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** One cache per alias, created lazily and once, closed with the handler. */
class CacheHandlerTest {

  @AfterEach
  void resetGlobal() {
    Caches.reset();
  }

  /** A backend that counts how often it creates and closes caches. */
  static final class CountingBackend implements CacheBackendProvider {
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger closed = new AtomicInteger();

    @Override
    public String name() {
      return "counting";
    }

    @Override
    public Set<String> options() {
      return Set.of();
    }

    @Override
    public BaseCache create(CacheSettings settings, BackendContext context) {
      created.incrementAndGet();
      return new DummyCache(settings, context.keyFunction()) {
        @Override
        public void close() {
          closed.incrementAndGet();
        }
      };
    }
  }

  @Test
  void oneCachePerAliasEvenUnderConcurrentFirstUse() throws Exception {
    CountingBackend backend = new CountingBackend();
    CacheHandler handler = CacheHandler.builder()
        .backend(backend)
        .config(CacheConfig.fromMap(Map.of("caches.default.backend", "counting")))
        .build();
    assertThat(backend.created).hasValue(0);
    int threads = 8;
    CyclicBarrier barrier = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    Set<BaseCache> seen = ConcurrentHashMap.newKeySet();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int i = 0; i < threads; i++) {
        futures.add(pool.submit(() -> {
          barrier.await();
          seen.add(handler.get("default"));
          return null;
        }));
      }
      for (Future<?> f : futures) {
        f.get(30, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(seen).hasSize(1);
    assertThat(backend.created).hasValue(1);
    assertThat(handler.all()).hasSize(1);
    handler.close();
    assertThat(backend.closed).hasValue(1);
    assertThatThrownBy(() -> handler.get("default")).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void badConfigurationFailsWhenTheHandlerIsBuiltNotOnFirstUse() {
    CountingBackend backend = new CountingBackend();
    assertThatThrownBy(() -> CacheHandler.builder()
            .backend(backend)
            .config(CacheConfig.fromMap(Map.of(
                "caches.default.backend", "counting",
                "caches.other.options.max_entries", "zero")))
            .build())
        .hasMessageContaining("caches.other.options.max_entries");
    assertThat(backend.created).hasValue(0);
  }

  @Test
  void cachesGivesTheDefaultAliasAndInstalledHandlers() {
    BaseCache first = Caches.cache();
    assertThat(first.alias()).isEqualTo("default");
    assertThat(Caches.get("default")).isSameAs(first);
    CacheHandler mine = CacheHandler.create(
        CacheConfig.fromMap(Map.of("caches.default.backend", "dummy")));
    CacheHandler previous = Caches.install(mine);
    previous.close();
    assertThat(Caches.cache()).isInstanceOf(DummyCache.class);
    assertThat(Caches.handler()).isSameAs(mine);
  }
}
