package io.cachegen.di.dagger;

import io.cachegen.annotations.Cached;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;

/** A Dagger singleton with a cached method; {@link UserModule} binds it to its wrapper. */
@Singleton
public class UserService {
  private final UserRepository repository;

  @Inject
  public UserService(UserRepository repository) {
    this.repository = repository;
  }

  @Cached(key = "user:{id}")
  public String user(long id) {
    return repository.load(id);
  }
}
