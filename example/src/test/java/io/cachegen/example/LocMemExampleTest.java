package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.ManualTicker;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The example on the embedded locmem default, with a test clock for expiry. */
class LocMemExampleTest extends ExampleAppContract {
  private final ManualTicker ticker = new ManualTicker();

  @Override
  protected CacheHandler newHandler() {
    return CacheHandler.builder()
        .config(CacheConfig.fromMap(Map.of("caches.default.backend", "locmem")))
        .ticker(ticker)
        .build();
  }

  @Test
  void afterTenSecondsTheDataIsComputedAgain() throws Exception {
    get("/data");
    ticker.advanceSeconds(9);
    get("/data");
    assertThat(data.computations()).isEqualTo(1);
    ticker.advanceSeconds(2);
    get("/data");
    assertThat(data.computations()).isEqualTo(2);
  }

  @Test
  void afterExpiryTheLogShowsAMissAgain() throws Exception {
    try (LogCapture log = new LogCapture()) {
      get("/data");
      ticker.advanceSeconds(9);
      get("/data");
      ticker.advanceSeconds(2);
      get("/data");
      assertThat(log.sequenceOf("cache miss", "cache hit"))
          .containsExactly("cache miss", "cache hit", "cache miss");
    }
  }

  @Test
  void afterThirtySecondsThePageIsRenderedAgain() throws Exception {
    get("/login?next=x");
    ticker.advanceSeconds(29);
    get("/login?next=x");
    assertThat(login.renders()).isEqualTo(1);
    ticker.advanceSeconds(2);
    get("/login?next=x");
    assertThat(login.renders()).isEqualTo(2);
  }
}
