package io.cachegen.spring.boot.it;

import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/** The application under test: what a user writes, with a transaction manager of the test's. */
@SpringBootApplication
@EnableAsync
@EnableTransactionManagement
public class GreetingApp {

  /** Transactions without a database: commit and rollback run Spring's synchronizations. */
  @Bean
  PlatformTransactionManager transactionManager() {
    return new InMemoryTransactionManager();
  }

  /** A {@code @Bean} method returning the plain class: the starter warns about it. */
  @Bean
  Plain plain() {
    return new Plain();
  }
}
