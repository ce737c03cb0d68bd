package io.cachegen.runtime.spi;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheKeyNotFoundException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Backend {@code "map"} for tests of what {@link AbstractCache} and generated code's helpers do
 * around a backend: values by reference in a map, no expiry, a near tier in front of it and a
 * cross-process lock as Redis offers them, with hooks for what another process or caller does
 * meanwhile. Not a cache to test.
 */
public final class MapCache extends AbstractCache implements DistributedLocking {
  /** The provider of backend {@code "map"}. */
  public static final CacheBackendProvider PROVIDER =
      new CacheBackendProvider() {
        @Override
        public String name() {
          return "map";
        }

        @Override
        public Set<String> options() {
          return Set.of();
        }

        @Override
        public BaseCache create(CacheSettings settings, BackendContext context) {
          return new MapCache(settings, context);
        }
      };

  /** The stored values by made key. */
  public final Map<String, Object> values = new ConcurrentHashMap<>();

  /**
   * A stand-in for a near cache in front of the store (as Redis's {@code near_cache}): copies by
   * made key that {@link #doGet} serves before {@link #values} and {@link #doGetBypassingNear}
   * ignores. Tests put into it; nothing else does.
   */
  public final Map<String, Object> near = new ConcurrentHashMap<>();

  /** The lock keys asked for, in order. */
  public final List<String> locksTaken = new CopyOnWriteArrayList<>();

  /** How many leases were released. */
  public final AtomicInteger leasesReleased = new AtomicInteger();

  /** Whether {@link #tryLock} gets the lock (else it timed out waiting). */
  public volatile boolean grantLocks = true;

  /**
   * Runs once, inside the next {@link #tryLock}: what another process did while this one waited.
   */
  public volatile Runnable whileWaitingForLock;

  /** Runs once, after the next read that missed and before it returns the miss. */
  public volatile Runnable afterNextMiss;

  private MapCache(CacheSettings settings, BackendContext context) {
    super(settings, context);
  }

  @Override
  protected Object doGet(String madeKey, ValueType<?> type) {
    Object copy = near.get(madeKey);
    return copy != null ? copy : doGetBypassingNear(madeKey, type);
  }

  @Override
  protected Object doGetBypassingNear(String madeKey, ValueType<?> type) {
    Object value = values.getOrDefault(madeKey, MISS);
    Runnable hook = afterNextMiss;
    if (value == MISS && hook != null) {
      afterNextMiss = null;
      hook.run();
    }
    return value;
  }

  @Override
  protected boolean doSet(String madeKey, Object value, Timeout timeout, SetMode mode) {
    return switch (mode) {
      case ALWAYS -> {
        values.put(madeKey, value);
        yield true;
      }
      case IF_ABSENT -> values.putIfAbsent(madeKey, value) == null;
      case IF_PRESENT -> values.replace(madeKey, value) != null;
    };
  }

  @Override
  protected boolean doDelete(String madeKey) {
    return values.remove(madeKey) != null;
  }

  @Override
  protected boolean doHasKey(String madeKey) {
    return values.containsKey(madeKey);
  }

  @Override
  protected long doIncr(String key, String madeKey, long delta) {
    throw new CacheKeyNotFoundException(key);
  }

  @Override
  protected boolean doTouch(String madeKey, Timeout timeout) {
    return values.containsKey(madeKey);
  }

  @Override
  protected boolean doMove(String fromMadeKey, String toMadeKey) {
    return false;
  }

  @Override
  protected void doClear() {
    values.clear();
  }

  @Override
  public Lease tryLock(String lockKey, Duration lease, Duration wait) {
    locksTaken.add(lockKey);
    Runnable meanwhile = whileWaitingForLock;
    if (meanwhile != null) {
      whileWaitingForLock = null;
      meanwhile.run();
    }
    return grantLocks ? leasesReleased::incrementAndGet : null;
  }
}
