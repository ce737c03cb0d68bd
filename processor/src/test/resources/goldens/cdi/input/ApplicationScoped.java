package jakarta.enterprise.context;

import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in for CDI's {@code @ApplicationScoped}, a normal scope. */
@NormalScope
@Inherited
@Retention(RetentionPolicy.RUNTIME)
public @interface ApplicationScoped {}
