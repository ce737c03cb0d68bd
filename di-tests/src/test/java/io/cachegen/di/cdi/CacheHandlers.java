package io.cachegen.di.cdi;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.test.TestCaches;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Produces the handler the wrappers' injected constructors take. {@code CacheHandler} is final, so
 * it cannot be a normal-scoped bean (CDI would proxy it): it is produced {@code @Singleton}.
 */
@ApplicationScoped
public class CacheHandlers {
  @Produces
  @Singleton
  CacheHandler cacheHandler() {
    return TestCaches.inMemory().build().handler();
  }

  void close(@Disposes CacheHandler handler) {
    handler.close();
  }
}
