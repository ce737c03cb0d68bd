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

  /** The JDK's marker on every generated wrapper (SOURCE retention). */
  public static final String GENERATED = "javax.annotation.processing.Generated";

  private AnnotationNames() {}
}
