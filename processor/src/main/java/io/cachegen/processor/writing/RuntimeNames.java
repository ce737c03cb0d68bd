package io.cachegen.processor.writing;

import com.palantir.javapoet.ClassName;
import io.cachegen.processor.base.AnnotationNames;
import java.util.List;

/**
 * Names of the runtime types generated code refers to. The processor never depends on the runtime
 * module (users put the processor on the processor path only), so the types are named here.
 */
public final class RuntimeNames {
  private static final String RUNTIME = "io.cachegen.runtime";
  private static final String INTERNAL = RUNTIME + ".internal";

  public static final ClassName TIMEOUT = ClassName.get(RUNTIME, "Timeout");
  public static final ClassName VALUE_TYPE = ClassName.get(RUNTIME, "ValueType");
  public static final ClassName CACHE_HANDLER = ClassName.get(RUNTIME, "CacheHandler");
  public static final ClassName CACHING_WRAPPER =
      ClassName.bestGuess(AnnotationNames.CACHING_WRAPPER);
  public static final ClassName CACHE_SITE = ClassName.get(INTERNAL, "CacheSite");
  public static final ClassName CACHE_SITE_BOUND = CACHE_SITE.nestedClass("Bound");
  public static final ClassName KEY_PARTS = ClassName.get(INTERNAL, "KeyParts");

  /** The JDK's marker on every generated wrapper. */
  public static final ClassName GENERATED = ClassName.bestGuess(AnnotationNames.GENERATED);

  /** Every runtime class name listed above, for a test that loads them all. */
  public static final List<ClassName> ALL =
      List.of(TIMEOUT, VALUE_TYPE, CACHE_HANDLER, CACHE_SITE, CACHE_SITE_BOUND, KEY_PARTS);

  private RuntimeNames() {}
}
