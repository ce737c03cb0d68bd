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
  private static final ThreadLocal<Boolean> COMPUTED_HERE = ThreadLocal.withInitial(() -> false);

  private final AtomicInteger computations = new AtomicInteger();

  /** The data, from the cache when it is there. */
  @Cached(timeout = 10, key = "data")
  public List<String> data() {
    computations.incrementAndGet();
    COMPUTED_HERE.set(true);
    List<String> data = List.of("0", "1", "2");
    LOG.debug("cache miss: computed {}", data);
    return data;
  }

  /** How many times the method body ran (cache misses served by this instance). */
  public int computations() {
    return computations.get();
  }

  /**
   * Whether the last {@link #data()} call on this thread ran the body, clearing the flag: lets the
   * view log {@code cache hit} as the notes' view does.
   */
  static boolean computedOnThisThread() {
    boolean computed = COMPUTED_HERE.get();
    COMPUTED_HERE.set(false);
    return computed;
  }
}
