package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.processor.fixtures.CountingService;
import io.cachegen.processor.fixtures.CountingServiceCached;
import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.locmem.LocMemCache;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import io.cachegen.runtime.spi.DistributedLocking;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The cross-JVM guard, against a locmem cache that also pretends to hold distributed locks. */
class StampedeGuardTest {
  private static final AtomicInteger LOCATIONS = new AtomicInteger();

  private final List<String> locked = new CopyOnWriteArrayList<>();
  private final AtomicInteger released = new AtomicInteger();
  private volatile boolean grant = true;
  private CacheHandler handler;
  private CacheHandler previous;

  private void install() {
    CacheBackendProvider locking =
        new CacheBackendProvider() {
          @Override
          public String name() {
            return "locking";
          }

          @Override
          public Set<String> options() {
            return Set.of();
          }

          @Override
          public BaseCache create(CacheSettings settings, BackendContext context) {
            LocMemCache real = new LocMemCache(settings, context);
            DistributedLocking locks =
                (key, lease, wait) -> {
                  locked.add(key);
                  return grant ? released::incrementAndGet : null;
                };
            return (BaseCache)
                Proxy.newProxyInstance(
                    getClass().getClassLoader(),
                    new Class<?>[] {BaseCache.class, DistributedLocking.class},
                    (proxy, method, args) -> {
                      Object target =
                          method.getDeclaringClass() == DistributedLocking.class ? locks : real;
                      try {
                        return method.invoke(target, args);
                      } catch (InvocationTargetException e) {
                        throw e.getCause();
                      }
                    });
          }
        };
    handler =
        CacheHandler.builder()
            .backend(locking)
            .config(
                CacheConfig.fromMap(
                    Map.of(
                        "caches.default.backend",
                        "locking",
                        "caches.default.location",
                        "guard-" + LOCATIONS.incrementAndGet(),
                        // CountingService also uses "other", which its wrapper resolves when
                        // constructed
                        "caches.other.backend",
                        "locmem",
                        "caches.other.location",
                        "guard-other-" + LOCATIONS.incrementAndGet())))
            .build();
    previous = Caches.install(handler);
  }

  @AfterEach
  void restore() {
    Caches.install(previous);
    handler.close();
  }

  @Test
  void missTakesTheLockOnTheMadeKeyAndReleasesIt() {
    install();
    CountingService service = new CountingServiceCached();
    assertThat(service.guarded("1")).isEqualTo("g1");
    assertThat(service.guarded("1")).isEqualTo("g1");
    assertThat(service.calls("guarded")).isEqualTo(1);
    String madeKey = Caches.cache().makeKey(CountingServiceCached.keyForGuarded("1"));
    // in the made key's Redis Cluster slot: the whole made key is the lock's hash tag
    assertThat(locked).containsExactly("{" + madeKey + "}:lock");
    assertThat(released).hasValue(1);
  }

  @Test
  void aKeyWithAHashTagLocksUnderTheSameTag() {
    install();
    CountingService service = new CountingServiceCached();
    assertThat(service.guardedTagged("{1}")).isEqualTo("t{1}");
    String madeKey = Caches.cache().makeKey(CountingServiceCached.keyForGuardedTagged("{1}"));
    assertThat(madeKey).endsWith("guarded:{\\o1\\c}:tagged");
    assertThat(locked).containsExactly(madeKey + ":lock");
    assertThat(released).hasValue(1);
  }

  @Test
  void lockNotObtainedStillComputes() {
    install();
    grant = false;
    CountingService service = new CountingServiceCached();
    assertThat(service.guarded("2")).isEqualTo("g2");
    assertThat(service.guarded("2")).isEqualTo("g2");
    assertThat(service.calls("guarded")).isEqualTo(1);
    assertThat(locked).hasSize(1);
    assertThat(released).hasValue(0);
  }

  @Test
  void unguardedMethodsNeverLock() {
    install();
    CountingService service = new CountingServiceCached();
    service.find("x");
    assertThat(locked).isEmpty();
  }
}
