package io.cachegen.benchmarks;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.Caches;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Decomposition subjects on the runtime API, below the generated code: {@code BaseCache.get} (key
 * made on every call) and {@code BaseCache.lookup} on a key made once (the least a generated
 * constant-key method can do), on each backend.
 */
@State(Scope.Benchmark)
public class CachegenApi {
  @Param({"reference", "value", "redis"})
  public String backend;

  private BaseCache cache;
  private String madeSmall;

  @Setup
  public void setup() {
    CachegenSetup.install(backend);
    cache = Caches.cache();
    madeSmall = cache.makeKey("data");
    cache.set("data", Payloads.SMALL);
    cache.set("order", Payloads.GRAPH);
  }

  @TearDown
  public void tearDown() {
    CachegenSetup.uninstall();
  }

  /** {@code cache.get("data", type)}: makes and validates the key, then looks it up. */
  @Benchmark
  public Object getSmall() {
    return cache.get("data", Payloads.SMALL_TYPE);
  }

  /** {@code cache.lookup(madeKey, type)} on a key made once. */
  @Benchmark
  public Object lookupSmall() {
    return cache.lookup(madeSmall, Payloads.SMALL_TYPE);
  }
}
