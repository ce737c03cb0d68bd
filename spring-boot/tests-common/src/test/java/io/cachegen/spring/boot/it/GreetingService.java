package io.cachegen.spring.boot.it;

import io.cachegen.annotations.CacheEvict;
import io.cachegen.annotations.Cached;
import org.springframework.stereotype.Service;

/** A component-scanned service with cached methods and constructor injection. */
@Service
public class GreetingService {
  private final Greetings greetings;

  public GreetingService(Greetings greetings) {
    this.greetings = greetings;
  }

  @Cached(cache = "redis", key = "greeting:{name}")
  public String greeting(String name) {
    return greetings.greet(name);
  }

  @Cached(key = "local:{name}")
  public String local(String name) {
    return greetings.greet(name);
  }

  @CacheEvict(cache = "redis", key = "greeting:{name}")
  public void forget(String name) {}
}
