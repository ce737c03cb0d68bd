package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.processor.fixtures.Status;
import io.cachegen.processor.fixtures.User;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.test.ManualTicker;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The generated wrappers' behaviour ({@link CachedBehaviourContract}) on locmem, whose time a
 * {@link ManualTicker} moves: so also what needs time moved by hand (timeouts), which stays
 * locmem-only.
 */
class CachedBehaviourTest extends CachedBehaviourContract {
  private static final AtomicInteger LOCATIONS = new AtomicInteger();

  /** The clock of this test's handlers. */
  private final ManualTicker ticker = new ManualTicker();

  @Override
  CacheHandler newHandler() {
    return CacheHandler.builder()
        .config(
            CacheConfig.fromMap(
                Map.of(
                    "caches.default.backend", "locmem",
                    "caches.default.location", "behaviour-" + LOCATIONS.incrementAndGet(),
                    "caches.default.timeout", "300",
                    "caches.default.options.store_by_value", "true",
                    "caches.other.backend", "locmem",
                    "caches.other.location", "behaviour-other-" + LOCATIONS.incrementAndGet())))
        .ticker(ticker)
        .build();
  }

  @Test
  void valueExpiresAfterTimeout() {
    service.data();
    ticker.advanceSeconds(9);
    service.data();
    assertThat(service.calls("data")).isEqualTo(1);
    ticker.advanceSeconds(2);
    service.nextValue = "new";
    assertThat(service.data()).containsExactly("new", "b");
    assertThat(service.calls("data")).isEqualTo(2);
  }

  @Test
  void aliasDefaultTimeoutApplies() {
    User u = new User(1, "ann");
    service.describe(u, Status.OPEN);
    ticker.advanceSeconds(299);
    service.describe(u, Status.OPEN);
    assertThat(service.calls("describe")).isEqualTo(1);
    ticker.advanceSeconds(2);
    service.describe(u, Status.OPEN);
    assertThat(service.calls("describe")).isEqualTo(2);
  }

  @Test
  void varargsConstantKeyNeverExpires() {
    assertThat(service.sum(1, 2, 3)).isEqualTo(6);
    ticker.advanceSeconds(1_000_000);
    assertThat(service.sum(1, 2, 3)).isEqualTo(6);
    assertThat(service.calls("sum")).isEqualTo(1);
  }
}
