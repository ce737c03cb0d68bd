package io.cachegen.di.dagger;

import dagger.Binds;
import dagger.Module;

/** Binds {@link UserService} to the generated {@code UserServiceCached}. */
@Module
public interface UserModule {
  @Binds
  UserService userService(UserServiceCached cached);
}
