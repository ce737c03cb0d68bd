package io.cachegen.benchmarks;

import java.util.List;
import org.springframework.cache.annotation.Cacheable;

/**
 * The peer subject: the same methods with Spring's {@code @Cacheable}, called through Spring's
 * proxy. Keys use Spring's default key generator ({@code SimpleKey.EMPTY} for no arguments, the
 * argument itself for one), its fastest idiomatic setup.
 */
public class SpringBenchService {

  /** Constant key, small payload. */
  @Cacheable("data")
  public List<String> data() {
    return Payloads.SMALL;
  }

  /** Parameter key, small payload. */
  @Cacheable("item")
  public List<String> item(long id) {
    return Payloads.SMALL;
  }

  /** Constant key, graph payload. */
  @Cacheable("order")
  public Payloads.Order order() {
    return Payloads.GRAPH;
  }

  /** Parameter key, graph payload. */
  @Cacheable("orderById")
  public Payloads.Order orderById(long id) {
    return Payloads.GRAPH;
  }

  /** {@code String} parameter key, small payload. */
  @Cacheable("small")
  public List<String> small(String id) {
    return Payloads.SMALL;
  }

  /** Misses: a fresh id per call, small payload (a bounded cache, see the subjects). */
  @Cacheable("miss")
  public List<String> missSmall(long id) {
    return Payloads.SMALL;
  }

  /** Misses: a fresh id per call, graph payload. */
  @Cacheable("missorder")
  public Payloads.Order missGraph(long id) {
    return Payloads.GRAPH;
  }
}
