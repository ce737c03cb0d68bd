package io.cachegen.runtime.spi;

import java.time.Duration;

/**
 * Implemented by backends that can hold a short lock across processes (Redis). Generated
 * {@code @Cached} code with the cross-JVM stampede guard switched on uses it on a miss: one process
 * computes under the lock ({@link #lockKey(String)}), the others wait briefly and read its value.
 */
public interface DistributedLocking {

  /**
   * The key of the lock that guards the computation of the made key {@code madeKey}: always in
   * {@code madeKey}'s Redis Cluster slot, whatever the backend, so that the lock and the value it
   * guards live on one node of a cluster. The one place that decides it:
   *
   * <ul>
   *   <li>a key with a hash tag (between its first <code>&#123;</code> and the first <code>&#125;
   *       </code> after it, not empty), such as {@code users:1:user:{42}:orders}: {@code madeKey +
   *       ":lock"}, which has the same hash tag;
   *   <li>a key without one and without a <code>&#125;</code>, such as {@code users:1:user:42}:
   *       <code>"&#123;" + madeKey + "&#125;:lock"</code>, hashed on exactly {@code madeKey};
   *   <li>any other key (a <code>&#125;</code> that closes no hash tag, which generated keys never
   *       hold, but a {@code key_prefix} or {@code key_function} may): <code>"&#123;" + t +
   *       "&#125;:" + madeKey + ":lock"</code>, where {@code t} is a short text in {@code
   *       madeKey}'s slot.
   * </ul>
   *
   * @param madeKey a made key (after the alias's key function)
   * @return the lock's key, in {@code madeKey}'s slot
   */
  static String lockKey(String madeKey) {
    if (ClusterSlots.hasHashTag(madeKey)) {
      return madeKey + ":lock";
    }
    if (!madeKey.isEmpty() && madeKey.indexOf('}') < 0) {
      return "{" + madeKey + "}:lock";
    }
    return "{" + ClusterSlots.tagFor(ClusterSlots.slot(madeKey)) + "}:" + madeKey + ":lock";
  }

  /**
   * Tries to take the lock named {@code lockKey} (an already-made key; the stampede guard passes
   * {@link #lockKey(String)} of the key it computes) for at most {@code lease}, waiting up to
   * {@code wait} for it.
   *
   * @return a handle whose {@code close()} releases the lock if this caller still owns it, or
   *     {@code null} if the lock was not taken within {@code wait}
   */
  Lease tryLock(String lockKey, Duration lease, Duration wait);

  /** A held lock. {@link #close()} releases it only if it is still ours; it never throws. */
  interface Lease extends AutoCloseable {
    @Override
    void close();
  }
}
