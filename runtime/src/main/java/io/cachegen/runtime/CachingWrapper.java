package io.cachegen.runtime;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a class the processor generated as the caching wrapper of {@link #value()}: {@code
 * UserServiceCached} carries {@code @CachingWrapper(UserService.class)}. Kept at run time, so a
 * container can replace the user's class by its wrapper (the Spring Boot starter registers a
 * component-scanned {@code UserService} as {@code UserServiceCached}) without an index the
 * processor would have to aggregate.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface CachingWrapper {
  /** The user's class (or interface) the annotated class caches. */
  Class<?> value();
}
