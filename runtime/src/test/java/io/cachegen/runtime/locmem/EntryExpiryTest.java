package io.cachegen.runtime.locmem;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheMetrics;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Expiry instants compare correctly wherever the clock's origin lies, and the default clock runs.
 */
class EntryExpiryTest {

  @Test
  void expiryWorksAcrossTheClocksWrapAround() {
    long now = Long.MAX_VALUE - 10;
    long at = Entry.expiryAfter(now, 100);
    Entry entry = new Entry("v", at);
    assertThat(entry.expiredAt(now)).isFalse();
    assertThat(entry.expiredAt(now + 99)).isFalse(); // wraps to a negative reading
    assertThat(entry.expiredAt(now + 100)).isTrue();
  }

  @Test
  void expiryWorksFromANegativeOrigin() {
    long now = Long.MIN_VALUE + 5;
    Entry entry = new Entry("v", Entry.expiryAfter(now, TimeUnit.SECONDS.toNanos(10)));
    assertThat(entry.expiredAt(now + TimeUnit.SECONDS.toNanos(9))).isFalse();
    assertThat(entry.expiredAt(now + TimeUnit.SECONDS.toNanos(10))).isTrue();
  }

  @Test
  void enormousLifetimesAreCappedNotWrappedIntoThePast() {
    long now = 1234;
    Entry entry = new Entry("v", Entry.expiryAfter(now, Long.MAX_VALUE - 1));
    assertThat(entry.expiresAt()).isNotEqualTo(Entry.FOREVER);
    assertThat(entry.expiredAt(now)).isFalse();
    assertThat(entry.expiredAt(now + Duration.ofDays(365 * 99L).toNanos())).isFalse();
  }

  @Test
  void neverExpiringEntriesNeverExpire() {
    Entry entry = new Entry("v", Entry.FOREVER);
    assertThat(entry.expiredAt(Long.MIN_VALUE)).isFalse();
    assertThat(entry.expiredAt(Long.MAX_VALUE)).isFalse();
  }

  @Test
  void theDefaultTickerIsReadThroughTheMillisecondClock() throws InterruptedException {
    LocMemStore store = new LocMemStore(10, Ticker.system(), CacheMetrics.Counters.NONE);
    assertThat(store.clock).isSameAs(BackendContext.expiryClock(Ticker.system()));
    long first = store.clock.read();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (store.clock.read() == first && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(store.clock.read()).as("the clock thread advances the reading").isGreaterThan(first);
  }

  @Test
  void anotherTickerIsReadDirectly() {
    Ticker custom = () -> 42;
    assertThat(new LocMemStore(10, custom, CacheMetrics.Counters.NONE).clock).isSameAs(custom);
  }
}
