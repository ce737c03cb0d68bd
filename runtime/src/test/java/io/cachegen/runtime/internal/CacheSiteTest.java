package io.cachegen.runtime.internal;

import static io.cachegen.runtime.internal.SiteHandler.site;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheConnectionException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.LogCapture;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.dummy.DummyCache;
import io.cachegen.runtime.spi.AbstractCache;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What generated code relies on from a {@link CacheSite} on its hit path, on a real locmem cache:
 * binding to the installed handler, made keys, lookups, stores, evictions, and a failing cache
 * reaching the caller. The miss path is {@link MissPathTest}'s. (The processor's and example's
 * suites exercise both through generated code.)
 */
class CacheSiteTest {
  @RegisterExtension final SiteHandler sites = new SiteHandler();

  @Test
  void bindsTheInstalledHandlersCacheOnceAndRebindsToANewHandler() {
    CacheSite site = site("default", false, "all");
    CacheSite.Bound first = site.bind();
    assertThat(site.bind()).isSameAs(first);
    assertThat(first.cache()).isSameAs(sites.handler().get("default"));
    assertThat(first.constantKey()).isEqualTo("p:1:all");
    assertThat(site("default", false, null).bind().constantKey()).isNull();

    CacheHandler next = SiteHandler.handler(Map.of("caches.default.key_prefix", "n"));
    try {
      Caches.install(next);
      CacheSite.Bound rebound = site.bind();
      assertThat(rebound).isNotSameAs(first);
      assertThat(rebound.cache()).isSameAs(next.get("default"));
      assertThat(rebound.constantKey()).isEqualTo("n:1:all");
    } finally {
      Caches.install(sites.handler());
      next.close();
    }
  }

  @Test
  void bindsOncePerHandlerAndSharesTheInstalledHandlersBinding() {
    CacheSite site = site("default", false, "all");
    assertThat(site.bind(sites.handler())).isSameAs(site.bind());
    CacheHandler other = SiteHandler.handler(Map.of("caches.default.key_prefix", "o"));
    try {
      CacheSite.Bound onOther = site.bind(other);
      assertThat(site.bind(other)).isSameAs(onOther);
      assertThat(onOther).isNotSameAs(site.bind());
      assertThat(onOther.cache()).isSameAs(other.get("default"));
      assertThat(onOther.constantKey()).isEqualTo("o:1:all");
      assertThat(site.bind().cache())
          .as("binding to another handler leaves the installed one's binding")
          .isSameAs(sites.handler().get("default"));
    } finally {
      other.close();
    }
  }

  @Test
  void bindingToNoHandlerIsRefused() {
    CacheSite site = site("default", false, null);
    assertThatThrownBy(() -> site.bind(null))
        .isInstanceOf(NullPointerException.class)
        .hasMessage("handler");
  }

  @Test
  void bindingToAHandlerWithoutTheAliasFailsNamingIt() {
    CacheHandler other = SiteHandler.handler(Map.of("caches.default.key_prefix", "o"));
    try {
      assertThatThrownBy(() -> site("other", false, null).bind(other))
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageStartingWith("Could not find config for 'other' in caches");
    } finally {
      other.close();
    }
  }

  @Test
  void templatedKeysAreFinishedAsMakeKeyWouldMakeThem() {
    CacheSite.Bound plain = site("default", false, null).bind();
    assertThat(plain.keyPrefix()).isEqualTo("p:1:");
    assertThat(plain.finishKey(plain.keyPrefix() + "user:7"))
        .isEqualTo("p:1:user:7")
        .isEqualTo(plain.makeKey("user:7"));
    CacheSite.Bound custom = site("custom", false, null).bind();
    assertThat(custom.keyPrefix()).isEmpty();
    assertThat(custom.finishKey("user:7"))
        .isEqualTo("7:resu||1")
        .isEqualTo(custom.makeKey("user:7"));
    assertThat(custom.memoizedKey(7)).isNull();
    assertThat(custom.memoizeKey(7, "made-7")).isEqualTo("made-7");
    assertThat(custom.memoizedKey(7)).isEqualTo("made-7");
  }

