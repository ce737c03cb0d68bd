package io.cachegen.di.dagger;

import dagger.Component;
import jakarta.inject.Singleton;

/** The application's component: Dagger writes {@code DaggerUserComponent}. */
@Singleton
@Component(modules = {UserModule.class, CacheModule.class})
public interface UserComponent {
  UserService userService();

  UserRepository repository();
}
