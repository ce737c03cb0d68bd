package io.cachegen.runtime.internal;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConnectionException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.dummy.DummyCache;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import io.cachegen.runtime.spi.MapCache;
import io.cachegen.runtime.spi.SetMode;
import io.cachegen.test.ManualTicker;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The handler {@link CacheSite} tests install around each test: locmem aliases {@code default}
 * (prefix {@code p}), {@code other} (prefix {@code q}) and {@code custom} (key function {@code
 * reversed}), {@code down} (every read and write fails) and {@code locked} ({@link MapCache}, with
 * a cross-process lock).
 */
final class SiteHandler implements BeforeEachCallback, AfterEachCallback {
  static final ValueType<String> STRING = ValueType.of(String.class);

  private final ManualTicker ticker = new ManualTicker();
  private CacheHandler previous;
  private CacheHandler handler;

  @Override
  public void beforeEach(ExtensionContext context) {
    handler =
        handler(
            ticker,
            Map.of(
                "caches.default.key_prefix",
                "p",
                "caches.other.key_prefix",
                "q",
                "caches.custom.key_function",
                "reversed",
                "caches.down.backend",
                "down",
                "caches.locked.backend",
                "map"));
    previous = Caches.install(handler);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    Caches.install(previous);
    handler.close();
  }

  /** The installed handler. */
  CacheHandler handler() {
    return handler;
  }

  /** The clock of the installed handler's caches. */
  ManualTicker ticker() {
    return ticker;
  }

  static CacheHandler handler(Map<String, String> properties) {
    return handler(new ManualTicker(), properties);
  }

  private static CacheHandler handler(ManualTicker ticker, Map<String, String> properties) {
    return CacheHandler.builder()
        .config(CacheConfig.fromMap(properties))
        .ticker(ticker)
        .keyFunction(
            "reversed",
            (key, prefix, version) ->
                new StringBuilder(key).reverse() + "|" + prefix + "|" + version)
        .backend(new DownProvider())
        .backend(MapCache.PROVIDER)
        .build();
  }

  /** A {@code @Cached} site of strings. */
  static CacheSite site(String alias, boolean cacheNull, String constantKey) {
    SiteOptions options = CacheSite.cached(alias, STRING).cacheNull(cacheNull);
    return (constantKey == null ? options : options.constantKey(constantKey)).build();
  }

  /** backend "down": a cache whose every read and write fails as if its server were down. */
  static final class DownProvider implements CacheBackendProvider {
    @Override
    public String name() {
      return "down";
    }

    @Override
    public Set<String> options() {
      return Set.of();
    }

    @Override
    public BaseCache create(CacheSettings settings, BackendContext context) {
      return new DummyCache(settings, context.keyFunction()) {
        @Override
        protected Object doGet(String madeKey, ValueType<?> type) {
          throw new CacheConnectionException("server down");
        }

        @Override
        protected boolean doSet(String madeKey, Object value, Timeout timeout, SetMode mode) {
          throw new CacheConnectionException("server down");
        }

        @Override
        protected boolean doDelete(String madeKey) {
          throw new CacheConnectionException("server down");
        }
      };
    }
  }
}
