package jakarta.inject;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in for jakarta.inject's marker, which is not on the test class path. */
@Retention(RetentionPolicy.RUNTIME)
public @interface Inject {}
