package io.cachegen.benchmarks;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.Caches;
import java.time.Duration;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Near-cache hits through the generated {@code BenchServiceCached}: the same methods as {@link
 * CachegenMethods}' hits, on a Redis {@code default} alias with {@code near_cache=true}, by
 * reference ({@code store_by_value=false}: the copy itself) and by value (the default: a decode of
 * the stored bytes per hit). A class of its own rather than a backend of {@link CachegenMethods}:
 * its hits are in-memory work measured with the memory subjects (not in the Redis rounds), and only
 * the hits mean anything near (a miss + set is a Redis miss + set).
 *
 * <p>The setup waits for tracking, then calls every subject until a whole round is served from L1
 * (the first call stores, and the store's own invalidation may drop the next read's copy), and the
 * teardown fails the run if more than 1% of the lookups since then were not near hits: a number
 * here is a near hit's, not a round trip's.
 */
@State(Scope.Benchmark)
public class CachegenNear {
  @Param({"reference", "value"})
  public String store;

  private BaseCache cache;
  private BenchService service;
  private long nearHitsAtStart;
  private long nearMissesAtStart;

  @Setup
  public void setup() {
    CachegenSetup.installNear(store);
    cache = Caches.cache();
    NearEvents.awaitTracking(cache);
    cache.clear();
    service = new BenchServiceCached();
    callEach();
    NearEvents.awaitQuiet(cache, Duration.ofMillis(50));
    NearEvents.until(
        NearEvents.DEADLINE,
        "a round of generated calls served from the near cache",
        () -> {
          long before = NearEvents.count(cache, NearEvents.HIT);
          callEach();
          return NearEvents.count(cache, NearEvents.HIT) - before == CALLS;
        });
    CacheStats s = cache.stats();
    nearHitsAtStart = s.event(NearEvents.HIT);
    nearMissesAtStart = s.event(NearEvents.MISS);
  }

  /** How many lookups {@link #callEach} makes. */
  private static final int CALLS = 3;

  private void callEach() {
    service.data();
    service.item(Keys.ID);
    service.orderById(Keys.ID);
  }

  @TearDown
  public void tearDown() {
    CacheStats s = cache.stats();
    long hits = s.event(NearEvents.HIT) - nearHitsAtStart;
    long misses = s.event(NearEvents.MISS) - nearMissesAtStart;
    long flushes = s.event(NearEvents.FLUSH);
    CachegenSetup.uninstall();
    if (hits == 0 || misses * 100 > hits + misses) {
      throw new IllegalStateException(
          "near hits were not near: "
              + hits
              + " near hits and "
              + misses
              + " near misses during the run ("
              + flushes
              + " near flushes in all)");
    }
  }

  @Benchmark
  public Object hitConstSmall() {
    return service.data();
  }

  @Benchmark
  public Object hitParamSmall() {
    return service.item(Keys.ID);
  }

  @Benchmark
  public Object hitParamGraph() {
    return service.orderById(Keys.ID);
  }
}
