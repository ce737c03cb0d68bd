package io.cachegen.runtime.internal;

/**
 * <b>Not API.</b> The one message for using a cache whose {@link io.cachegen.runtime.CacheHandler}
 * was closed, whether through the handler or through a cache it had handed out.
 */
@Internal
public final class HandlerClosed {
  private HandlerClosed() {}

  /** Why a call on {@code alias} fails, and what to do instead. */
  public static String message(String alias) {
    return "cache '"
        + alias
        + "' cannot be used: the CacheHandler that created it was closed."
        + " Get the cache from an open handler (Caches.handler() after Caches.install(...) or"
        + " Caches.reset())";
  }
}
