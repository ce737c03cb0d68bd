package io.cachegen.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.EvictionScheduler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Generated code's evictions run when the handler's {@link EvictionScheduler} runs them. */
class EvictionSchedulerTest {
  private final List<Runnable> pending = new ArrayList<>();
  private final CacheHandler handler =
      CacheHandler.builder()
          .config(CacheConfig.fromMap(Map.of("caches.default.backend", "locmem")))
          .evictionScheduler(pending::add)
          .build();
  private final BaseCache cache = handler.cache();

  @Test
  void aRemovalWaitsForTheScheduler() {
    cache.set("k", "v");
    CacheSite.Bound evict = CacheSite.evict("default").constantKey("k").build().bind(handler);

    evict.remove(evict.constantKey());

    assertThat(cache.get("k", String.class)).isEqualTo("v");
    assertThat(pending).hasSize(1);
    pending.get(0).run();
    assertThat(cache.get("k", String.class)).isNull();
  }

  @Test
  void aClearWaitsForTheScheduler() {
    cache.set("a", "1");
    CacheSite.Bound evict = CacheSite.evict("default").build().bind(handler);

    evict.clear();

    assertThat(cache.get("a", String.class)).isEqualTo("1");
    pending.forEach(Runnable::run);
    assertThat(cache.get("a", String.class)).isNull();
  }

  @Test
  void theCachesOwnDeleteIsNeverDeferred() {
    cache.set("k", "v");

    cache.delete("k");

    assertThat(pending).isEmpty();
    assertThat(cache.get("k", String.class)).isNull();
  }

  @Test
  void byDefaultEvictionsRunAtOnce() {
    CacheHandler plain = CacheHandler.builder().config(CacheConfig.fromMap(Map.of())).build();
    assertThat(plain.evictionScheduler()).isSameAs(EvictionScheduler.IMMEDIATE);
    plain.cache().set("k", "v");
    CacheSite.Bound evict = CacheSite.evict("default").constantKey("k").build().bind(plain);

    evict.remove(evict.constantKey());

    assertThat(plain.cache().get("k", String.class)).isNull();
  }
}
