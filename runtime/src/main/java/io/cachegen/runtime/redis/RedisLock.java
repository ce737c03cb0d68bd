package io.cachegen.runtime.redis;

import io.cachegen.runtime.spi.DistributedLocking;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import redis.clients.jedis.RedisClient;

/**
 * A held Redis lock: a key set with {@code SET NX PX} to a random owner token, which expires by
 * itself after its lease. {@link #close()} deletes it only if it still holds this owner's token
 * (a compare-and-delete script), so a lock that expired and was taken by someone else is never
 * released by mistake. Use it with try-with-resources:
 *
 * <pre>{@code
 * try (RedisLock lock = cache.lock("report", Duration.ofSeconds(30))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Thread-safe; closing twice is harmless.
 */
public final class RedisLock implements DistributedLocking.Lease {
  private final String key;
  private final String token;
  private final Function<Function<RedisClient, Object>, Object> onPrimary;
  private final AtomicBoolean released = new AtomicBoolean();

  RedisLock(String key, String token, Function<Function<RedisClient, Object>, Object> onPrimary) {
    this.key = key;
    this.token = token;
    this.onPrimary = onPrimary;
  }

  /** The made key that holds the lock. */
  public String key() {
    return key;
  }

  /**
   * Extends the lease to {@code lease} from now, if this owner still holds the lock.
   *
   * @return whether the lock was still ours and was extended
   */
  public boolean extend(Duration lease) {
    Object r = onPrimary.apply(c -> c.eval(RedisScripts.EXTEND_LOCK, List.of(key),
        List.of(token, Long.toString(Math.max(1, lease.toMillis())))));
    return r instanceof Long l && l == 1;
  }

  /**
   * Releases the lock if this owner still holds it. Never throws: a lock that cannot be released
   * expires after its lease.
   */
  @Override
  public void close() {
    if (!released.compareAndSet(false, true)) {
      return;
    }
    try {
      onPrimary.apply(c -> c.eval(RedisScripts.RELEASE_LOCK, List.of(key), List.of(token)));
    } catch (RuntimeException e) {
      // the lease ends it
    }
  }

  @Override
  public String toString() {
    return "RedisLock[" + key + "]";
  }
}
