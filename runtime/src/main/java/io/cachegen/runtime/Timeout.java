package io.cachegen.runtime;

import java.time.Duration;
import java.util.Locale;

/**
 * How long a value stays in a cache, with Django's three cases.
 *
 * <ul>
 *   <li>{@link #DEFAULT}: the alias's configured {@code timeout} (Django's {@code
 *       DEFAULT_TIMEOUT}).
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

  /**
   * The longest timeout, in seconds: 100 years (3,155,760,000). Every backend can express it (a
   * Redis expiry must fit in a 64-bit count of milliseconds since 1970); use {@link #NEVER} for
   * values that should not expire at all.
   */
  public static final long MAX_SECONDS = 3_155_760_000L;

  private static final String RANGE =
      "a whole number of seconds from 0 (do not cache) to " + MAX_SECONDS + " (100 years)";

  private static final Duration MAX = Duration.ofSeconds(MAX_SECONDS);

  /** What a configured timeout may be, for messages. */
  public static final String ALLOWED = RANGE + ", or 'none' (never expires)";

  private final long millis;

  private Timeout(long millis) {
    this.millis = millis;
  }

  /**
   * A timeout of the given number of seconds.
   *
   * @throws IllegalArgumentException if {@code seconds} is negative or more than {@link
   *     #MAX_SECONDS}
   */
  public static Timeout seconds(long seconds) {
    if (seconds < 0 || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException(
          "timeout must be "
              + RANGE
              + "; got "
              + seconds
              + ". Use Timeout.NEVER for no expiry or Timeout.DEFAULT for the alias's default");
    }
    return seconds == 0 ? NOW : new Timeout(seconds * 1000L);
  }

  /**
   * A timeout of the given duration, rounded down to whole milliseconds.
   *
   * @throws IllegalArgumentException if {@code duration} is negative or longer than {@link
   *     #MAX_SECONDS}
   */
  public static Timeout of(Duration duration) {
    if (duration.isNegative() || duration.compareTo(MAX) > 0) {
      throw new IllegalArgumentException(
          "timeout must be from 0 to "
              + MAX_SECONDS
              + " seconds (100 years); got "
              + duration
              + ". Use Timeout.NEVER for no expiry");
    }
    long ms = duration.toMillis();
    return ms == 0 ? NOW : new Timeout(ms);
  }

  /**
   * Parses a configuration value: a whole number of seconds from 0 (do not cache) to {@link
   * #MAX_SECONDS}, or {@code none} (never expires).
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
      seconds = -1; // also a number too large for a long
    }
    if (seconds < 0 || seconds > MAX_SECONDS) {
      throw new IllegalArgumentException("'" + text + "' is not a timeout: use " + ALLOWED);
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