  @Test
  void theDefaultPrefixIsUsedOnlyForABackendThatMakesKeysWithTheDefaultKeyFunction() {
    CacheSettings settings =
        CacheConfig.fromMap(Map.of("caches.default.key_prefix", "p")).settings("default");
    assertThat(CacheSite.defaultPrefix(new DummyCache(settings, KeyFunction.DEFAULT)))
        .isEqualTo("p:1:");
    assertThat(CacheSite.defaultPrefix(sites.handler().get("custom")))
        .as("key_function is set")
        .isNull();
    KeyFunction sameFormat = (key, prefix, version) -> prefix + ':' + version + ':' + key;
    assertThat(CacheSite.defaultPrefix(new DummyCache(settings, sameFormat)))
        .as("any key function but the default, even one of the same format")
        .isNull();
  }

  @Test
  void nullIsStoredOnlyWhenTheSiteCachesNull() {
    CacheSite.Bound skips = site("default", false, "skips").bind();
    skips.load(skips.constantKey(), () -> null);
    assertThat(skips.lookup(skips.constantKey())).isSameAs(CacheSite.MISS);
    CacheSite.Bound keeps = site("default", true, "keeps").bind();
    keeps.load(keeps.constantKey(), () -> null);
    assertThat(keeps.lookup(keeps.constantKey())).isNull();
  }

  @Test
  void putAndEvictSites() {
    CacheSite.Bound put =
        CacheSite.put("default")
            .timeout(Timeout.NEVER)
            .cacheNull(false)
            .constantKey("k")
            .build()
            .bind();
    put.store(put.constantKey(), "v");
    put.store("p:1:null", null);
    CompletableFuture<String> later = new CompletableFuture<>();
    assertThat(put.storeWhenComplete("p:1:later", later)).isSameAs(later);
    later.complete("done");
    assertThat(put.storeWhenComplete("p:1:none", (CompletableFuture<String>) null)).isNull();
    BaseCache cache = put.cache();
    assertThat(cache.get("k", String.class)).isEqualTo("v");
    assertThat(cache.hasKey("null")).isFalse();
    assertThat(cache.get("later", String.class)).isEqualTo("done");

    CacheSite.Bound evict = CacheSite.evict("default").constantKey("k").build().bind();
    evict.remove(evict.constantKey());
    assertThat(cache.hasKey("k")).isFalse();
    evict.clear();
    assertThat(cache.hasKey("later")).isFalse();
  }

  @Test
  void aFailingCacheReachesTheCallerAndAFailedAsyncPutIsLogged() {
    // the failure policy: CacheSite never swallows a CacheException (see its class comment)
    CacheSite.Bound bound = site("down", false, "k").bind();
    String key = bound.constantKey();
    assertThatThrownBy(() -> bound.lookup(key)).isInstanceOf(CacheConnectionException.class);
    assertThatThrownBy(() -> bound.load(key, () -> "computed"))
        .isInstanceOf(CacheConnectionException.class);
    assertThatThrownBy(() -> bound.remove(key)).isInstanceOf(CacheConnectionException.class);
    try (LogCapture log = LogCapture.start()) {
      bound.storeWhenComplete(key, CompletableFuture.completedFuture("v"));
      assertThat(log.text())
          .contains("storing '" + key + "' after an asynchronous @CachePut completed failed");
    }
    assertThat(((AbstractCache) bound.cache()).failureLog().warningCount())
        .as("rate-limited with the alias's other failures, in its one failure log")
        .isEqualTo(1);
  }

  @Test
  void anAsyncHitIsACompletedFutureAndAMissComputesAndStores() throws Exception {
    CacheSite.Bound bound = site("default", false, "k").bind();
    String key = bound.constantKey();
    CompletableFuture<String> miss =
        bound.cachedAsync(key, () -> CompletableFuture.completedFuture("computed"));
    assertThat(miss.get(10, TimeUnit.SECONDS)).isEqualTo("computed");
    CompletableFuture<String> hit =
        bound.cachedAsync(
            key,
            () -> {
              throw new AssertionError("computed on a hit");
            });
    assertThat(hit).isCompletedWithValue("computed");
  }

  @Test
  void anAsyncLookupThatFailsIsAFailedFutureNotAThrow() {
    CacheSite.Bound bound = site("down", false, "k").bind();
    CompletableFuture<String> result =
        bound.cachedAsync(bound.constantKey(), () -> CompletableFuture.completedFuture("computed"));
    assertThat(result).isCompletedExceptionally();
    assertThat(result.handle((value, failure) -> failure).join())
        .isInstanceOf(CacheConnectionException.class);
  }

  @Test
  void optionalContent() {
    assertThat(CacheSite.content(Optional.of("x"))).isEqualTo("x");
    assertThat(CacheSite.content(Optional.empty())).isNull();
    assertThat(CacheSite.content(null)).isNull();
  }
}
