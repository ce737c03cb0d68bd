package io.cachegen.redis;

import io.cachegen.runtime.spi.DistributedLocking;
import io.cachegen.runtime.spi.SetMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;

/**
 * A held Redis lock: a key set with {@code SET NX PX} to a random owner token, which expires by
 * itself after its lease. {@link #close()} deletes it only if it still holds this owner's token (a
 * compare-and-delete script), so a lock that expired and was taken by someone else is never
 * released by mistake. Use it with try-with-resources:
 *
 * <pre>{@code
 * try (RedisLock lock = cache.lock("report", Duration.ofSeconds(30))) {
 *   ...
 * }
 * }</pre>
 *
 * <p>Every lock of a Redis alias is taken here ({@link #acquire}), on the primary: {@code
 * RedisCache.lock} and the stampede guard's {@code tryLock}. Thread-safe; closing twice is
 * harmless.
 */
public final class RedisLock implements DistributedLocking.Lease {
  /** The first pause between two attempts to take a held lock; it doubles up to the max. */
  private static final long FIRST_PAUSE_MILLIS = 5;

  private static final long MAX_PAUSE_MILLIS = 100;

  private final String key;
  private final String token;
  private final DefaultClient client;
  private final AtomicBoolean released = new AtomicBoolean();

  private RedisLock(String key, String token, DefaultClient client) {
    this.key = key;
    this.token = token;
    this.client = client;
  }

  /**
   * Takes the lock stored under {@code key} for at most {@code lease} (at least a millisecond),
   * trying again while another owner holds it, with pauses from 5 ms doubling up to 100 ms, until
   * {@code wait} has passed.
   *
   * @return the lock, or {@code null} if it was not taken within {@code wait} or the thread was
   *     interrupted while waiting (its interrupt status stays set)
   * @throws RedisConnectionException if the primary cannot be reached
   */
  static RedisLock acquire(DefaultClient client, String key, Duration lease, Duration wait) {
    String token = UUID.randomUUID().toString();
    byte[][] args =
        SetCommand.args(
            key.getBytes(StandardCharsets.UTF_8),
            token.getBytes(StandardCharsets.UTF_8),
            Math.max(1, lease.toMillis()),
            SetMode.IF_ABSENT);
    long deadline = System.nanoTime() + wait.toNanos();
    long pauseMillis = FIRST_PAUSE_MILLIS;
    while (true) {
      if (SetCommand.stored(
          client.write(args[0], c -> c.sendCommand(args[0], SetCommand.SET, args)))) {
        return new RedisLock(key, token, client);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      LockSupport.parkNanos(Math.min(left, pauseMillis * 1_000_000L));
      if (Thread.currentThread().isInterrupted()) {
        return null;
      }
      pauseMillis = Math.min(MAX_PAUSE_MILLIS, pauseMillis * 2);
    }
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
    Object r =
        client.write(
            key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
            c ->
                RedisScripts.eval(
                    c,
                    RedisScripts.EXTEND_LOCK,
                    List.of(key),
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
      client.write(
          key.getBytes(java.nio.charset.StandardCharsets.UTF_8),
          c -> RedisScripts.eval(c, RedisScripts.RELEASE_LOCK, List.of(key), List.of(token)));
    } catch (RuntimeException e) {
      // the lease ends it
    }
  }

  @Override
  public String toString() {
    return "RedisLock[" + key + "]";
  }
}
