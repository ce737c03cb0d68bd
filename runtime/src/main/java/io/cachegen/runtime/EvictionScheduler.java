package io.cachegen.runtime;

/**
 * When the evictions of generated code ({@code @CacheEvict}, and the {@code evictX} helpers) run:
 * at once ({@link #IMMEDIATE}, the default), or later, e.g. after the surrounding transaction
 * commits. Set per handler with {@link CacheHandler.Builder#evictionScheduler}; the Spring Boot
 * starter's {@code cachegen.evict-after-commit=true} installs one that waits for Spring's
 * transaction to commit and drops the evictions of a transaction that rolls back.
 *
 * <p>{@link BaseCache}'s own {@code delete} and {@code clear} are never deferred: a call on the
 * cache itself does what it says when it returns.
 */
@FunctionalInterface
public interface EvictionScheduler {

  /** Runs every eviction at once, in the calling thread. */
  EvictionScheduler IMMEDIATE = Runnable::run;

  /**
   * Runs {@code eviction} now or later. An eviction run now throws what the cache throws (see the
   * README's "Failure policy"); one run later reports its failure where the scheduler says.
   */
  void schedule(Runnable eviction);
}
