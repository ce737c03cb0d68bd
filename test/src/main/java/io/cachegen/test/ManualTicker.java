package io.cachegen.test;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Ticker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A {@link Ticker} that moves only when told to: for tests, to expire entries or end a Redis
 * back-off without sleeping. Install it with {@link CacheHandler.Builder#ticker(Ticker)}, or get
 * one with a handler from {@link TestCaches}. It starts at 0. Thread-safe.
 *
 * <pre>{@code
 * ManualTicker ticker = new ManualTicker();
 * CacheHandler handler = CacheHandler.builder().config(config).ticker(ticker).build();
 * ...
 * ticker.advanceSeconds(301); // entries stored with the default timeout (300 s) have expired
 * }</pre>
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
