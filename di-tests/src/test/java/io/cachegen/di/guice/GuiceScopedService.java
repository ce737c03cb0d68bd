package io.cachegen.di.guice;

import com.google.inject.Singleton;
import io.cachegen.annotations.Cached;
import jakarta.inject.Inject;

/** A singleton by Guice's own {@code @Singleton}, with a cached method. */
@Singleton
public class GuiceScopedService {
  private final UserRepository repository;

  @Inject
  public GuiceScopedService(UserRepository repository) {
    this.repository = repository;
  }

  @Cached(key = "guice:{id}")
  public String user(long id) {
    return repository.load(id);
  }
}
