package io.cachegen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.cachegen.runtime.codec.JacksonCodec;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The in-memory floor: Caffeine's {@code getIfPresent} on a bounded cache, nothing else. A second
 * cache adds Caffeine's own per-entry expiry, to show what it would cost locmem (which checks each
 * entry's expiry instant against a millisecond clock instead), and what reading the clock for it
 * costs. Each holds 203 of at most 300 entries, as a cache in use does. The floors of the defaults:
 * a {@code String}-key lookup with the key built per call, a by-value hit (lookup of the stored
 * JSON bytes plus a Jackson decode of them: what any copy must cost), and a miss + set ({@code
 * get(key, fn)} on a fresh key, on a cache bounded at 300 entries like locmem's).
 */
@State(Scope.Benchmark)
public class MemoryFloor {
  private Cache<String, Object> plain;
  private Cache<String, Object> expiring;
  private Cache<String, Object> expiringCoarse;

  /** The graph's JSON bytes under its key, as locmem stores it by value. */
  private Cache<String, byte[]> bytes;

  /** Where the miss floor stores: bounded like locmem ({@code max_entries=300}). */
  private Cache<String, Object> misses;

  private ObjectReader graphReader;
  private static volatile long coarseClock = 1;

  /** The parameter of the parameter-key subjects; a field, so the key cannot be folded. */
  private long id = Keys.ID;

  /** The parameter of the {@code String}-key subject; a field, so the key cannot be folded. */
  private String name = Keys.NAME;

  @Setup
  public void setup() {
    plain = Caffeine.newBuilder().maximumSize(300).build();
    expiring =
        Caffeine.newBuilder()
            .maximumSize(300)
            .expireAfter(Expiry.creating((String k, Object v) -> Duration.ofMinutes(5)))
            .executor(Runnable::run)
            .build();
    expiringCoarse =
        Caffeine.newBuilder()
            .maximumSize(300)
            .expireAfter(Expiry.creating((String k, Object v) -> Duration.ofMinutes(5)))
            .ticker(() -> coarseClock)
            .executor(Runnable::run)
            .build();
    misses = Caffeine.newBuilder().maximumSize(300).build();
    bytes = Caffeine.newBuilder().maximumSize(300).build();
    bytes.put(Keys.GRAPH, JacksonCodec.json().encode(Payloads.GRAPH));
    for (int i = 0; i < 200; i++) {
      bytes.put(Keys.many(i), JacksonCodec.json().encode(Payloads.SMALL));
    }
    graphReader = new ObjectMapper().readerFor(Payloads.Order.class);
    for (Cache<String, Object> c : List.of(plain, expiring, expiringCoarse)) {
      c.put("bench:1:data", Payloads.SMALL);
      c.put(Keys.STRING_KEY, Payloads.SMALL);
      c.put("bench:1:order", Payloads.GRAPH);
      c.put("bench:1:item:" + Keys.ID, Payloads.SMALL);
      // A cache in use: past half its capacity Caffeine records reads for its eviction policy
      // (an almost empty one skips that and is a bare ConcurrentHashMap.get).
      for (int i = 0; i < 200; i++) {
        c.put(Keys.many(i), Payloads.SMALL);
      }
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

  /**
   * Informative floor for parameter keys: what any wrapper that builds its key string per call pays
   * at least (build {@code "bench:1:item:42"}, hash it, look it up).
   */
  @Benchmark
  public Object caffeineBuiltKeySmall() {
    return plain.getIfPresent("bench:1:item:" + id);
  }

  /**
   * Floor for the {@code String}-key hit ({@code "small:{id}"}): the key string built the same way
   * ({@code "bench:1:small:" + id}), hashed, and looked up.
   */
  @Benchmark
  public Object caffeineStringKeySmall() {
    return plain.getIfPresent("bench:1:small:" + name);
  }

  /**
   * Floor for a by-value hit of the graph: look up the stored JSON bytes and decode them with
   * Jackson into the static type, the least a hit that hands out a copy can cost.
   */
  @Benchmark
  public Object caffeineDecodeGraph() throws IOException {
    return graphReader.readValue(bytes.getIfPresent(Keys.GRAPH));
  }

  /**
   * Floor for an in-memory miss + set: Caffeine's {@code get(key, fn)} on a fresh key (built per
   * call like cachegen's {@code "miss:{id}"}), which computes, stores and returns the value.
   */
  @Benchmark
  public Object caffeineMissSetSmall(FreshIds ids) {
    return misses.get("bench:1:miss:" + ids.next++, k -> Payloads.SMALL);
  }

  /** Informative: the same lookup on a cache with per-entry expiry. */
  @Benchmark
  public Object caffeineExpiringSmall() {
    return expiring.getIfPresent("bench:1:data");
  }

  /**
   * Informative: per-entry expiry with a clock that costs a volatile read instead of {@code
   * System.nanoTime()}, to split the expiry cost into clock and bookkeeping.
   */
  @Benchmark
  public Object caffeineExpiringCoarseClockSmall() {
    return expiringCoarse.getIfPresent("bench:1:data");
  }

  /** Informative: what one {@code System.nanoTime()} costs on this machine. */
  @Benchmark
  public long clockNanoTime() {
    return System.nanoTime();
  }
}
