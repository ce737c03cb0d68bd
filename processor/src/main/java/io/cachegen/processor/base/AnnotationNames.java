package io.cachegen.processor.base;

import java.util.List;

/**
 * The qualified names of the annotations the processor reads, as written in source. The processor
 * never depends on the annotations module at run time, so they are named here.
 */
public final class AnnotationNames {
  public static final String CACHED = "io.cachegen.annotations.Cached";
  public static final String CACHE_PUT = "io.cachegen.annotations.CachePut";
  public static final String CACHE_EVICT = "io.cachegen.annotations.CacheEvict";

  /** Our three annotations. */
  public static final List<String> ALL = List.of(CACHED, CACHE_PUT, CACHE_EVICT);

  /**
   * The annotations that tell a DI container which constructor to call: a wrapper puts them on the
   * constructor form that takes the handler, and only there (a type with two marked constructors is
   * an error to Guice, Dagger and Spring).
   */
  public static final List<String> INJECTION_MARKERS =
      List.of(
          "jakarta.inject.Inject",
          "javax.inject.Inject",
          "com.google.inject.Inject",
          "org.springframework.beans.factory.annotation.Autowired");

  /**
   * The meta-annotations that make an annotation a scope ({@code @Singleton}, Dagger's and users'
   * own scopes, Guice's): a wrapper carries its type's scopes, so a container binding the type to
   * its wrapper keeps one instance per scope. Qualifiers and stereotypes are never carried.
   */
  public static final List<String> SCOPE_MARKERS =
      List.of(
          "jakarta.inject.Scope",
          "javax.inject.Scope",
          "com.google.inject.ScopeAnnotation",
          "jakarta.enterprise.context.NormalScope",
          "javax.enterprise.context.NormalScope");

  /**
   * The meta-annotations of Jakarta CDI's scopes: its normal scopes ({@code @ApplicationScoped},
   * {@code @RequestScoped}) and its pseudo-scopes ({@code @Dependent}, {@code @Singleton}). A type
   * with one of these is a CDI bean, and so is its wrapper, which carries it: the wrapper is made a
   * {@link #CDI_ALTERNATIVE} so that injecting the type is not ambiguous.
   */
  public static final List<String> CDI_SCOPE_MARKERS =
      List.of("jakarta.inject.Scope", "jakarta.enterprise.context.NormalScope");

  /**
   * CDI's {@code @Alternative}, on a wrapper of a CDI bean when it and {@link #PRIORITY} resolve.
   */
  public static final String CDI_ALTERNATIVE = "jakarta.enterprise.inject.Alternative";

  /** Jakarta Annotations' {@code @Priority}, which enables an alternative for the application. */
  public static final String PRIORITY = "jakarta.annotation.Priority";

  /**
   * The {@code @Priority} of a wrapper that is a CDI alternative: {@code
   * Interceptor.Priority.LIBRARY_BEFORE}, below {@code APPLICATION} (2000), so an alternative the
   * application declares itself (a test double, say) still wins over the wrapper.
   */
  public static final int ALTERNATIVE_PRIORITY = 1000;

  /** Our run-time marker on every generated wrapper, naming the type it caches. */
  public static final String CACHING_WRAPPER = "io.cachegen.runtime.CachingWrapper";

  /** The JDK's marker on every generated wrapper (SOURCE retention). */
  public static final String GENERATED = "javax.annotation.processing.Generated";

  private AnnotationNames() {}
}
