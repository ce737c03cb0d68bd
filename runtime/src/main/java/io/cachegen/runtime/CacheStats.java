package io.cachegen.runtime;

/**
 * Hits and misses one cache counted.
 *
 * @param hits lookups that found a value (including a stored {@code null})
 * @param misses lookups that found nothing
 */
public record CacheStats(long hits, long misses) {
  /** No lookups counted. */
  public static final CacheStats EMPTY = new CacheStats(0, 0);

  /** Hits plus misses. */
  public long requests() {
    return hits + misses;
  }

  /** Hits over requests, or 0 when there were none. */
  public double hitRate() {
    long requests = requests();
    return requests == 0 ? 0 : (double) hits / requests;
  }
}
