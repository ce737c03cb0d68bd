package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.test.ManualTicker;
import io.cachegen.test.TestCaches;
import org.junit.jupiter.api.Test;

/** The example on the embedded locmem default, with a test clock for expiry. */
class LocMemExampleTest extends ExampleAppContract {
  private final ManualTicker ticker = new ManualTicker();

  @Override
  protected CacheHandler newHandler() {
    // the contract installs it as the process-wide handler and closes it when the next test starts
    return TestCaches.inMemory().ticker(ticker).build().handler();
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
