package jakarta.enterprise.inject;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in for CDI's {@code @Alternative}: its presence makes CDI-scoped wrappers alternatives. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Alternative {}
