package io.cachegen.micrometer;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every meter ever declared, and every registry bound: each meter is registered exactly once on
 * each registry, whichever comes first. A meter declared after a registry was bound is registered
 * on it at once; a registry bound later gets every meter declared so far. Both happen under one
 * lock, on cold paths only (an alias's or method's first use, an event's first occurrence, a bind).
 *
 * <p>The declarations capture the counters their meters read, so this object keeps those counters
 * strongly reachable: Micrometer's function meters hold their state weakly, and would read {@code
 * NaN} once it was collected.
 */
final class MeterRegistrations {
  private static final Logger log = LoggerFactory.getLogger(MicrometerCacheMetrics.class);

  private final List<Consumer<MeterRegistry>> declared = new ArrayList<>();
  private final List<MeterRegistry> registries = new ArrayList<>();

  /** Binds {@code registry}: registers every meter declared so far; false if already bound. */
  synchronized boolean bind(MeterRegistry registry) {
    for (MeterRegistry bound : registries) {
      if (bound == registry) {
        return false;
      }
    }
    registries.add(registry);
    for (Consumer<MeterRegistry> meter : declared) {
      register(meter, registry);
    }
    return true;
  }

  /** Declares {@code meters} and registers them on every registry bound so far. */
  synchronized void declare(Collection<Consumer<MeterRegistry>> meters) {
    declared.addAll(meters);
    for (MeterRegistry registry : registries) {
      for (Consumer<MeterRegistry> meter : meters) {
        register(meter, registry);
      }
    }
  }

  /**
   * A registry that refuses a meter (e.g. a name it already has with other tag keys) must not fail
   * the cache call that made the meter appear: the refusal is logged, once per meter and registry.
   */
  private static void register(Consumer<MeterRegistry> meter, MeterRegistry registry) {
    try {
      meter.accept(registry);
    } catch (RuntimeException e) {
      log.warn("could not register a cache meter on {}: {}", registry.getClass().getName(), e);
    }
  }
}
