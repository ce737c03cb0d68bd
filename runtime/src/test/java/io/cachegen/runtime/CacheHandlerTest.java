package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.dummy.DummyCache;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import java.nio.file.Path;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One cache per alias, created lazily and once, closed with the handler. */
class CacheHandlerTest {

  @AfterEach
  void resetGlobal() {
    Caches.reset();
  }

  /** A backend that counts how often it creates and closes caches. */
  static class CountingBackend implements CacheBackendProvider {
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
    CacheHandler handler =
        CacheHandler.builder()
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
        futures.add(
            pool.submit(
                () -> {
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

  /**
   * A cache being created while close() runs is either closed by it or never handed out: close()
   * waits for the creation, and no cache outlives the handler unclosed.
   */
  @Test
  void aCacheCreatedDuringCloseIsClosedToo() throws Exception {
    java.util.concurrent.CountDownLatch creating = new java.util.concurrent.CountDownLatch(1);
    java.util.concurrent.CountDownLatch proceed = new java.util.concurrent.CountDownLatch(1);
    CountingBackend backend =
        new CountingBackend() {
          @Override
          public BaseCache create(CacheSettings settings, BackendContext context) {
            creating.countDown();
            try {
              proceed.await();
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
            }
            return super.create(settings, context);
          }
        };
    CacheHandler handler =
        CacheHandler.builder()
            .backend(backend)
            .config(CacheConfig.fromMap(Map.of("caches.default.backend", "counting")))
            .build();
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<BaseCache> getting = pool.submit(() -> handler.get("default"));
      creating.await();
      Thread[] closer = new Thread[1];
      Future<?> closing =
          pool.submit(
              () -> {
                closer[0] = Thread.currentThread();
                handler.close();
              });
      // let close() either finish or block waiting for the creation; no timing involved
      while (!closing.isDone()
          && (closer[0] == null || closer[0].getState() != Thread.State.BLOCKED)) {
        Thread.onSpinWait();
      }
      proceed.countDown();
      closing.get(30, TimeUnit.SECONDS);
      getting.get(30, TimeUnit.SECONDS);
    } finally {
      proceed.countDown();
      pool.shutdownNow();
    }
    assertThat(backend.created).hasValue(1);
    assertThat(backend.closed).as("every cache created is closed").hasValue(1);
    assertThat(handler.all()).isEmpty();
    assertThatThrownBy(() -> handler.get("default")).isInstanceOf(IllegalStateException.class);
  }

  /** A backend registered only through a services file the context class loader sees. */
  public static final class ContextLoaderBackend extends CountingBackend {
    @Override
    public String name() {
      return "context-loader-only";
    }
  }

  @Test
  void providersAreFoundThroughTheContextClassLoaderToo(@TempDir Path dir) throws Exception {
    java.nio.file.Path services = dir.resolve("META-INF/services");
    java.nio.file.Files.createDirectories(services);
    java.nio.file.Files.writeString(
        services.resolve(CacheBackendProvider.class.getName()),
        ContextLoaderBackend.class.getName() + "\n");
    Thread me = Thread.currentThread();
    ClassLoader original = me.getContextClassLoader();
    try (java.net.URLClassLoader tccl =
        new java.net.URLClassLoader(new java.net.URL[] {dir.toUri().toURL()}, original)) {
      me.setContextClassLoader(tccl);
      CacheHandler handler =
          CacheHandler.create(
              CacheConfig.fromMap(
                  Map.of(
                      "caches.default.backend",
                      "context-loader-only",
                      "caches.l.backend",
                      "locmem")));
      assertThat(handler.cache()).isInstanceOf(DummyCache.class);
      assertThat(handler.get("l").alias()).as("built-in backends still found").isEqualTo("l");
      handler.close();
    } finally {
      me.setContextClassLoader(original);
    }
  }

  /** A backend with an option of its own, which records how the handler drives the SPI. */
  static final class PreparingBackend implements CacheBackendProvider {
    /** What was called, in order: "prepare alias", "together aliases...", "create alias". */
    final List<String> calls = new java.util.concurrent.CopyOnWriteArrayList<>();

    /** What this backend prepares of an alias. */
    record Parsed(CacheSettings settings, int size) implements CacheBackendProvider.Prepared {
      @Override
      public BaseCache create(BackendContext context) {
        return new DummyCache(settings, context);
      }
    }

    @Override
    public String name() {
      return "preparing";
    }

    @Override
    public Set<String> options() {
      return Set.of("size");
    }

    @Override
    public Prepared prepare(CacheSettings settings, BackendContext context) {
      calls.add("prepare " + settings.alias());
      Parsed parsed = new Parsed(settings, settings.intOption("size", 1, 1));
      return ctx -> {
        calls.add("create " + settings.alias() + " size " + parsed.size());
        return parsed.create(ctx);
      };
    }

    @Override
    public void checkTogether(List<Prepared> aliases) {
      calls.add("together " + aliases.size());
    }

    @Override
    public BaseCache create(CacheSettings settings, BackendContext context) {
      return prepare(settings, context).create(context);
    }
  }

  @Test
  void eachAliasIsPreparedOnceWhenBuiltAndCreatedFromWhatWasPreparedOnFirstUse() {
    PreparingBackend backend = new PreparingBackend();
    CacheHandler handler =
        CacheHandler.builder()
            .backend(backend)
            .config(
                CacheConfig.fromMap(
                    Map.of(
                        "caches.default.backend",
                        "preparing",
                        "caches.default.options.size",
                        "3",
                        "caches.b.backend",
                        "preparing",
                        "caches.c.backend",
                        "locmem")))
            .build();
    assertThat(backend.calls).containsExactly("prepare b", "prepare default", "together 2");
    BaseCache cache = handler.get("default");
    assertThat(handler.get("default")).isSameAs(cache);
    assertThat(backend.calls)
        .containsExactly("prepare b", "prepare default", "together 2", "create default size 3");
    handler.close();
  }

  @Test
  void aBackendsOwnSettingsFailWhenTheHandlerIsBuilt() {
    assertThatThrownBy(
            () ->
                CacheHandler.builder()
                    .backend(new PreparingBackend())
                    .config(
                        CacheConfig.fromMap(
                            Map.of(
                                "caches.default.backend",
                                "preparing",
                                "caches.default.options.size",
                                "0")))
                    .build())
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessage(
            "caches.default.options.size (from properties) = '0' is not allowed: use a"
                + " whole number >= 1");
  }

  @Test
  void redisWithoutItsArtifactFailsAtStartUpNamingTheDependencyToAdd() {
    // cachegen-redis is not on this module's class path: the runtime alone has no Redis backend
    assertThatThrownBy(
            () ->
                CacheHandler.create(
                    CacheConfig.fromMap(
                        Map.of(
                            "caches.sessions.backend",
                            "redis",
                            "caches.sessions.location",
                            "redis://127.0.0.1:6379/0"))))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessage(
            "caches.sessions.backend (from properties) = 'redis' needs the redis backend, which is"
                + " not on the class path: add the dependency io.cachegen:cachegen-redis (the same"
                + " version as cachegen-runtime); available now: [dummy, locmem]");
  }

  @Test
  void aBackendNoOneProvidesFailsListingTheAvailableOnes() {
    assertThatThrownBy(
            () -> CacheHandler.create(CacheConfig.fromMap(Map.of("caches.default.backend", "mem"))))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.backend (from properties) = 'mem' is not a known")
        .hasMessageContaining("available: [dummy, locmem]")
        .hasMessageContaining(CacheBackendProvider.class.getName());
  }

  @Test
  void badConfigurationFailsWhenTheHandlerIsBuiltNotOnFirstUse() {
    CountingBackend backend = new CountingBackend();
    assertThatThrownBy(
            () ->
                CacheHandler.builder()
                    .backend(backend)
                    .config(
                        CacheConfig.fromMap(
                            Map.of(
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
    CacheHandler mine =
        CacheHandler.create(CacheConfig.fromMap(Map.of("caches.default.backend", "dummy")));
    CacheHandler previous = Caches.install(mine);
    previous.close();
    assertThat(Caches.cache()).isInstanceOf(DummyCache.class);
    assertThat(Caches.handler()).isSameAs(mine);
  }

  @Test
  void uninstallRemovesOnlyTheGivenHandlerAndLeavesItOpen() {
    CacheHandler mine = CacheHandler.create(CacheConfig.fromMap(Map.of()));
    CacheHandler other = CacheHandler.create(CacheConfig.fromMap(Map.of()));
    Caches.install(mine);

    assertThat(Caches.uninstall(other)).isFalse();
    assertThat(Caches.handler()).isSameAs(mine);
    assertThat(Caches.uninstall(mine)).isTrue();
    assertThat(Caches.handler()).isNotSameAs(mine);
    mine.cache().set("still", "open");
    assertThat(mine.cache().get("still", String.class)).isEqualTo("open");
    mine.close();
    other.close();
  }
}
