package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachegen.redis.Eventually;
import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The example on Redis with the near cache on, configured by the environment variables the README
 * gives: every behaviour of the example holds, and repeated requests are served from memory.
 */
@Tag("redis")
class NearCacheExampleTest extends ExampleAppContract {
  private final String prefix = RedisFixture.uniquePrefix();

  @Override
  protected CacheHandler newHandler() {
    return CacheHandler.create(
        CacheConfig.load(
            Map.of(
                "CACHEGEN_CACHES_DEFAULT_BACKEND",
                "redis",
                "CACHEGEN_CACHES_DEFAULT_LOCATION",
                RedisFixture.shared(),
                "CACHEGEN_CACHES_DEFAULT_KEY_PREFIX",
                prefix,
                "CACHEGEN_CACHES_DEFAULT_OPTIONS_NEAR_CACHE",
                "true"),
            new Properties()));
  }

  private long nearHits() throws Exception {
    return new ObjectMapper()
        .readTree(get("/stats").body())
        .path("aliases")
        .path("default")
        .path("events")
        .path("near_hit")
        .asLong();
  }

  @Test
  void repeatedRequestsAreServedFromTheNearCache() throws Exception {
    get("/data");
    // the first copy may be dropped by the invalidation of the example's own store; then kept
    Eventually.within(
        Duration.ofSeconds(10),
        "a /data request served from the near cache",
        () -> {
          try {
            get("/data");
            return nearHits() > 0;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
    assertThat(data.computations()).isEqualTo(1);
  }
}
