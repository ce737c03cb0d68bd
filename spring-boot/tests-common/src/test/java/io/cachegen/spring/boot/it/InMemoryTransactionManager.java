package io.cachegen.spring.boot.it;

import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * A transaction manager with no resource: Spring's own begin, commit and rollback, including the
 * synchronizations that run after commit, with nothing to commit.
 */
class InMemoryTransactionManager extends AbstractPlatformTransactionManager {
  private static final long serialVersionUID = 1L;

  @Override
  protected Object doGetTransaction() {
    return new Object();
  }

  /** A call inside a transaction joins it (propagation {@code REQUIRED}). */
  @Override
  protected boolean isExistingTransaction(Object transaction) {
    return TransactionSynchronizationManager.isActualTransactionActive();
  }

  @Override
  protected void doBegin(Object transaction, TransactionDefinition definition) {}

  @Override
  protected void doCommit(DefaultTransactionStatus status) {}

  @Override
  protected void doRollback(DefaultTransactionStatus status) {}
}
