package io.cachegen.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.cachegen.runtime.CacheHandler;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * An in-memory miss + set on a fresh key per operation, like for like: cachegen's generated
 * {@code @Cached} method on locmem (default {@code max_entries=300}, by reference or by value)
 * beside Caffeine's {@code get(key, fn)} on a cache bounded at the same 300 entries. Both build
 * the same key string per call ({@code bench:1:small:<n>}, from a shared counter so that threads
 * never share a key) and compute the same payload; both caches stay full, so each insert evicts.
 */
@State(Scope.Benchmark)
public class MissPath {
  private static final AtomicLong IDS = new AtomicLong();

  /** {@code reference} or {@code value}: locmem's {@code store_by_value}. */
  @Param({"reference", "value"})
  public String store;

  private CacheHandler handler;
  private MissPathService cachegen;
  private Cache<String, Object> caffeine;

  @Setup(Level.Trial)
  public void setup() {
    handler = CachegenSetup.installLocmem(store);
    cachegen = new MissPathServiceCached();
    caffeine = Caffeine.newBuilder().maximumSize(300).build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    handler.close();
  }

  /** cachegen: lookup misses, the method runs once, its value is stored. */
  @Benchmark
  public Object cachegenMissSet() {
    return cachegen.small(Long.toString(IDS.incrementAndGet()));
  }

  /** Floor: Caffeine computes and stores on its own atomic miss path. */
  @Benchmark
  public Object caffeineGetFn() {
    String id = Long.toString(IDS.incrementAndGet());
    return caffeine.get(Keys.PREFIX + ":1:small:" + id, k -> compute());
  }

  private static List<String> compute() {
    return Payloads.SMALL;
  }
}
