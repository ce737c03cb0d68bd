package io.cachegen.runtime.locmem;

/**
 * One stored value: its bytes (store-by-value) or the object itself (store-by-reference, with
 * {@link #NULL} for a stored null), and how long it lives from its last write.
 *
 * @param payload the encoded bytes or the object
 * @param ttlNanos time to live from now; {@link #KEEP} keeps the expiry the key already has
 */
record Entry(Object payload, long ttlNanos) {
  /** Stands for a stored {@code null} in store-by-reference mode. */
  static final Object NULL = new Object() {
    @Override
    public String toString() {
      return "NULL";
    }
  };

  /** Keep the current expiry (for {@code incr} and {@code touch}-like rewrites). */
  static final long KEEP = -1;

  /** Never expires. */
  static final long FOREVER = Long.MAX_VALUE;
}
