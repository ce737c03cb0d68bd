package io.cachegen.runtime;

/**
 * The process-wide {@link CacheHandler}, as Django's module-level {@code caches} and {@code cache}.
 *
 * <pre>{@code
 * BaseCache cache = Caches.cache();
 * cache.set("a", 1);                          // true
 * Integer a = cache.get("a", Integer.class);  // 1
 * }</pre>
 *
 * <p>The handler is created on first use from {@link CacheConfig#load()}. An application (or a
 * test) that builds its own handler installs it with {@link #install(CacheHandler)}. Thread-safe.
 */
public final class Caches {
  private static volatile CacheHandler handler;

  private Caches() {}

  /** The {@code default} alias's cache. */
  public static BaseCache cache() {
    return handler().cache();
  }

  /**
   * The cache of {@code alias}.
   *
   * @throws CacheConfigurationException if the alias is not configured
   */
  public static BaseCache get(String alias) {
    return handler().get(alias);
  }

  /** The process-wide handler, created from {@link CacheConfig#load()} on first use. */
  public static CacheHandler handler() {
    CacheHandler h = handler;
    if (h == null) {
      synchronized (Caches.class) {
        h = handler;
        if (h == null) {
          h = CacheHandler.create();
          handler = h;
        }
      }
    }
    return h;
  }

  /**
   * Makes {@code newHandler} the process-wide handler and returns the previous one (or {@code
   * null}), which the caller may close. Generated code picks the new handler up on its next call.
   */
  public static synchronized CacheHandler install(CacheHandler newHandler) {
    CacheHandler previous = handler;
    handler = newHandler;
    return previous;
  }

  /**
   * Uninstalls {@code installed} if it is the process-wide handler, without closing it (its owner
   * does, e.g. a Spring context), and returns whether it was; the next use creates a fresh handler.
   */
  public static synchronized boolean uninstall(CacheHandler installed) {
    if (handler != installed || installed == null) {
      return false;
    }
    handler = null;
    return true;
  }

  /** Closes the process-wide handler, if any; the next use creates a fresh one. */
  public static synchronized void reset() {
    CacheHandler previous = handler;
    handler = null;
    if (previous != null) {
      previous.close();
    }
  }
}
