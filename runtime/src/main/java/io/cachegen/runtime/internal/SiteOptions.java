package io.cachegen.runtime.internal;

import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import java.util.Objects;

/**
 * <b>Not API; only generated code calls it.</b> What one annotated method's {@link CacheSite} is:
 * its alias, value type, timeout, whether it stores {@code null}, whether it takes the stampede
 * guard, whether its reads may be served by a near cache, its constant key, and the method name it
 * is counted under. Generated code builds it once, in the static initializer, naming only what
 * differs from the annotations' defaults:
 *
 * <pre>{@code
 * private static final CacheSite USER_SITE = CacheSite.cached("users", ValueType.of(User.class))
 *     .timeout(Timeout.seconds(60))
 *     .method("UserService.user(long)")
 *     .build();
 * }</pre>
 *
 * <p>Starts from {@link CacheSite#cached}, {@link CacheSite#put} or {@link CacheSite#evict} with
 * the defaults of {@code @Cached}: the alias's default timeout, {@code null} stored, no stampede
 * guard, reads through the near cache (if the alias has one), no constant key. Immutable: each step
 * returns new options. A step that means nothing for the kind of site (a timeout for an eviction, a
 * stampede guard for a {@code @CachePut}) throws {@link IllegalStateException}: the processor never
 * writes one.
 */
@Internal
public final class SiteOptions {
  /** Which annotation the site serves. */
  enum Kind {
    CACHED,
    PUT,
    EVICT
  }

  final Kind kind;
  final String alias;
  final ValueType<?> type;
  final Timeout timeout;
  final boolean cacheNull;
  final boolean stampedeGuard;
  final boolean nearCache;
  final String constantKey;
  final String method;

  private SiteOptions(
      Kind kind,
      String alias,
      ValueType<?> type,
      Timeout timeout,
      boolean cacheNull,
      boolean stampedeGuard,
      boolean nearCache,
      String constantKey,
      String method) {
    this.kind = kind;
    this.alias = alias;
    this.type = type;
    this.timeout = timeout;
    this.cacheNull = cacheNull;
    this.stampedeGuard = stampedeGuard;
    this.nearCache = nearCache;
    this.constantKey = constantKey;
    this.method = method;
  }

  /** The defaults for a site of {@code kind}; {@code type} only for {@link Kind#CACHED}. */
  static SiteOptions of(Kind kind, String alias, ValueType<?> type) {
    return new SiteOptions(
        kind,
        Objects.requireNonNull(alias, "alias"),
        type,
        Timeout.DEFAULT,
        true,
        false,
        true,
        null,
        null);
  }

  /** How long stored values stay ({@code @Cached(timeout)}); not for an eviction. */
  public SiteOptions timeout(Timeout timeout) {
    Objects.requireNonNull(timeout, "timeout");
    requireStores("timeout");
    return new SiteOptions(
        kind, alias, type, timeout, cacheNull, stampedeGuard, nearCache, constantKey, method);
  }

  /** Whether a {@code null} result is stored ({@code @Cached(cacheNull)}); not for an eviction. */
  public SiteOptions cacheNull(boolean cacheNull) {
    requireStores("cacheNull");
    return new SiteOptions(
        kind, alias, type, timeout, cacheNull, stampedeGuard, nearCache, constantKey, method);
  }

  /**
   * Whether a miss takes a cross-process lock ({@code @Cached(stampedeGuard)}); {@code @Cached}
   * only.
   */
  public SiteOptions stampedeGuard(boolean stampedeGuard) {
    if (kind != Kind.CACHED) {
      throw new IllegalStateException("only a @Cached site takes a stampede guard, not " + this);
    }
    return new SiteOptions(
        kind, alias, type, timeout, cacheNull, stampedeGuard, nearCache, constantKey, method);
  }

  /**
   * Whether lookups may be served by the alias's near cache ({@code @Cached(nearCache)}); {@code
   * false}: every lookup, and the miss path's second look, reads the backend's store itself ({@link
   * io.cachegen.runtime.BaseCache#lookupBypassingNear}). No effect on a backend without a near
   * cache. {@code @Cached} only.
   */
  public SiteOptions nearCache(boolean nearCache) {
    if (kind != Kind.CACHED) {
      throw new IllegalStateException(
          "only a @Cached site reads, so only it skips a near cache, not " + this);
    }
    return new SiteOptions(
        kind, alias, type, timeout, cacheNull, stampedeGuard, nearCache, constantKey, method);
  }

  /**
   * The caller key of a template without placeholders, which {@link CacheSite.Bound#constantKey()}
   * makes once per handler.
   */
  public SiteOptions constantKey(String constantKey) {
    Objects.requireNonNull(constantKey, "constantKey");
    return new SiteOptions(
        kind, alias, type, timeout, cacheNull, stampedeGuard, nearCache, constantKey, method);
  }

  /**
   * The name its counters are kept under ({@link io.cachegen.runtime.spi.CacheMetrics#method}):
   * {@code UserService.user(long)}; {@code @Cached} only. Without one, the site counts for its
   * alias only.
   */
  public SiteOptions method(String method) {
    Objects.requireNonNull(method, "method");
    if (kind != Kind.CACHED) {
      throw new IllegalStateException("only a @Cached site is counted per method, not " + this);
    }
    return new SiteOptions(
        kind, alias, type, timeout, cacheNull, stampedeGuard, nearCache, constantKey, method);
  }

  /** The site with these options. */
  public CacheSite build() {
    return new CacheSite(this);
  }

  private void requireStores(String what) {
    if (kind == Kind.EVICT) {
      throw new IllegalStateException(
          "an eviction site stores nothing, so it takes no " + what + ": " + this);
    }
  }

  @Override
  public String toString() {
    return "SiteOptions["
        + kind
        + ", alias="
        + alias
        + ", type="
        + type
        + ", timeout="
        + timeout
        + ", cacheNull="
        + cacheNull
        + ", stampedeGuard="
        + stampedeGuard
        + ", nearCache="
        + nearCache
        + ", constantKey="
        + constantKey
        + ", method="
        + method
        + "]";
  }
}
