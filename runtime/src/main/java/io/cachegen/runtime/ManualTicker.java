package io.cachegen.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that moves only when told to: <b>for tests</b>, to expire entries or end a Redis
 * back-off without sleeping. Install it with {@link CacheHandler.Builder#ticker(Ticker)}.
 * Thread-safe.
 *
 * <p>Test support, not part of the caching API: it lives in the main artifact for now and moves to
 * a {@code cachegen-test} artifact in a later release.
 */
public final class ManualTicker implements Ticker {
  private final AtomicLong nanos = new AtomicLong();

  @Override
  public long read() {
    return nanos.get();
  }

  /** Moves time forward by {@code duration}. */
  public ManualTicker advance(Duration duration) {
    nanos.addAndGet(duration.toNanos());
    return this;
  }

  /** Moves time forward by {@code seconds}. */
  public ManualTicker advanceSeconds(long seconds) {
    return advance(Duration.ofSeconds(seconds));
  }
}
