package io.cachegen.benchmarks;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * The generated {@code BenchServiceCached}: hits on a constant key ({@code "data"}) and on a
 * parameter key ({@code "item:{id}"}, {@code "small:{id}"} with a {@code String}), and miss+set on
 * a fresh key per call, on locmem by reference, locmem by value, and Redis; the hits also on an
 * instance constructed with the handler ({@code ...OnHandler}).
 */
@State(Scope.Benchmark)
public class CachegenMethods {
  @Param({"reference", "value", "redis"})
  public String backend;

  private BenchService service;

  /** Constructed with the handler: its sites bound once, in the constructor. */
  private BenchService onHandler;

  /** The {@code String} parameter of {@link #hitStringSmall}; a field, so the key is not folded. */
  private String name = Keys.NAME;

  @Setup
  public void setup() {
    CacheHandler handler = CachegenSetup.install(backend);
    BaseCache cache = Caches.cache();
    cache.clear();
    service = new BenchServiceCached();
    onHandler = new BenchServiceCached(handler);
    service.data();
    service.item(Keys.ID);
    service.order();
    service.orderById(Keys.ID);
    service.small(name);
    for (long id = 0; id < SPREAD; id++) {
      service.item(id);
    }
  }

  /** How many ids {@link #hitParamSmallSpread} cycles through: twice the key memo's slots. */
  static final int SPREAD = 128;

  @TearDown
  public void tearDown() {
    CachegenSetup.uninstall();
  }

  @Benchmark
  public Object hitConstSmall() {
    return service.data();
  }

  @Benchmark
  public Object hitParamSmall() {
    return service.item(Keys.ID);
  }

  /**
   * {@link #hitConstSmall} on an instance constructed with the handler: the bound site is an
   * instance field, so no volatile read of the process-wide handler.
   */
  @Benchmark
  public Object hitConstSmallOnHandler() {
    return onHandler.data();
  }

  /** {@link #hitParamSmall} on an instance constructed with the handler. */
  @Benchmark
  public Object hitParamSmallOnHandler() {
    return onHandler.item(Keys.ID);
  }

  /**
   * Parameter-key hits cycling through {@value #SPREAD} cached ids in turn: the generated key
   * memo's worst case, every call building its key again (a cold key, not a hot one).
   */
  @Benchmark
  public Object hitParamSmallSpread(FreshIds ids) {
    return service.item(ids.cycle++ & (SPREAD - 1));
  }

  /**
   * {@code String} parameter key ({@code "small:{id}"}): the made key is built and hashed on every
   * call, as for any key that is not a single integral parameter.
   */
  @Benchmark
  public Object hitStringSmall() {
    return service.small(name);
  }

  @Benchmark
  public Object hitConstGraph() {
    return service.order();
  }

  @Benchmark
  public Object hitParamGraph() {
    return service.orderById(Keys.ID);
  }

  /** A miss on a fresh key: run the body, encode, store, return. */
  @Benchmark
  public Object missSetSmall(FreshIds ids) {
    return service.missSmall(ids.next++);
  }

  @Benchmark
  public Object missSetGraph(FreshIds ids) {
    return service.missGraph(ids.next++);
  }
}
