package io.cachegen.spring.boot.cache;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.EvictionScheduler;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import java.util.concurrent.Callable;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;

/**
 * One cachegen alias as a Spring {@link Cache}, for {@code @Cacheable} and friends.
 *
 * <p><b>Keys.</b> Spring passes keys as objects (a method's single argument, or a {@code SimpleKey}
 * of several); each becomes the cachegen key {@code String.valueOf(key)}, made into the stored key
 * as every key of the alias is ({@code key_prefix:version:key}). So keys whose {@code toString()}
 * is equal share an entry: use arguments with a stable, distinct text form (strings, numbers,
 * records of them), or a SpEL {@code key}.
 *
 * <p><b>Values.</b> Spring does not say which type it reads a value as ({@link #get(Object)}), so
 * this cache reads it as {@code Object}. An alias that stores by value ({@code locmem} by default,
 * {@code redis}) encodes values with Jackson and reads them back as Jackson's natural types: a
 * {@code String}, number, boolean, {@code List} or {@code Map} comes back as itself, but a record
 * or bean comes back as a {@code Map} (no class name is stored, by design: a payload never chooses
 * the class to instantiate). For other values, use an alias with {@code
 * options.store_by_value=false} (locmem keeps the object itself), read with {@link #get(Object,
 * Class)}, or use {@code @Cached}, which knows each method's return type. A value that does not
 * decode as the requested type is a miss, not an {@code IllegalStateException}.
 *
 * <p>A stored {@code null} is a value ({@link #get(Object)} returns a wrapper holding {@code
 * null}). Entries get the alias's default timeout. {@link #get(Object, Callable)} computes a
 * missing value once per key in this JVM ({@link BaseCache#getOrSet}) and wraps the loader's
 * exception in a {@link Cache.ValueRetrievalException}. The asynchronous {@code retrieve} methods
 * are not supported (Spring's default: {@code UnsupportedOperationException}).
 *
 * <p>Thread-safe, as the alias is.
 */
public final class CachegenSpringCache implements Cache {
  private static final ValueType<Object> ANY = ValueType.of(Object.class);

  /** What {@link BaseCache#get(String, ValueType, Object)} returns on a miss; never stored. */
  private static final Object MISS = new Object();

  /** One value type per class, so each keeps what the codec prepared for it. */
  private static final ClassValue<ValueType<?>> TYPES =
      new ClassValue<>() {
        @Override
        protected ValueType<?> computeValue(Class<?> type) {
          return ValueType.of(type);
        }
      };

  private final BaseCache cache;
  private final EvictionScheduler evictions;

  /** {@code cache} as a Spring cache named after its alias, evicting at once. */
  public CachegenSpringCache(BaseCache cache) {
    this(cache, EvictionScheduler.IMMEDIATE);
  }

  /**
   * {@code cache} as a Spring cache named after its alias, whose {@link #evict} and {@link #clear}
   * run when {@code evictions} says (after the transaction commits, with {@code
   * cachegen.evict-after-commit=true}).
   */
  public CachegenSpringCache(BaseCache cache, EvictionScheduler evictions) {
    this.cache = cache;
    this.evictions = evictions;
  }

  /** The cachegen key for Spring's {@code key}: {@code String.valueOf(key)}. */
  static String key(Object key) {
    return String.valueOf(key);
  }

  @Override
  public String getName() {
    return cache.alias();
  }

  /** The alias's {@link BaseCache}. */
  @Override
  public BaseCache getNativeCache() {
    return cache;
  }

  @Override
  public ValueWrapper get(Object key) {
    Object value = cache.get(key(key), ANY, MISS);
    return value == MISS ? null : new SimpleValueWrapper(value);
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Class<T> type) {
    if (type == null) {
      ValueWrapper found = get(key);
      return found == null ? null : (T) found.get();
    }
    return cache.get(key(key), (ValueType<T>) TYPES.get(type));
  }

  @Override
  @SuppressWarnings("unchecked")
  public <T> T get(Object key, Callable<T> valueLoader) {
    return (T)
        cache.getOrSet(
            key(key),
            ANY,
            () -> {
              try {
                return valueLoader.call();
              } catch (Exception e) {
                throw new ValueRetrievalException(key, valueLoader, e);
              }
            },
            Timeout.DEFAULT);
  }

  @Override
  public void put(Object key, Object value) {
    cache.set(key(key), value);
  }

  @Override
  public ValueWrapper putIfAbsent(Object key, Object value) {
    String k = key(key);
    if (cache.add(k, value)) {
      return null;
    }
    Object existing = cache.get(k, ANY, MISS);
    return existing == MISS ? null : new SimpleValueWrapper(existing);
  }

  @Override
  public void evict(Object key) {
    String k = key(key);
    evictions.schedule(() -> cache.delete(k));
  }

  @Override
  public void clear() {
    evictions.schedule(cache::clear);
  }

  /** Removes the entry now, whatever the eviction scheduler (Spring's contract). */
  @Override
  public boolean evictIfPresent(Object key) {
    return cache.delete(key(key));
  }

  /** Clears the alias now, whatever the eviction scheduler (Spring's contract). */
  @Override
  public boolean invalidate() {
    cache.clear();
    return true;
  }

  @Override
  public String toString() {
    return "CachegenSpringCache[" + cache.alias() + "]";
  }
}
