package io.cachegen.runtime.dummy;

import io.cachegen.runtime.CacheKeyNotFoundException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.spi.AbstractCache;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.SetMode;

/**
 * {@code backend=dummy}: Django's {@code DummyCache}. It implements the whole contract and caches
 * nothing: every read is a miss, writes report success as Django's do ({@code set} and {@code add}
 * return {@code true}), {@code delete} and {@code touch} return {@code false}, and {@code incr}
 * fails with {@link CacheKeyNotFoundException}. Useful in development and in tests of the code
 * around a cache. Not final, so tests can observe it (for example count {@link #close()}).
 */
public class DummyCache extends AbstractCache {

  /** A dummy cache for {@code settings}, with the codec {@code options.serializer} names. */
  public DummyCache(CacheSettings settings, KeyFunction keyFunction) {
    super(settings, keyFunction);
  }

  /** A dummy cache with the key function and codec its handler resolved. */
  public DummyCache(CacheSettings settings, BackendContext context) {
    super(settings, context);
  }

  @Override
  protected Object doGet(String madeKey, ValueType<?> type) {
    return MISS;
  }

  @Override
  protected boolean doSet(String madeKey, Object value, Timeout timeout, SetMode mode) {
    encode(value);
    return mode != SetMode.IF_PRESENT;
  }

  @Override
  protected boolean doDelete(String madeKey) {
    return false;
  }

  @Override
  protected boolean doHasKey(String madeKey) {
    return false;
  }

  @Override
  protected long doIncr(String key, String madeKey, long delta) {
    throw new CacheKeyNotFoundException(key);
  }

  @Override
  protected boolean doTouch(String madeKey, Timeout timeout) {
    return false;
  }

  @Override
  protected boolean doMove(String fromMadeKey, String toMadeKey) {
    return false;
  }

  @Override
  protected void doClear() {}

  @Override
  public void close() {}
}
