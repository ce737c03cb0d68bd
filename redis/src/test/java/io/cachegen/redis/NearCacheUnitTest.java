package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.test.ManualTicker;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The near cache's rules without a server: what a racing invalidation or flush leaves behind. */
class NearCacheUnitTest {
  private static final ValueType<String> STRING = ValueType.of(String.class);
  private final ManualTicker ticker = new ManualTicker();
  private NearCache near;

  @BeforeEach
  void live() {
    near =
        new NearCache(
            100, TimeUnit.SECONDS.toNanos(60), false, ticker, CacheMetrics.inProcess().alias("a"));
    near.live(true);
  }

  private void fill(String key, String value, long pttl) {
    NearCache.Loading loading = near.startLoading(key);
    near.install(key, loading, value, STRING, null, pttl);
  }

  @Test
  void aReadThatCompletesKeepsItsCopy() {
    fill("k", "v", -1);
    assertThat(near.get("k", STRING).value()).isEqualTo("v");
  }

  @Test
  void anInvalidationThatOvertakesTheReadsReplyKeepsTheReplyOut() {
    NearCache.Loading loading = near.startLoading("k");
    near.invalidate("k"); // arrived before the GET's reply was handled
    near.install("k", loading, "old", STRING, null, -1);
    assertThat(near.get("k", STRING)).isNull();
  }

  @Test
  void aFlushDuringTheReadKeepsTheReplyOut() {
    NearCache.Loading loading = near.startLoading("k");
    near.flush();
    near.install("k", loading, "old", STRING, null, -1);
    assertThat(near.get("k", STRING)).isNull();
  }

  @Test
  void losingTrackingDuringTheReadKeepsTheReplyOutAndNothingIsKeptUntilItIsBack() {
    NearCache.Loading loading = near.startLoading("k");
    near.live(false);
    near.live(true); // even if it is back by the time the reply is handled
    near.install("k", loading, "old", STRING, null, -1);
    assertThat(near.get("k", STRING)).isNull();
    near.live(false);
    assertThat(near.startLoading("k")).as("no marker while tracking is down").isNull();
  }

  @Test
  void ofTwoReadsOfOneKeyOnlyTheLaterKeepsItsCopy() {
    NearCache.Loading first = near.startLoading("k");
    NearCache.Loading second = near.startLoading("k");
    near.install("k", first, "first", STRING, null, -1);
    assertThat(near.get("k", STRING)).isNull();
    near.install("k", second, "second", STRING, null, -1);
    assertThat(near.get("k", STRING).value()).isEqualTo("second");
  }

  @Test
  void aCopyLivesAtMostNearMaxAgeAndAtMostTheKeysTtl() {
    fill("forever", "v", -1);
    fill("short", "v", 1_000);
    ticker.advance(java.time.Duration.ofMillis(999));
    assertThat(near.get("short", STRING)).isNotNull();
    ticker.advance(java.time.Duration.ofMillis(1));
    assertThat(near.get("short", STRING)).isNull();
    ticker.advanceSeconds(58);
    assertThat(near.get("forever", STRING)).as("59 s old").isNotNull();
    ticker.advanceSeconds(1);
    assertThat(near.get("forever", STRING)).isNull();
  }

  @Test
  void aKeyThatExpiredBetweenItsGetAndItsPttlIsNotKept() {
    fill("k", "v", -2); // PTTL's answer for a key that no longer exists
    assertThat(near.get("k", STRING)).isNull();
  }

  @Test
  void aCopyByReferenceIsServedOnlyAsTheTypeItWasDecodedAs() {
    fill("k", "v", -1);
    assertThat(near.get("k", ValueType.of(Object.class))).isNull();
  }
}
