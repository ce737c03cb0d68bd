package io.cachegen.runtime;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A {@link Ticker} that moves only when told to: for testing expiry without sleeping. */
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
