package jakarta.enterprise.context;

import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** A stand-in for CDI's normal-scope meta-annotation, which is not on the test class path. */
@Retention(RetentionPolicy.RUNTIME)
public @interface NormalScope {}
