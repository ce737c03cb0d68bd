package jakarta.enterprise.context;

import jakarta.inject.Scope;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in for CDI's {@code @Dependent}, a pseudo-scope (meta-annotated with {@code @Scope}). */
@Scope
@Retention(RetentionPolicy.RUNTIME)
public @interface Dependent {}
