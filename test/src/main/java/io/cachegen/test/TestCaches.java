package io.cachegen.test;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.Caches;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * An in-memory {@link CacheHandler} for a test of code that uses cachegen: every alias the test
 * names is a {@code locmem} cache with a store of its own, time moves only with the handler's
 * {@link ManualTicker}, and nothing is shared with {@link Caches#handler()} or with another {@code
 * TestCaches}. Hand {@link #handler()} to a generated class's handler constructor ({@code new
 * UserServiceCached(caches.handler(), ...)}); {@link #close()} disposes of the caches.
 *
 * <pre>{@code
 * try (TestCaches caches = TestCaches.inMemory().alias("users").build()) {
 *   UserService service = new UserServiceCached(caches.handler(), repository);
 *   service.user(1); // a miss: runs the method
 *   service.user(1); // a hit
 *   assertEquals(1, caches.stats("users").hits());
 *   assertEquals(1, caches.methodStats("UserService.user(long)").misses());
 *
 *   caches.ticker().advanceSeconds(301); // past the default timeout (300 s)
 *   service.user(1); // a miss again
 * }
 * }</pre>
 *
 * <p>Aliases store by value by default, as locmem does ({@code options.store_by_value=true}: a
 * cached object is a copy, so a test notices a value the codec cannot carry); {@link
 * Builder#storeByReference()} keeps the objects themselves. The alias {@code default} is always
 * there. A generated class whose methods name an alias that is not configured fails at its
 * constructor, naming the alias and the configured ones. Thread-safe, as {@link CacheHandler} is.
 */
public final class TestCaches implements AutoCloseable {
  private final CacheHandler handler;
  private final ManualTicker ticker;

  private TestCaches(CacheHandler handler, ManualTicker ticker) {
    this.handler = handler;
    this.ticker = ticker;
  }

  /**
   * A builder of an in-memory handler; {@link Builder#build()} with no alias has {@code default}.
   */
  public static Builder inMemory() {
    return new Builder();
  }

  /** The handler: give it to generated classes' handler constructors, or call its caches. */
  public CacheHandler handler() {
    return handler;
  }

  /** The ticker every cache of this handler expires entries by; it starts at 0. */
  public ManualTicker ticker() {
    return ticker;
  }

  /**
   * The cache of {@code alias} ({@code handler().get(alias)}).
   *
   * @throws CacheConfigurationException naming the alias and the configured ones if it was not
   *     named
   */
  public BaseCache cache(String alias) {
    return handler.get(alias);
  }

  /**
   * What {@code alias} counted so far: every lookup through it, by generated code or by hand.
   *
   * @throws CacheConfigurationException naming the alias and the configured ones if it was not
   *     named
   */
  public CacheStats stats(String alias) {
    return handler.get(alias).stats();
  }

  /**
   * What one generated method counted so far, {@link CacheStats#EMPTY} before its first call. The
   * method is named as in {@link io.cachegen.runtime.spi.CacheMetrics#method}: the type's simple
   * name, the method and its erased parameter types, e.g. {@code "UserService.user(long)"}.
   */
  public CacheStats methodStats(String method) {
    return handler.metrics().methodStats().getOrDefault(method, CacheStats.EMPTY);
  }

  /** Disposes of every cache the handler created; later calls on them throw. Idempotent. */
  @Override
  public void close() {
    handler.close();
  }

  /** Names the aliases and their settings. Not thread-safe; build once per test. */
  public static final class Builder {
    /** Settings a test may not change: they would leave memory or share a store. */
    private static final Set<String> FIXED = Set.of("backend", "location");

    private final Map<String, Map<String, String>> aliases = new TreeMap<>();
    private boolean byReference;
    private ManualTicker ticker;

    private Builder() {
      alias(CacheConfig.DEFAULT_ALIAS);
    }

    /**
     * Adds each of {@code aliases} as a locmem cache with the defaults of any alias (timeout 300 s,
     * no key prefix, version 1). Naming an alias twice keeps the settings it was given.
     */
    public Builder alias(String... aliases) {
      for (String alias : aliases) {
        this.aliases.computeIfAbsent(
            Objects.requireNonNull(alias, "alias"), a -> new LinkedHashMap<>());
      }
      return this;
    }

    /**
     * Sets one setting of {@code alias} (adding the alias if needed), with the names of {@code
     * cache.properties} after {@code caches.<alias>.}: e.g. {@code set("users", "timeout", "60")},
     * {@code set("users", "key_prefix", "app")} or {@code set("users", "options.max_entries",
     * "10")}. Checked when the handler is built.
     *
     * @throws IllegalArgumentException for {@code backend} or {@code location}: the aliases are
     *     locmem, each with a store of its own
     */
    public Builder set(String alias, String setting, String value) {
      if (FIXED.contains(setting)) {
        throw new IllegalArgumentException(
            "caches."
                + alias
                + "."
                + setting
                + " cannot be set on TestCaches: every alias is locmem with a store of its own");
      }
      alias(alias);
      aliases
          .get(alias)
          .put(Objects.requireNonNull(setting, "setting"), Objects.requireNonNull(value, "value"));
      return this;
    }

    /**
     * Makes every alias keep the cached objects themselves ({@code options.store_by_value=false}),
     * unless the test set {@code options.store_by_value} on it. By value otherwise.
     */
    public Builder storeByReference() {
      this.byReference = true;
      return this;
    }

    /**
     * The ticker the caches expire entries by, e.g. one shared with another handler or with the
     * code under test; a new {@link ManualTicker} if not set.
     */
    public Builder ticker(ManualTicker ticker) {
      this.ticker = Objects.requireNonNull(ticker, "ticker");
      return this;
    }

    /**
     * Builds the handler, with the backends and key functions found on the class path as {@link
     * CacheHandler#builder()} finds them.
     *
     * @throws CacheConfigurationException naming the first bad setting
     */
    public TestCaches build() {
      Map<String, String> properties = new TreeMap<>();
      for (Map.Entry<String, Map<String, String>> alias : aliases.entrySet()) {
        String prefix = "caches." + alias.getKey() + ".";
        properties.put(prefix + "backend", "locmem");
        properties.put(prefix + "options.store_by_value", Boolean.toString(!byReference));
        alias.getValue().forEach((setting, value) -> properties.put(prefix + setting, value));
      }
      ManualTicker t = ticker != null ? ticker : new ManualTicker();
      CacheHandler handler =
          CacheHandler.builder().config(CacheConfig.fromMap(properties)).ticker(t).build();
      return new TestCaches(handler, t);
    }
  }
}
