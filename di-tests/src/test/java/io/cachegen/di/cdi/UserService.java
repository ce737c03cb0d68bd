package io.cachegen.di.cdi;

import io.cachegen.annotations.Cached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A normal-scoped CDI bean with a cached method. Its wrapper carries {@code @ApplicationScoped} and
 * is an enabled alternative, so CDI injects the wrapper where a {@code UserService} is asked for.
 */
@ApplicationScoped
public class UserService {
  private final UserRepository repository;

  /** For CDI's client proxy of a normal-scoped bean. */
  protected UserService() {
    this.repository = null;
  }

  @Inject
  public UserService(UserRepository repository) {
    this.repository = repository;
  }

  @Cached(key = "user:{id}")
  public String user(long id) {
    return repository.load(id);
  }
}
