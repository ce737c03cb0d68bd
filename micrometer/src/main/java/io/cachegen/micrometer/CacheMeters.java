package io.cachegen.micrometer;

import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.runtime.spi.FailureLog;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.ToLongFunction;

/**
 * The meters' names and tags, one place. Each meter is a function meter reading {@link
 * CacheMetrics.Counters#snapshot()} when the registry is read (a scrape), so counting costs nothing
 * beyond the in-process counters.
 *
 * <p>Per alias, the names and tag keys of Spring Boot's own cache meters, as its {@code
 * CacheMetricsRegistrar} binds Micrometer's {@code CaffeineCacheMetrics}: {@code cache}, {@code
 * name} (both the cache's name) and {@code cache.manager}, plus {@code result} where Micrometer has
 * it. So a dashboard made for Boot's caches shows cachegen's aliases, and an application that also
 * has a Caffeine cache manager exports one tag set per name (Prometheus drops a series whose tag
 * keys differ from its name's others).
 */
final class CacheMeters {
  static final String GETS = "cache.gets";
  static final String PUTS = "cache.puts";
  static final String EVICTIONS = "cache.evictions";
  static final String LOADS = "cache.load";
  static final String LOAD_DURATION = "cache.load.duration";
  static final String FAILURES = "cachegen.failures";
  static final String EVENTS = "cachegen.events";
  static final String METHOD_GETS = "cachegen.method.gets";
  static final String METHOD_LOADS = "cachegen.method.load";
  static final String METHOD_LOAD_DURATION = "cachegen.method.load.duration";

  // Micrometer's own descriptions for the names its cache binders share with ours: a registry
  // that exports one description per name (Prometheus's HELP) sees no difference.
  private static final String GETS_DESCRIPTION =
      "The number of times cache lookup methods have returned a cached (hit) or uncached (newly"
          + " loaded or null) value (miss).";
  private static final String PUTS_DESCRIPTION = "The number of entries added to the cache";
  private static final String EVICTIONS_DESCRIPTION = "The number of times the cache was evicted.";
  private static final String LOADS_DESCRIPTION =
      "The number of times cache lookup methods have successfully loaded a new value or failed to"
          + " load a new value, either because no value was found or an exception was thrown while"
          + " loading";
  private static final String LOAD_DURATION_DESCRIPTION =
      "The time the cache has spent loading new values";

  private CacheMeters() {}

  /** The meters of {@code alias} (its methods' counts included), read from {@code counters}. */
  static List<Consumer<MeterRegistry>> alias(
      String manager, String alias, CacheMetrics.Counters counters) {
    Tags tags = Tags.of("cache", alias, "name", alias, "cache.manager", manager);
    List<Consumer<MeterRegistry>> meters = new ArrayList<>();
    meters.add(counter(GETS, GETS_DESCRIPTION, tags.and("result", "hit"), counters, s -> s.hits()));
    meters.add(
        counter(GETS, GETS_DESCRIPTION, tags.and("result", "miss"), counters, s -> s.misses()));
    meters.add(counter(PUTS, PUTS_DESCRIPTION, tags, counters, s -> s.puts()));
    meters.add(counter(EVICTIONS, EVICTIONS_DESCRIPTION, tags, counters, s -> s.evictions()));
    loads(meters, LOADS, LOAD_DURATION, tags, counters);
    Tags cachegenTags = Tags.of("cache", alias, "cache.manager", manager);
    for (FailureLog.Category category : FailureLog.Category.values()) {
      meters.add(
          counter(
              FAILURES,
              "The number of calls to the backend that failed, by operation.",
              cachegenTags.and("operation", category.toString()),
              counters,
              failures(category)));
    }
    return meters;
  }

  /** The meter of backend event {@code event} of {@code alias}. */
  static Consumer<MeterRegistry> event(
      String manager, String alias, String event, CacheMetrics.Counters counters) {
    return counter(
        EVENTS,
        "The number of times the backend reported an event of its own (e.g. circuit_open).",
        Tags.of("cache", alias, "cache.manager", manager, "event", event),
        counters,
        s -> s.event(event));
  }

  /** The meters of generated method {@code method} caching in {@code alias}. */
  static List<Consumer<MeterRegistry>> method(
      String manager, String alias, String method, CacheMetrics.Counters counters) {
    Tags tags = Tags.of("cache", alias, "cache.manager", manager, "method", method);
    List<Consumer<MeterRegistry>> meters = new ArrayList<>();
    meters.add(
        counter(METHOD_GETS, GETS_DESCRIPTION, tags.and("result", "hit"), counters, s -> s.hits()));
    meters.add(
        counter(
            METHOD_GETS, GETS_DESCRIPTION, tags.and("result", "miss"), counters, s -> s.misses()));
    loads(meters, METHOD_LOADS, METHOD_LOAD_DURATION, tags, counters);
    return meters;
  }

  /**
   * The name under which the event counts of other failures than lookups and stores are kept: the
   * category's label and {@code _failure} ({@link CacheStats#events()}: {@code evict_failure}).
   */
  static String failureEvent(FailureLog.Category category) {
    return category + "_failure";
  }

  private static ToLongFunction<CacheStats> failures(FailureLog.Category category) {
    return switch (category) {
      case LOOKUP -> CacheStats::lookupFailures;
      case STORE -> CacheStats::storeFailures;
      default -> {
        String event = failureEvent(category);
        yield s -> s.event(event);
      }
    };
  }

  private static void loads(
      List<Consumer<MeterRegistry>> meters,
      String loads,
      String duration,
      Tags tags,
      CacheMetrics.Counters counters) {
    meters.add(
        counter(loads, LOADS_DESCRIPTION, tags.and("result", "success"), counters, s -> s.loads()));
    meters.add(
        counter(
            loads,
            LOADS_DESCRIPTION,
            tags.and("result", "failure"),
            counters,
            s -> s.loadFailures()));
    meters.add(
        registry ->
            TimeGauge.builder(
                    duration,
                    counters,
                    TimeUnit.NANOSECONDS,
                    c -> c.snapshot().totalLoadTimeNanos())
                .tags(tags)
                .description(LOAD_DURATION_DESCRIPTION)
                .strongReference(true)
                .register(registry));
  }

  /**
   * A function counter of {@code counters}. Micrometer keeps its state object weakly; {@link
   * MeterRegistrations} keeps this declaration, and with it {@code counters}, strongly.
   */
  private static Consumer<MeterRegistry> counter(
      String name,
      String description,
      Tags tags,
      CacheMetrics.Counters counters,
      ToLongFunction<CacheStats> value) {
    return registry ->
        FunctionCounter.builder(name, counters, c -> value.applyAsLong(c.snapshot()))
            .tags(tags)
            .description(description)
            .register(registry);
  }
}
