package io.cachegen.spring.boot;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings under {@code cachegen.}, as IDEs complete them (the configuration processor makes
 * {@code META-INF/spring-configuration-metadata.json} from this class). The starter reads them
 * itself ({@link EnvironmentCacheConfig}, {@link CachegenAutoConfiguration}), so that an unknown or
 * bad one fails start-up naming it, as in {@code cache.properties}.
 */
@ConfigurationProperties(prefix = "cachegen")
public class CachegenProperties {
  private Map<String, Cache> caches = new LinkedHashMap<>();
  private String config;
  private boolean evictAfterCommit;
  private boolean processWide = true;
  private final CacheManager cacheManager = new CacheManager();

  /**
   * The caches by alias, as Django's {@code CACHES}: {@code cachegen.caches.default.timeout=60}.
   * Alias {@code default} always exists (locmem unless configured).
   */
  public Map<String, Cache> getCaches() {
    return caches;
  }

  /** See {@link #getCaches()}. */
  public void setCaches(Map<String, Cache> caches) {
    this.caches = caches;
  }

  /**
   * A properties file read before Spring's own sources, instead of {@code cache.properties} on the
   * class path.
   */
  public String getConfig() {
    return config;
  }

  /** See {@link #getConfig()}. */
  public void setConfig(String config) {
    this.config = config;
  }

  /**
   * Whether generated evictions ({@code @CacheEvict}, {@code evictX}) made inside a Spring
   * transaction wait until it commits, and are dropped if it rolls back. Outside a transaction they
   * happen at once.
   */
  public boolean isEvictAfterCommit() {
    return evictAfterCommit;
  }

  /** See {@link #isEvictAfterCommit()}. */
  public void setEvictAfterCommit(boolean evictAfterCommit) {
    this.evictAfterCommit = evictAfterCommit;
  }

  /**
   * Whether the context's handler is also installed as the process-wide one ({@code
   * Caches.handler()}), which wrappers made with {@code new} and the static {@code evictX} helpers
   * use, until the context closes.
   */
  public boolean isProcessWide() {
    return processWide;
  }

  /** See {@link #isProcessWide()}. */
  public void setProcessWide(boolean processWide) {
    this.processWide = processWide;
  }

  /** Spring's {@code CacheManager} over cachegen's aliases. */
  public CacheManager getCacheManager() {
    return cacheManager;
  }

  /** One alias's settings; see the README's configuration reference. */
  public static class Cache {
    private String backend;
    private String location;
    private String timeout;
    private String keyPrefix;
    private Integer version;
    private String keyFunction;
    private Map<String, String> options = new LinkedHashMap<>();

    /** {@code locmem} (default), {@code dummy}, {@code redis} (with cachegen-redis). */
    public String getBackend() {
      return backend;
    }

    /** See {@link #getBackend()}. */
    public void setBackend(String backend) {
      this.backend = backend;
    }

    /**
     * Where the backend keeps entries: a locmem store name, or Redis URLs ({@code
     * redis://host:6379/0}, {@code rediss://}, {@code redis-cluster://}, {@code
     * redis-sentinel://}).
     */
    public String getLocation() {
      return location;
    }

    /** See {@link #getLocation()}. */
    public void setLocation(String location) {
      this.location = location;
    }

    /** Seconds an entry lives: {@code none} never expires, {@code 0} does not cache; 300. */
    public String getTimeout() {
      return timeout;
    }

    /** See {@link #getTimeout()}. */
    public void setTimeout(String timeout) {
      this.timeout = timeout;
    }

    /** Put before every key: {@code prefix:version:key}. */
    public String getKeyPrefix() {
      return keyPrefix;
    }

    /** See {@link #getKeyPrefix()}. */
    public void setKeyPrefix(String keyPrefix) {
      this.keyPrefix = keyPrefix;
    }

    /** The key version; 1. */
    public Integer getVersion() {
      return version;
    }

    /** See {@link #getVersion()}. */
    public void setVersion(Integer version) {
      this.version = version;
    }

    /** A registered key function's name, in place of {@code prefix:version:key}. */
    public String getKeyFunction() {
      return keyFunction;
    }

    /** See {@link #getKeyFunction()}. */
    public void setKeyFunction(String keyFunction) {
      this.keyFunction = keyFunction;
    }

    /**
     * The backend's options: {@code max_entries}, {@code cull_frequency}, {@code
     * ignore_exceptions}, {@code near_cache}, ... (see the README).
     */
    public Map<String, String> getOptions() {
      return options;
    }

    /** See {@link #getOptions()}. */
    public void setOptions(Map<String, String> options) {
      this.options = options;
    }
  }

  /** Spring's {@code CacheManager} over cachegen's aliases. */
  public static class CacheManager {
    private boolean enabled;
    private String name = "cachegen";

    /**
     * Whether to register a Spring {@code CacheManager} bean whose caches are cachegen's aliases
     * (so {@code @Cacheable} can use them); off by default, as a {@code CacheManager} bean makes
     * Boot's own cache auto-configuration back off.
     */
    public boolean isEnabled() {
      return enabled;
    }

    /** See {@link #isEnabled()}. */
    public void setEnabled(boolean enabled) {
      this.enabled = enabled;
    }

    /** The {@code cache.manager} tag of the meters; {@code cachegen}. */
    public String getName() {
      return name;
    }

    /** See {@link #getName()}. */
    public void setName(String name) {
      this.name = name;
    }
  }
}
