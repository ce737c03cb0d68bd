package io.cachegen.micrometer;

import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.runtime.spi.FailureLog;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The event names one alias (or one of its methods) has reported, each with its {@code
 * cachegen.events} meter, declared the first time the name is seen. The meter reads the alias's
 * counters, into which its methods' roll up. Names of failures other than lookups and stores
 * ({@code evict_failure}, ...) are left to {@code cachegen.failures}.
 */
final class AliasEvents {
  private static final Set<String> FAILURE_EVENTS =
      Arrays.stream(FailureLog.Category.values())
          .map(CacheMeters::failureEvent)
          .collect(Collectors.toUnmodifiableSet());

  private final Set<String> names = ConcurrentHashMap.newKeySet();
  private final String manager;
  private final String alias;
  private final CacheMetrics.Counters aliasCounts;
  private final MeterRegistrations registrations;

  AliasEvents(
      String manager,
      String alias,
      CacheMetrics.Counters aliasCounts,
      MeterRegistrations registrations) {
    this.manager = manager;
    this.alias = alias;
    this.aliasCounts = aliasCounts;
    this.registrations = registrations;
  }

  /** Declares the meter of event {@code name} unless it was seen before (one set lookup then). */
  void seen(String name) {
    if (names.contains(name) || FAILURE_EVENTS.contains(name)) {
      return;
    }
    if (names.add(name)) {
      registrations.declare(List.of(CacheMeters.event(manager, alias, name, aliasCounts)));
    }
  }
}
