package io.cachegen.benchmarks;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.Caches;
import java.util.ArrayList;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/** {@code BaseCache.getMany} of 100 keys on Redis (one MGET), against {@link RedisFloor}. */
@State(Scope.Benchmark)
public class CachegenBatch {
  private BaseCache cache;
  private final List<String> many = new ArrayList<>();

  @Setup
  public void setup() {
    CachegenSetup.installRedis();
    cache = Caches.cache();
    for (int i = 0; i < RedisFloor.MANY; i++) {
      many.add(Keys.manyCallerKey(i));
      cache.set(Keys.manyCallerKey(i), Payloads.SMALL);
    }
  }

  @TearDown
  public void tearDown() {
    CachegenSetup.uninstall();
  }

  @Benchmark
  public Object redisGetMany100() {
    return cache.getMany(many, Payloads.SMALL_TYPE);
  }
}
