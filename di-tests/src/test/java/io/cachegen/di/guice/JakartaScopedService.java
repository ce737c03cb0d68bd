package io.cachegen.di.guice;

import io.cachegen.annotations.Cached;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** A singleton by Jakarta's {@code @Singleton}, with a cached method. */
@Singleton
public class JakartaScopedService {
  private final UserRepository repository;

  @Inject
  public JakartaScopedService(UserRepository repository) {
    this.repository = repository;
  }

  @Cached(key = "jakarta:{id}")
  public String user(long id) {
    return repository.load(id);
  }
}
