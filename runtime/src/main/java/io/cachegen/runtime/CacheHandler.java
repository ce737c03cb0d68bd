package io.cachegen.runtime;

import io.cachegen.runtime.codec.Codecs;
import io.cachegen.runtime.internal.HandlerClosed;
import io.cachegen.runtime.internal.Internal;
import io.cachegen.runtime.internal.SiteBindings;
import io.cachegen.runtime.spi.AbstractCache;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.CacheBackendProvider;
import io.cachegen.runtime.spi.CacheMetrics;
import io.cachegen.runtime.spi.KeyFunctionProvider;
import java.util.ArrayList;
import java.util.Collection;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hands out one cache per alias, as Django's {@code CacheHandler} ({@code caches[alias]}).
 *
 * <p>Building a handler checks every alias's settings against its backend at once (unknown backend,
 * or one of cachegen's whose artifact is missing, such as {@code redis} without {@code
 * cachegen-redis}; unknown option, bad option value, unknown key function), so bad configuration
 * fails at start-up: each backend {@linkplain CacheBackendProvider#prepare prepares} each of its
 * aliases, parsing its settings once. The caches themselves are created lazily from what was
 * prepared, once per alias, on first use. Thread-safe.
 *
 * <p>Lifecycle, as Django's: {@link BaseCache#close()} (Django calls {@code close_caches} after
 * every request) only releases connections, and the cache stays usable. {@link #close()} on the
 * handler disposes of every cache it created: pools are closed for good, locmem stores released,
 * and any later use of those caches, or {@link #get(String)}, throws an {@link
 * IllegalStateException} naming the alias. Generated code bound to a closed handler throws the
 * same; an instance constructed without a handler uses another handler once it is {@link
 * Caches#install installed}.
 *
 * <p>Generated code constructed with a handler ({@code new UserServiceCached(handler)}) uses that
 * handler; constructed without one, it uses {@link Caches#handler()}. Two handlers share no state
 * through generated code: each has its own caches and its own one-computation-per-key.
 */
public final class CacheHandler implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(CacheHandler.class);

  /**
   * cachegen's backends published as artifacts of their own (so that the runtime does not bring in
   * their clients): a backend name, and the dependency ({@code groupId:artifactId}) that provides
   * it.
   */
  private static final Map<String, String> SEPARATE_ARTIFACTS =
      Map.of("redis", "io.cachegen:cachegen-redis");

  private final CacheConfig config;
  private final Map<String, CacheBackendProvider> backends;
  private final Map<String, KeyFunction> keyFunctions;
  private final Ticker ticker;
  private final CacheMetrics metrics;
  private final EvictionScheduler evictionScheduler;

  /** Every alias as its backend prepared it when this handler was built. */
  private final Map<String, PreparedAlias> prepared = new TreeMap<>();

  private final ConcurrentHashMap<String, BaseCache> caches = new ConcurrentHashMap<>();

  /** Generated code's sites bound to this handler. */
  private final SiteBindings siteBindings = new SiteBindings(this);

  /**
   * Guards creating a cache and closing: a cache is created only while the handler is open, and
   * close() sees every cache created. The hit path (a cache already created) never takes it.
   */
  private final Object lifecycle = new Object();

  private boolean closed;

  /** What the handler keeps of one alias to create its cache on first use. */
  private record PreparedAlias(CacheBackendProvider.Prepared prepared, BackendContext context) {}

  private CacheHandler(Builder builder) {
    this.config = builder.config != null ? builder.config : CacheConfig.load();
    this.backends = builder.backends;
    this.keyFunctions = builder.keyFunctions;
    this.ticker = builder.ticker;
    this.metrics = builder.metrics != null ? builder.metrics : CacheMetrics.inProcess();
    this.evictionScheduler = builder.evictionScheduler;
    Map<CacheBackendProvider, List<CacheBackendProvider.Prepared>> byBackend =
        new IdentityHashMap<>();
    List<CacheBackendProvider> order = new ArrayList<>();
    for (String alias : config.aliases()) {
      CacheSettings settings = config.settings(alias);
      CacheBackendProvider backend = checkCommonSettings(settings);
      BackendContext context = context(settings);
      CacheBackendProvider.Prepared p = backend.prepare(settings, context);
      prepared.put(alias, new PreparedAlias(p, context));
      byBackend
          .computeIfAbsent(
              backend,
              b -> {
                order.add(b);
                return new ArrayList<>();
              })
          .add(p);
    }
    for (CacheBackendProvider backend : order) {
      backend.checkTogether(List.copyOf(byBackend.get(backend)));
    }
  }

  /** A handler for {@link CacheConfig#load()} with the backends found by {@link ServiceLoader}. */
  public static CacheHandler create() {
    return builder().build();
  }

  /** A handler for {@code config} with the backends found by {@link ServiceLoader}. */
  public static CacheHandler create(CacheConfig config) {
    return builder().config(config).build();
  }

  /** A builder, for registering backends, key functions or a test ticker in code. */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Where this handler's caches and the generated methods using it count: per alias ({@link
   * BaseCache#stats()} reads the same counters) and per {@code @Cached} method. {@link
   * CacheMetrics#inProcess()} unless {@link Builder#metrics} set another.
   */
  public CacheMetrics metrics() {
    return metrics;
  }

  /**
   * When generated code's evictions run ({@link EvictionScheduler#IMMEDIATE} unless {@link
   * Builder#evictionScheduler} set another).
   */
  public EvictionScheduler evictionScheduler() {
    return evictionScheduler;
  }

  /** The configuration this handler serves. */
  public CacheConfig config() {
    return config;
  }

  /**
   * The cache of {@code alias}, created on first use.
   *
   * @throws CacheConfigurationException if the alias is not configured
   * @throws IllegalStateException naming the alias if this handler was closed
   */
  public BaseCache get(String alias) {
    BaseCache cache = caches.get(alias);
    if (cache != null) {
      return cache;
    }
    synchronized (lifecycle) {
      if (closed) {
        throw new IllegalStateException(HandlerClosed.message(alias));
      }
      cache = caches.get(alias);
      if (cache == null) {
        cache = createCache(alias);
        caches.put(alias, cache);
      }
      return cache;
    }
  }

  /**
   * <b>Not API; only generated code calls it (through {@code CacheSite}).</b> The sites of
   * generated classes bound to this handler: one binding, with its own single-flight, per site.
   */
  @Internal
  public SiteBindings siteBindings() {
    return siteBindings;
  }

  /** The {@code default} alias's cache (Django's {@code cache}). */
  public BaseCache cache() {
    return get(CacheConfig.DEFAULT_ALIAS);
  }

  /** The caches created so far (Django's {@code caches.all()}). */
  public Collection<BaseCache> all() {
    return List.copyOf(caches.values());
  }

  /**
   * Disposes of every cache created so far, for good: a backend built on {@link AbstractCache}
   * releases its resources ({@link AbstractCache#dispose()}), and any later call on it, like any
   * later {@link #get} call, throws an {@link IllegalStateException} naming the alias; any other
   * cache is {@link BaseCache#close() closed}. Idempotent.
   *
   * @throws CacheException if a cache could not release its resources (the others still do)
   */
  @Override
  public void close() {
    Map<String, BaseCache> toClose;
    synchronized (lifecycle) {
      closed = true;
      toClose = new TreeMap<>(caches);
      caches.clear();
    }
    List<RuntimeException> failures = new ArrayList<>();
    for (Map.Entry<String, BaseCache> entry : toClose.entrySet()) {
      String alias = entry.getKey();
      BaseCache cache = entry.getValue();
      try {
        if (cache instanceof AbstractCache a) {
          a.dispose();
        } else {
          cache.close();
        }
      } catch (RuntimeException e) {
        LOG.warn("closing cache '{}' failed: {}", alias, e.toString());
        failures.add(e);
      }
    }
    if (!failures.isEmpty()) {
      CacheException e = new CacheException("closing " + failures.size() + " cache(s) failed");
      failures.forEach(e::addSuppressed);
      throw e;
    }
  }

  private BaseCache createCache(String alias) {
    PreparedAlias p = prepared.get(alias);
    if (p == null) {
      config.settings(alias); // throws, naming the alias and the configured ones
    }
    BaseCache cache = p.prepared().create(p.context());
    LOG.debug("created cache {}", cache);
    return cache;
  }

  /**
   * Resolves what every backend gets besides the settings: key function, codec, ticker, and the
   * alias's counters (none with {@code record_stats=false}).
   */
  private BackendContext context(CacheSettings settings) {
    KeyFunction keyFunction =
        settings.keyFunction().map(keyFunctions::get).orElse(KeyFunction.DEFAULT);
    CacheMetrics.Counters counters =
        settings.booleanOption("record_stats", true)
            ? metrics.alias(settings.alias())
            : CacheMetrics.Counters.NONE;
    return new BackendContext(keyFunction, ticker, Codecs.of(settings), counters);
  }

  /**
   * Checks the settings every backend shares: the backend, the option names, the key function and
   * {@code record_stats} ({@code serializer} is checked as {@link #context} resolves it).
   *
   * @return the alias's backend
   */
  private CacheBackendProvider checkCommonSettings(CacheSettings settings) {
    CacheBackendProvider backend = backends.get(settings.backend());
    String artifact = SEPARATE_ARTIFACTS.get(settings.backend());
    if (backend == null && artifact != null) {
      throw new CacheConfigurationException(
          settings.describe("backend")
              + " = '"
              + settings.backend()
              + "' needs the "
              + settings.backend()
              + " backend, which is not on the class path: add the dependency "
              + artifact
              + " (the same version as cachegen-runtime); available now: "
              + backends.keySet());
    }
    if (backend == null) {
      throw new CacheConfigurationException(
          settings.describe("backend")
              + " = '"
              + settings.backend()
              + "' is not a known backend; available: "
              + backends.keySet()
              + ". A third-party backend must be registered as a "
              + CacheBackendProvider.class.getName()
              + " service");
    }
    for (String option : settings.options().keySet()) {
      if (!backend.options().contains(option) && !AbstractCache.COMMON_OPTIONS.contains(option)) {
        Set<String> allowed = new TreeSet<>(backend.options());
        allowed.addAll(AbstractCache.COMMON_OPTIONS);
        throw new CacheConfigurationException(
            "unknown option "
                + settings.describeOption(option)
                + " for backend '"
                + settings.backend()
                + "'; allowed options: "
                + allowed);
      }
    }
    settings
        .keyFunction()
        .ifPresent(
            name -> {
              if (!keyFunctions.containsKey(name)) {
                throw new CacheConfigurationException(
                    settings.describe("key_function")
                        + " = '"
                        + name
                        + "' is not a registered key"
                        + " function; registered: "
                        + keyFunctions.keySet()
                        + ". Register one with a "
                        + KeyFunctionProvider.class.getName()
                        + " service");
              }
            });
    settings.booleanOption("record_stats", true);
    return backend;
  }

  /** Configures a {@link CacheHandler}. */
  public static final class Builder {
    private CacheConfig config;
    private final Map<String, CacheBackendProvider> backends = new TreeMap<>();
    private final Map<String, KeyFunction> keyFunctions = new TreeMap<>();
    private Ticker ticker = Ticker.system();
    private CacheMetrics metrics;
    private EvictionScheduler evictionScheduler = EvictionScheduler.IMMEDIATE;

    /**
     * Finds providers through the thread context class loader (an application server's or a
     * plugin's), then through cachegen's own loader, so both see cachegen's built-in backends. The
     * first provider found for a name wins.
     */
    private Builder() {
      for (ClassLoader loader : loaders()) {
        for (CacheBackendProvider p : load(CacheBackendProvider.class, loader)) {
          backends.putIfAbsent(p.name(), p);
        }
        for (KeyFunctionProvider p : load(KeyFunctionProvider.class, loader)) {
          keyFunctions.putIfAbsent(p.name(), p.keyFunction());
        }
      }
    }

    /**
     * The providers {@code loader} lists, skipping (with a warning) those it cannot load: under the
     * context loader, a provider may implement another loader's copy of the interface.
     */
    private static <S> List<S> load(Class<S> service, ClassLoader loader) {
      List<S> found = new ArrayList<>();
      Iterator<S> it = ServiceLoader.load(service, loader).iterator();
      while (true) {
        try {
          if (!it.hasNext()) {
            return found;
          }
          found.add(it.next());
        } catch (ServiceConfigurationError e) {
          LOG.warn(
              "skipping a {} that cannot be loaded: {}", service.getSimpleName(), e.getMessage());
        }
      }
    }

    private static List<ClassLoader> loaders() {
      ClassLoader own = CacheHandler.class.getClassLoader();
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      return context == null || context == own ? List.of(own) : List.of(context, own);
    }

    /** The configuration to serve; {@link CacheConfig#load()} if not set. */
    public Builder config(CacheConfig config) {
      this.config = config;
      return this;
    }

    /** Registers (or replaces) a backend. */
    public Builder backend(CacheBackendProvider backend) {
      backends.put(backend.name(), backend);
      return this;
    }

    /** Registers (or replaces) a key function under {@code name}. */
    public Builder keyFunction(String name, KeyFunction keyFunction) {
      keyFunctions.put(name, keyFunction);
      return this;
    }

    /**
     * The time source for in-process expiry and the Redis circuit breakers' back-off; {@link
     * Ticker#system()} by default.
     */
    public Builder ticker(Ticker ticker) {
      this.ticker = ticker;
      return this;
    }

    /**
     * Where the handler's caches and generated methods count ({@link CacheHandler#metrics()}); a
     * fresh {@link CacheMetrics#inProcess()} if not set. Aliases with {@code record_stats=false}
     * count nothing whatever this is.
     */
    public Builder metrics(CacheMetrics metrics) {
      this.metrics = Objects.requireNonNull(metrics, "metrics");
      return this;
    }

    /**
     * When generated code's evictions ({@code @CacheEvict}, {@code evictX}) run; {@link
     * EvictionScheduler#IMMEDIATE} by default.
     */
    public Builder evictionScheduler(EvictionScheduler evictionScheduler) {
      this.evictionScheduler = Objects.requireNonNull(evictionScheduler, "evictionScheduler");
      return this;
    }

    /**
     * Builds the handler, checking every alias's settings.
     *
     * @throws CacheConfigurationException naming the first bad property
     */
    public CacheHandler build() {
      return new CacheHandler(this);
    }
  }
}
