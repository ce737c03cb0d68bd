package io.cachegen.runtime.internal;

import static io.cachegen.runtime.internal.SiteHandler.STRING;
import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.spi.MapCache;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code @Cached(nearCache = false)} at its site ({@link SiteOptions#nearCache}): on a backend with
 * a near tier ({@link MapCache#near}, in front of its store), such a site's lookups, asynchronous
 * lookups and miss-path second looks read the store, while a default site is served the near copy;
 * on a backend without one, both read the same. (Redis's near cache: the processor's {@code
 * NearCacheMethodTest}.)
 */
class SiteNearCacheTest {
  private static final String METHOD = "Accounts.balance(String)";

  @RegisterExtension final SiteHandler sites = new SiteHandler();

  private static CacheSite.Bound throughNear(String alias) {
    return CacheSite.cached(alias, STRING).build().bind();
  }

  private static CacheSite.Bound pastNear(String alias) {
    return CacheSite.cached(alias, STRING).nearCache(false).method(METHOD).build().bind();
  }

  @Test
  void aLookupReadsTheStoreWhileADefaultSiteIsServedTheNearCopy() throws Exception {
    CacheSite.Bound pastNear = pastNear("locked");
    CacheSite.Bound throughNear = throughNear("locked");
    MapCache cache = (MapCache) pastNear.cache();
    String key = pastNear.makeKey("balance:ann");
    cache.values.put(key, "100");
    cache.near.put(key, "90 (stale)");

    assertThat(throughNear.lookup(key)).isEqualTo("90 (stale)");
    assertThat(pastNear.lookup(key)).isEqualTo("100");
    assertThat(
            pastNear
                .<String>cachedAsync(key, () -> CompletableFuture.completedFuture("computed"))
                .get(10, TimeUnit.SECONDS))
        .as("the asynchronous form reads the store too")
        .isEqualTo("100");
    assertThat(cache.near).as("reading past the near tier leaves it as it was").hasSize(1);
  }

  @Test
  void itsLookupsAreCountedAsADefaultSitesAre() {
    CacheSite.Bound pastNear = pastNear("locked");
    MapCache cache = (MapCache) pastNear.cache();
    String key = pastNear.makeKey("balance:ann");
    assertThat(pastNear.lookup(key)).isSameAs(CacheSite.MISS);
    cache.values.put(key, "100");
    assertThat(pastNear.lookup(key)).isEqualTo("100");

    CacheStats method = sites.handler().metrics().methodStats().get(METHOD);
    assertThat(method.hits()).isEqualTo(1);
    assertThat(method.misses()).isEqualTo(1);
    assertThat(cache.stats().hits()).as("the method's counts are its alias's").isEqualTo(1);
    assertThat(cache.stats().misses()).isEqualTo(1);
  }

  @Test
  void theMissPathsSecondLookReadsTheStoreToo() {
    CacheSite.Bound pastNear = pastNear("locked");
    CacheSite.Bound throughNear = throughNear("locked");
    MapCache cache = (MapCache) pastNear.cache();
    String key = pastNear.makeKey("balance:ann");
    cache.near.put(key, "90 (stale)");

    // load without completions always looks again before computing
    assertThat(throughNear.load(key, () -> "computed")).isEqualTo("90 (stale)");
    assertThat(pastNear.load(key, () -> "computed")).isEqualTo("computed");
    assertThat(cache.values).containsEntry(key, "computed");
  }

  @Test
  void underTheStampedeGuardTheSecondLookReadsTheStoreToo() {
    CacheSite.Bound pastNear =
        CacheSite.cached("locked", STRING).nearCache(false).stampedeGuard(true).build().bind();
    MapCache cache = (MapCache) pastNear.cache();
    String key = pastNear.makeKey("balance:ann");
    cache.near.put(key, "90 (stale)");
    // another process stored the value while this one waited for the lock
    cache.whileWaitingForLock = () -> cache.values.put(key, "100");
    assertThat(pastNear.load(key, pastNear.completions(key), () -> "computed")).isEqualTo("100");
  }

  @Test
  void onABackendWithoutANearCacheItReadsAsADefaultSite() {
    CacheSite.Bound pastNear = pastNear("default");
    CacheSite.Bound throughNear = throughNear("default");
    String key = pastNear.makeKey("balance:ann");
    assertThat(pastNear.lookup(key)).isSameAs(CacheSite.MISS);
    throughNear.store(key, "100");
    assertThat(pastNear.lookup(key)).isEqualTo("100");
    assertThat(pastNear.load(key, () -> "computed")).isEqualTo("100");
    pastNear.store(key, "110");
    assertThat(throughNear.lookup(key)).isEqualTo("110");
  }
}
