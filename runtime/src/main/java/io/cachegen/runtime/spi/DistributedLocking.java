package io.cachegen.runtime.spi;

import java.time.Duration;

/**
 * Implemented by backends that can hold a short lock across processes (Redis). Generated
 * {@code @Cached} code with the cross-JVM stampede guard switched on uses it on a miss: one process
 * computes under the lock, the others wait briefly and read its value.
 */
public interface DistributedLocking {

  /**
   * Tries to take the lock named {@code lockKey} (an already-made key) for at most {@code lease},
   * waiting up to {@code wait} for it.
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
