package io.cachegen.spring.boot;

import io.cachegen.runtime.EvictionScheduler;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code cachegen.evict-after-commit=true}: a generated eviction inside a Spring transaction runs
 * after it commits, and not at all if it rolls back; outside a transaction it runs at once. As
 * Spring's {@code TransactionAwareCacheDecorator}, for cachegen's evictions: an eviction that fails
 * after the commit reaches the code that committed (the data is committed; the entry may be stale
 * until it expires).
 */
final class TransactionAwareEvictions implements EvictionScheduler {

  @Override
  public void schedule(Runnable eviction) {
    if (!TransactionSynchronizationManager.isSynchronizationActive()) {
      eviction.run();
      return;
    }
    TransactionSynchronizationManager.registerSynchronization(
        new TransactionSynchronization() {
          @Override
          public void afterCommit() {
            eviction.run();
          }
        });
  }

  @Override
  public String toString() {
    return "evictions after the transaction commits";
  }
}
