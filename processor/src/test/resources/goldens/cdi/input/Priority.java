package jakarta.annotation;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in for Jakarta Annotations' {@code @Priority}. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Priority {
  int value();
}
