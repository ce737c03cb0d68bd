package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.redis.RedisCache;
import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Timeout;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The example on Redis, from the shared fixture, as with CACHEGEN_CACHES_DEFAULT_BACKEND=redis. */
@Tag("redis")
class RedisExampleTest extends ExampleAppContract {
  private final String prefix = RedisFixture.uniquePrefix();

  @Override
  protected CacheHandler newHandler() {
    return CacheHandler.create(
        CacheConfig.fromMap(
            Map.of(
                "caches.default.backend",
                "redis",
                "caches.default.location",
                RedisFixture.shared(),
                "caches.default.key_prefix",
                prefix)));
  }

  @Test
  void dataIsStoredOnTheServerForTenSecondsAndPagesForThirty() throws Exception {
    get("/data");
    get("/login?next=r");
    RedisCache redis = (RedisCache) handler.cache();
    Timeout dataTtl = redis.ttl("data");
    Timeout pageTtl = redis.ttl(LoginPageCached.keyForRender("/login?next=r", "r"));
    assertThat(dataTtl.toMillis()).isBetween(1L, 10_000L);
    assertThat(pageTtl.toMillis()).isBetween(10_001L, 30_000L);
  }

  @Test
  void anEvictedValueIsComputedAgain() throws Exception {
    get("/data");
    DataServiceCached.evictData();
    get("/data");
    assertThat(data.computations()).isEqualTo(2);
  }
}
