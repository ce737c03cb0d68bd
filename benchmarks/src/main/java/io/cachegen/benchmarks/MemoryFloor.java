package io.cachegen.benchmarks;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-memory floor: Caffeine's {@code getIfPresent} on a bounded cache, nothing else. A second
 * cache adds per-entry expiry (what locmem needs for Django's per-key timeouts), to show what the
 * TTL alone costs.
 */
@State(Scope.Benchmark)
public class MemoryFloor {
  private Cache<String, Object> plain;
  private Cache<String, Object> expiring;

  @Setup
  public void setup() {
    plain = Caffeine.newBuilder().maximumSize(300).build();
    expiring = Caffeine.newBuilder()
        .maximumSize(300)
        .expireAfter(Expiry.creating((String k, Object v) -> java.time.Duration.ofMinutes(5)))
        .executor(Runnable::run)
        .build();
    for (Cache<String, Object> c : java.util.List.of(plain, expiring)) {
      c.put("bench:1:data", Payloads.SMALL);
      c.put("bench:1:order", Payloads.GRAPH);
    }
  }

  /** Floor for every small-payload memory hit. */
  @Benchmark
  public Object caffeineSmall() {
    return plain.getIfPresent("bench:1:data");
  }

  /** Floor for every graph memory hit. */
  @Benchmark
  public Object caffeineGraph() {
    return plain.getIfPresent("bench:1:order");
  }

  /** Informative: the same lookup on a cache with per-entry expiry. */
  @Benchmark
  public Object caffeineExpiringSmall() {
    return expiring.getIfPresent("bench:1:data");
  }
}
