package io.cachegen.runtime;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a value stays in a cache, with Django's three cases.
 *
 * <ul>
 *   <li>{@link #DEFAULT}: the alias's configured {@code timeout} (Django's {@code DEFAULT_TIMEOUT}).
 *   <li>{@link #NEVER}: the value never expires (Django's {@code timeout=None}).
 *   <li>{@code Timeout.seconds(0)}: expire at once, i.e. do not cache (Django's {@code timeout=0}).
 * </ul>
 *
 * <p>Instances are immutable and thread-safe. Create them once (for example as {@code static final}
 * constants) and reuse them.
 */
public final class Timeout {
  private static final long DEFAULT_MARK = -1;
  private static final long NEVER_MARK = -2;

  /** Use the alias's configured default timeout. */
  public static final Timeout DEFAULT = new Timeout(DEFAULT_MARK);

  /** Never expire (Django's {@code None}). */
  public static final Timeout NEVER = new Timeout(NEVER_MARK);

  /** Expire at once: the value is not stored, and a value already under the key is removed. */
  public static final Timeout NOW = new Timeout(0);

  private final long millis;

  private Timeout(long millis) {
    this.millis = millis;
  }

  /**
   * A timeout of the given number of seconds.
   *
   * @throws IllegalArgumentException if {@code seconds} is negative
   */
  public static Timeout seconds(long seconds) {
    if (seconds < 0) {
      throw new IllegalArgumentException(
          "timeout must be >= 0 seconds (0 = do not cache); got " + seconds
              + ". Use Timeout.NEVER for no expiry or Timeout.DEFAULT for the alias's default");
    }
    return seconds == 0 ? NOW : new Timeout(Math.multiplyExact(seconds, 1000L));
  }

  /**
   * A timeout of the given duration, rounded down to whole milliseconds.
   *
   * @throws IllegalArgumentException if {@code duration} is negative
   */
  public static Timeout of(Duration duration) {
    if (duration.isNegative()) {
      throw new IllegalArgumentException("timeout must not be negative; got " + duration);
    }
    long ms = duration.toMillis();
    return ms == 0 ? NOW : new Timeout(ms);
  }

  /**
   * Parses a configuration value: a whole number of seconds ({@code 0} = do not cache) or {@code
   * none} (never expires).
   *
   * @throws IllegalArgumentException naming the accepted forms if the text is neither
   */
  public static Timeout parse(String text) {
    String t = text.trim().toLowerCase(Locale.ROOT);
    if (t.equals("none") || t.equals("never")) {
      return NEVER;
    }
    long seconds;
    try {
      seconds = Long.parseLong(t);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "'" + text + "' is not a timeout: use a whole number of seconds >= 0 (0 = do not cache)"
              + " or 'none' (never expires)");
    }
    if (seconds < 0) {
      throw new IllegalArgumentException(
          "'" + text + "' is negative: use a whole number of seconds >= 0 (0 = do not cache)"
              + " or 'none' (never expires)");
    }
    return seconds(seconds);
  }

  /** Whether this is {@link #DEFAULT}. */
  public boolean isDefault() {
    return millis == DEFAULT_MARK;
  }

  /** Whether this is {@link #NEVER}. */
  public boolean isNever() {
    return millis == NEVER_MARK;
  }

  /** Whether values with this timeout expire at once, i.e. are not cached. */
  public boolean expiresImmediately() {
    return millis == 0;
  }

  /**
   * The timeout in milliseconds.
   *
   * @throws IllegalStateException for {@link #DEFAULT} and {@link #NEVER}, which have no length
   */
  public long toMillis() {
    if (millis < 0) {
      throw new IllegalStateException(this + " has no length");
    }
    return millis;
  }

  /** Resolves {@link #DEFAULT} against an alias's default; any other timeout is returned as is. */
  public Timeout orElse(Timeout aliasDefault) {
    return isDefault() ? aliasDefault : this;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Timeout other && other.millis == millis;
  }

  @Override
  public int hashCode() {
    return Long.hashCode(millis);
  }

  @Override
  public String toString() {
    if (isDefault()) {
      return "Timeout.DEFAULT";
    }
    if (isNever()) {
      return "Timeout.NEVER";
    }
    return millis % 1000 == 0 ? "Timeout[" + millis / 1000 + "s]" : "Timeout[" + millis + "ms]";
  }
}
