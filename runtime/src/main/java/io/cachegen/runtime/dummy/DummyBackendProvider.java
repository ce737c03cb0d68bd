package io.cachegen.runtime.dummy;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import java.util.Set;

/**
 * {@code backend=dummy}: a cache that caches nothing. It takes no options, so it prepares nothing
 * (the default {@link #prepare}).
 */
public final class DummyBackendProvider implements CacheBackendProvider {
  @Override
  public String name() {
    return "dummy";
  }

  @Override
  public Set<String> options() {
    return Set.of();
  }

  @Override
  public BaseCache create(CacheSettings settings, BackendContext context) {
    return new DummyCache(settings, context);
  }
}
