package io.cachegen.runtime.locmem;

/**
 * One stored value: its bytes (store-by-value) or the object itself (store-by-reference, with
 * {@link #NULL} for a stored null), and the instant on the store's clock at which it expires.
 *
 * @param payload the encoded bytes or the object
 * @param expiresAt the clock reading from which the entry is gone; {@link #FOREVER} never expires
 */
record Entry(Object payload, long expiresAt) {
  /** Stands for a stored {@code null} in store-by-reference mode. */
  static final Object NULL =
      new Object() {
        @Override
        public String toString() {
          return "NULL";
        }
      };

  /** Never expires. */
  static final long FOREVER = Long.MAX_VALUE;

  /** Whether the entry has expired at clock reading {@code now}. */
  boolean expiredAt(long now) {
    return expiresAt != FOREVER && now - expiresAt >= 0;
  }

  /** The same value with another expiry. */
  Entry withExpiry(long newExpiresAt) {
    return new Entry(payload, newExpiresAt);
  }

  /**
   * Lifetimes are capped at about 100 years, so that expiry instants compare by subtraction, as
   * {@link System#nanoTime()} values must, wherever the clock's origin lies.
   */
  static final long MAX_TTL_NANOS = 100L * 365 * 24 * 3600 * 1_000_000_000L;

  /** The expiry instant for a time to live of {@code ttlNanos} from {@code now}. */
  static long expiryAfter(long now, long ttlNanos) {
    long at = now + Math.min(ttlNanos, MAX_TTL_NANOS);
    return at == FOREVER ? at - 1 : at;
  }
}
