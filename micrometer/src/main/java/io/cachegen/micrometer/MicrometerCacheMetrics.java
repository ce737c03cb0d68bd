package io.cachegen.micrometer;

import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.spi.CacheMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * cachegen's counters as Micrometer meters: a {@link CacheMetrics} to build a {@link
 * io.cachegen.runtime.CacheHandler} with, and a {@link MeterBinder} to bind to one or more {@link
 * MeterRegistry registries}.
 *
 * <p>Used without Spring:
 *
 * <pre>{@code
 * MicrometerCacheMetrics metrics = new MicrometerCacheMetrics();
 * CacheHandler handler = CacheHandler.builder().metrics(metrics).build();
 * metrics.bindTo(registry);
 * Caches.install(handler); // generated classes constructed without a handler use this one
 * }</pre>
 *
 * <p>The handler is the one that counts: install it with {@code Caches.install(handler)} (the
 * process-wide handler, which generated classes use when constructed without one) or pass it to the
 * generated constructors that take a {@code CacheHandler}. The default handler, {@code
 * Caches.handler()} before any {@code install}, counts in memory only and is not seen by any
 * registry. {@code bindTo} may come before or after the handler is used; with Spring Boot, a bean
 * of this type is bound to the application's registry like any {@code MeterBinder}.
 *
 * <p><b>What it costs.</b> Counting is {@link CacheMetrics#inProcess()}'s, unchanged: a hit
 * increments one in-memory adder, and never calls Micrometer. The meters are function meters that
 * read those counters when the registry is read (a scrape); so {@link #aliasStats()}, {@link
 * #methodStats()} and {@code BaseCache.stats()} keep working as with the default metrics.
 *
 * <p><b>Meters.</b> Per alias, the names and tags of Spring Boot's own cache meters (what its
 * {@code CacheMetricsRegistrar} binds for a Caffeine cache), tagged {@code cache} and {@code name}
 * (both the alias) and {@code cache.manager} ({@linkplain #MicrometerCacheMetrics(String) the
 * manager name}, {@value #DEFAULT_CACHE_MANAGER} by default): {@code cache.gets} ({@code
 * result}={@code hit}|{@code miss}), {@code cache.puts} (values stored), {@code cache.evictions}
 * (entries dropped to make room, where the backend reports them), {@code cache.load} ({@code
 * result}={@code success}|{@code failure}: computations on a miss) and {@code cache.load.duration}
 * (their total time). They include the alias's {@code @Cached} methods' counts. No {@code
 * cache.size}: a backend's size is not cheap to read. Failed backend calls are {@code
 * cachegen.failures} ({@code cache}, {@code cache.manager}, {@code operation}={@code lookup}|{@code
 * store}|{@code evict}|{@code lock}|{@code unreadable}); a backend's own events ({@code
 * circuit_open}, {@code near_hit}, ...) are {@code cachegen.events} ({@code cache}, {@code
 * cache.manager}, {@code event}), each registered when its name first occurs. Per generated method:
 * {@code cachegen.method.gets} ({@code result}), {@code cachegen.method.load} ({@code result}) and
 * {@code cachegen.method.load.duration}, tagged {@code cache}, {@code cache.manager} and {@code
 * method} ({@code UserService.user(long)}).
 *
 * <p>An alias with {@code record_stats=false} counts nothing and has no meters: the handler never
 * asks for its counters.
 *
 * <p>Meters appear when the handler first asks for their counters (an alias's when the handler is
 * built, a method's when a generated class first binds to the handler, an event's when the backend
 * first reports it) and are registered on every registry bound before or after. This object keeps
 * what the meters read, so they read real values (never {@code NaN}) for as long as it lives, which
 * is as long as its handler does. Thread-safe.
 */
public final class MicrometerCacheMetrics implements CacheMetrics, MeterBinder {
  /** The {@code cache.manager} tag's value unless the constructor is given another. */
  public static final String DEFAULT_CACHE_MANAGER = "cachegen";

  private final CacheMetrics counts = CacheMetrics.inProcess();
  private final MeterRegistrations registrations = new MeterRegistrations();
  private final ConcurrentHashMap<String, Alias> aliases = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Counters> methods = new ConcurrentHashMap<>();
  private final String cacheManager;

  /** Meters tagged {@code cache.manager}={@value #DEFAULT_CACHE_MANAGER}. */
  public MicrometerCacheMetrics() {
    this(DEFAULT_CACHE_MANAGER);
  }

  /**
   * Meters tagged {@code cache.manager}={@code cacheManager}, e.g. to tell two handlers' meters
   * apart, or to match the name Spring Boot gives a cache manager bean (its bean name without a
   * {@code cacheManager} suffix).
   *
   * @throws NullPointerException if {@code cacheManager} is null
   * @throws IllegalArgumentException if {@code cacheManager} is blank
   */
  public MicrometerCacheMetrics(String cacheManager) {
    Objects.requireNonNull(cacheManager, "cacheManager");
    if (cacheManager.isBlank()) {
      throw new IllegalArgumentException(
          "cacheManager (the cache.manager tag of cachegen's meters) must not be blank");
    }
    this.cacheManager = cacheManager;
  }

  /**
   * Registers every meter on {@code registry}: those of the aliases and methods used so far now,
   * and later ones when they appear. Binding one registry twice does nothing the second time.
   */
  @Override
  public void bindTo(MeterRegistry registry) {
    registrations.bind(Objects.requireNonNull(registry, "registry"));
  }

  /** The {@code cache.manager} tag's value. */
  public String cacheManager() {
    return cacheManager;
  }

  @Override
  public Counters alias(String alias) {
    return aliasEntry(alias).counters;
  }

  @Override
  public Counters method(String alias, String method) {
    Counters existing = methods.get(method);
    return existing != null ? existing : newMethod(alias, method);
  }

  @Override
  public Map<String, CacheStats> aliasStats() {
    return counts.aliasStats();
  }

  @Override
  public Map<String, CacheStats> methodStats() {
    return counts.methodStats();
  }

  @Override
  public String toString() {
    return "MicrometerCacheMetrics[cache.manager=" + cacheManager + "]";
  }

  private Alias aliasEntry(String alias) {
    Alias existing = aliases.get(alias);
    return existing != null ? existing : newAlias(alias);
  }

  /** Cold: an alias's first use. Its meters are declared once, before anyone counts on it. */
  private synchronized Alias newAlias(String alias) {
    Alias existing = aliases.get(alias);
    if (existing != null) {
      return existing;
    }
    Counters aliasCounts = counts.alias(alias);
    AliasEvents events = new AliasEvents(cacheManager, alias, aliasCounts, registrations);
    registrations.declare(CacheMeters.alias(cacheManager, alias, aliasCounts));
    Alias created = new Alias(new EventWatchingCounters(aliasCounts, events), events);
    aliases.put(alias, created);
    return created;
  }

  /** Cold: a generated method's first binding to the handler. */
  private synchronized Counters newMethod(String alias, String method) {
    Counters existing = methods.get(method);
    if (existing != null) {
      return existing;
    }
    aliasEntry(alias); // the alias's meters first
    Counters methodCounts = counts.method(alias, method);
    registrations.declare(CacheMeters.method(cacheManager, alias, method, methodCounts));
    // The in-process counters themselves, unwrapped: a generated hit counts here, and no event
    // is ever counted on a method's counters (backends count theirs on the alias's).
    methods.put(method, methodCounts);
    return methodCounts;
  }

  /** An alias's counters as handed out, and its event names. */
  private record Alias(Counters counters, AliasEvents events) {}
}
