package io.cachegen.spring.boot.it;

import io.cachegen.annotations.CacheEvict;
import io.cachegen.annotations.Cached;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@code @Transactional} on a class without interfaces: Spring proxies it with CGLIB. */
@Service
@Transactional
public class TransactionalService {
  private final Greetings greetings;

  public TransactionalService(Greetings greetings) {
    this.greetings = greetings;
  }

  @Cached(key = "tx:{name}")
  public String greeting(String name) {
    return greetings.greet(name);
  }

  @CacheEvict(key = "tx:{name}")
  public void forget(String name) {}
}
