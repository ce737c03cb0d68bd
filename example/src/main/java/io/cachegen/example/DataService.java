package io.cachegen.example;

import io.cachegen.annotations.Cached;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notes' {@code data}: built on a miss as {@code ["0", "1", "2"]} and cached for 10 seconds.
 * Use the generated {@code DataServiceCached}.
 */
public class DataService {
  private static final Logger LOG = LoggerFactory.getLogger(DataService.class);

  private final AtomicInteger computations = new AtomicInteger();

  /**
   * The data, from the cache when it is there. The body runs only when the value has to be
   * computed: once per miss and handler, however many requests miss together.
   */
  @Cached(timeout = 10, key = "data")
  public List<String> data() {
    computations.incrementAndGet();
    List<String> data = List.of("0", "1", "2");
    LOG.debug("computed data {}", data);
    return data;
  }

  /** How many times the method body ran (values computed by this instance). */
  public int computations() {
    return computations.get();
  }
}
