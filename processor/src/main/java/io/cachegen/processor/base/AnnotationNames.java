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

  /** The JDK's marker on every generated wrapper (SOURCE retention). */
  public static final String GENERATED = "javax.annotation.processing.Generated";

  private AnnotationNames() {}
}
