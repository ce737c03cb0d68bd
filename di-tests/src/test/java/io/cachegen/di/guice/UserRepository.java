package io.cachegen.di.guice;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.concurrent.atomic.AtomicInteger;

/** The dependency of the services: counts how often a user is really loaded. */
@Singleton
public class UserRepository {
  private final AtomicInteger loads = new AtomicInteger();

  @Inject
  public UserRepository() {}

  /** Loads a user's name, counting the load. */
  public String load(long id) {
    loads.incrementAndGet();
    return "user " + id;
  }

  /** How many loads ran so far. */
  public int loads() {
    return loads.get();
  }
}
