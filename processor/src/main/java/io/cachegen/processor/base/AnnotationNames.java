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
      List.of("jakarta.inject.Scope", "javax.inject.Scope", "com.google.inject.ScopeAnnotation");

  /** Our run-time marker on every generated wrapper, naming the type it caches. */
  public static final String CACHING_WRAPPER = "io.cachegen.runtime.CachingWrapper";

  /** The JDK's marker on every generated wrapper (SOURCE retention). */
  public static final String GENERATED = "javax.annotation.processing.Generated";

  private AnnotationNames() {}
}
