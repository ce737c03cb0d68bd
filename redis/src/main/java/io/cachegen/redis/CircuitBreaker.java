package io.cachegen.redis;

import io.cachegen.runtime.Ticker;
import io.cachegen.runtime.spi.CacheMetrics;
import java.math.BigDecimal;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The circuit breaker of one Redis server ({@code options.retry_after}). Closed, every call goes
 * through. A call that times out or cannot connect opens it: for {@code retry_after} calls are
 * {@link Admission#REJECT rejected} without touching the network; then exactly one caller gets a
 * {@link Admission#PROBE probe} while the others are still rejected. A probe the server answers
 * (even with an error reply) closes the breaker; one that times out or cannot connect opens it for
 * another {@code retry_after}.
 *
 * <p>A closed breaker costs a call one volatile read; only an open one reads the clock. Opening and
 * closing are logged once per change of state, so at most once per {@code retry_after}.
 * Thread-safe.
 */
final class CircuitBreaker {
  /** Counted in the alias's {@link CacheMetrics} each time a breaker opens. */
  static final String OPEN_EVENT = "circuit_open";

  /** Counted each time a probe closes a breaker. */
  static final String CLOSED_EVENT = "circuit_closed";

  private final CacheMetrics.Counters metrics;
  private static final Logger LOG = LoggerFactory.getLogger(CircuitBreaker.class);

  /** What {@link #admit()} allows a call to do. */
  enum Admission {
    /** The breaker is closed: go ahead. */
    PASS,
    /** The breaker was open for {@code retry_after}: this call is the one probe. */
    PROBE,
    /** The breaker is open, or another caller is probing: fail without calling the server. */
    REJECT
  }

  private static final int CLOSED = 0;
  private static final int OPEN = 1;
  private static final int PROBING = 2;

  private final String alias;
  private final String server;
  private final long retryAfterNanos;
  private final Ticker clock;
  private final AtomicInteger state = new AtomicInteger(CLOSED);

  /** When the breaker last opened; written before {@link #state} becomes OPEN. */
  private volatile long openedAt;

  /** The failure that last opened the breaker, for the message of rejected calls. */
  private volatile String lastFailure = "";

  /**
   * @param alias the cache alias, for log lines
   * @param server the server as {@code host:port} (no credentials), for log lines
   * @param retryAfterMillis how long the breaker stays open; 0 turns it off
   * @param clock the time source (the cache handler's ticker, so tests can move it)
   * @param metrics the alias's counters: {@code circuit_open} each time the breaker opens after
   *     calls went through, {@code circuit_closed} each time a probe closes it
   */
  CircuitBreaker(
      String alias,
      String server,
      long retryAfterMillis,
      Ticker clock,
      CacheMetrics.Counters metrics) {
    this.metrics = metrics;
    this.alias = alias;
    this.server = server;
    this.retryAfterNanos = TimeUnit.MILLISECONDS.toNanos(retryAfterMillis);
    this.clock = clock;
  }

  /** Whether a call may go to the server now; see {@link Admission}. */
  Admission admit() {
    int s = state.get();
    if (s == CLOSED) {
      return Admission.PASS;
    }
    if (s == OPEN
        && clock.read() - openedAt >= retryAfterNanos
        && state.compareAndSet(OPEN, PROBING)) {
      return Admission.PROBE;
    }
    return Admission.REJECT;
  }

  /** The server answered a call admitted as {@code admission} (with data or an error reply). */
  void answered(Admission admission) {
    if (admission == Admission.PROBE) {
      state.set(CLOSED);
      metrics.event(CLOSED_EVENT);
      LOG.info("cache '{}': Redis server {} answers again; circuit breaker closed", alias, server);
    }
  }

  /**
   * A call admitted as {@code admission} timed out or could not connect: a probe opens the breaker
   * again; any other call opens a closed one. A call that was already under way when another opened
   * the breaker changes nothing.
   *
   * @param failure a one-line description of the failure, without credentials
   */
  void timedOutOrUnreachable(Admission admission, String failure) {
    if (retryAfterNanos == 0) {
      return;
    }
    if (admission == Admission.PROBE) {
      open(failure);
      state.set(OPEN);
      LOG.debug(
          "cache '{}': Redis server {}: probe failed, circuit breaker open again: {}",
          alias,
          server,
          failure);
    } else if (state.get() == CLOSED) {
      open(failure);
      if (state.compareAndSet(CLOSED, OPEN)) {
        metrics.event(OPEN_EVENT);
        LOG.warn(
            "cache '{}': Redis server {} timed out or could not be reached ({}); circuit"
                + " breaker open: calls to it fail at once for the next {} s, then one probe is"
                + " sent",
            alias,
            server,
            failure,
            seconds(retryAfterNanos));
      }
    }
  }

  /**
   * A call admitted as {@code admission} ended without telling whether the server is healthy (e.g.
   * the caller's own code threw, or the pool had no free connection): a probe hands its turn to the
   * next caller.
   */
  void inconclusive(Admission admission) {
    if (admission == Admission.PROBE) {
      state.compareAndSet(PROBING, OPEN);
    }
  }

  private void open(String failure) {
    lastFailure = failure;
    openedAt = clock.read();
  }

  /** What a rejected call tells its caller: how long until the next probe, and why. */
  String rejection() {
    long left = Math.max(0, retryAfterNanos - (clock.read() - openedAt));
    String when =
        state.get() == PROBING ? "a probe is under way" : "retrying after " + seconds(left) + " s";
    return "circuit breaker open, "
        + when
        + " (options.retry_after = "
        + seconds(retryAfterNanos)
        + " s; it opened on: "
        + lastFailure
        + ")";
  }

  /** Whether calls are currently rejected (open, or a probe under way). */
  boolean isOpen() {
    return state.get() != CLOSED;
  }

  private static String seconds(long nanos) {
    return BigDecimal.valueOf(TimeUnit.NANOSECONDS.toMillis(nanos), 3)
        .stripTrailingZeros()
        .toPlainString();
  }

  @Override
  public String toString() {
    return "CircuitBreaker[" + server + ", " + (isOpen() ? "open" : "closed") + "]";
  }
}
