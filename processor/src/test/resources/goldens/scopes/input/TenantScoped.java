package test;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import javax.inject.Scope;

/** A user's own scope, with a value (written as given on the class). */
@Scope
@Retention(RetentionPolicy.RUNTIME)
public @interface TenantScoped {
  String region() default "any";
}
