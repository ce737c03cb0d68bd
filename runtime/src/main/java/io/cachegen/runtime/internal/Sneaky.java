package io.cachegen.runtime.internal;

/**
 * Rethrows any throwable, checked ones included, without wrapping: the generated method declares
 * the same {@code throws} clause as the original, so callers see the original exception. Used by
 * {@link CacheSite} and {@link SingleFlight} only, hence package-private.
 */
final class Sneaky {
  private Sneaky() {}

  /** Throws {@code t} as is. Declared to return an exception so callers can write {@code throw}. */
  static RuntimeException rethrow(Throwable t) {
    throw Sneaky.<RuntimeException>doThrow(t);
  }

  @SuppressWarnings("unchecked")
  private static <T extends Throwable> T doThrow(Throwable t) throws T {
    throw (T) t;
  }
}
