package test;

import io.cachegen.annotations.Cached;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A scope (carried to the wrapper), a qualifier and a stereotype (not carried). */
@Singleton
@Named("users")
@Users.Service("users")
public class Users {
  /** A stand-in for a framework's stereotype, such as Spring's {@code @Service}. */
  @Retention(RetentionPolicy.RUNTIME)
  public @interface Service {
    String value();
  }

  @Inject
  public Users() {}

  @Cached(key = "user:{id}")
  public String user(long id) {
    return "user " + id;
  }
}
