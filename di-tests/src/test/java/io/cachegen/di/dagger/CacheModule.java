package io.cachegen.di.dagger;

import dagger.Module;
import dagger.Provides;
import io.cachegen.runtime.CacheHandler;

/** Provides the handler the wrappers' injected constructors take. */
@Module
public final class CacheModule {
  private final CacheHandler handler;

  public CacheModule(CacheHandler handler) {
    this.handler = handler;
  }

  @Provides
  CacheHandler cacheHandler() {
    return handler;
  }
}
