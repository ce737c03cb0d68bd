package io.cachegen.processor.validation;

import io.cachegen.processor.base.AnnotationNames;
import io.cachegen.processor.base.Annotations;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.util.Elements;

/**
 * The one reader of our annotations' attributes: {@code @Cached}, {@code @CachePut} and
 * {@code @CacheEvict} on one method, read into plain records (defaults included). A new attribute
 * is read here and nowhere else.
 *
 * @param cached {@code @Cached}, if present
 * @param put {@code @CachePut}, if present
 * @param evict {@code @CacheEvict}, if present
 */
record MethodAnnotations(
    Optional<StoreAnnotation> cached,
    Optional<StoreAnnotation> put,
    Optional<EvictAnnotation> evict) {

  private static final String KEY = "key";
  private static final String CACHE = "cache";

  /**
   * {@code @Cached} ({@code put == false}) or {@code @CachePut}; {@code stampedeGuard} is always
   * {@code false} and {@code nearCache} always {@code true} (the defaults) for {@code @CachePut},
   * which has neither attribute (it never reads).
   */
  record StoreAnnotation(
      AnnotationMirror mirror,
      boolean put,
      String key,
      boolean constantKey,
      int timeout,
      String cache,
      boolean cacheNull,
      boolean stampedeGuard,
      boolean nearCache) {

    /** {@code Cached} or {@code CachePut}, for messages. */
    String simpleName() {
      return put ? "CachePut" : "Cached";
    }

    /** The written {@code key}, or {@code null} when the default applies. */
    AnnotationValue writtenKey() {
      return Annotations.explicitValue(mirror, KEY);
    }

    /** The written {@code cache}, or {@code null} when the default applies. */
    AnnotationValue writtenCache() {
      return Annotations.explicitValue(mirror, CACHE);
    }

    /** The written {@code timeout}, or {@code null} when the default applies. */
    AnnotationValue writtenTimeout() {
      return Annotations.explicitValue(mirror, "timeout");
    }

    /** The written {@code constantKey}, or {@code null} when the default applies. */
    AnnotationValue writtenConstantKey() {
      return Annotations.explicitValue(mirror, "constantKey");
    }
  }

  /** {@code @CacheEvict}. */
  record EvictAnnotation(
      AnnotationMirror mirror,
      List<String> keys,
      String cache,
      boolean allEntries,
      boolean beforeInvocation) {

    /** The written string of {@code keys[index]} (or the whole {@code key} value). */
    AnnotationValue writtenKey(int index) {
      return Annotations.explicitElement(mirror, KEY, index);
    }

    /** The written {@code cache}, or {@code null} when the default applies. */
    AnnotationValue writtenCache() {
      return Annotations.explicitValue(mirror, CACHE);
    }
  }

  /** Reads the annotations of {@code method}. */
  static MethodAnnotations read(Elements elements, ExecutableElement method) {
    return new MethodAnnotations(
        Annotations.find(method, AnnotationNames.CACHED).map(m -> store(elements, m, false)),
        Annotations.find(method, AnnotationNames.CACHE_PUT).map(m -> store(elements, m, true)),
        Annotations.find(method, AnnotationNames.CACHE_EVICT).map(m -> evict(elements, m)));
  }

  /** {@code @Cached} or else {@code @CachePut}, if either is present. */
  Optional<StoreAnnotation> store() {
    return cached.or(() -> put);
  }

  private static StoreAnnotation store(Elements elements, AnnotationMirror m, boolean put) {
    return new StoreAnnotation(
        m,
        put,
        Annotations.string(elements, m, KEY),
        Annotations.bool(elements, m, "constantKey"),
        Annotations.integer(elements, m, "timeout"),
        Annotations.string(elements, m, CACHE),
        Annotations.bool(elements, m, "cacheNull"),
        !put && Annotations.bool(elements, m, "stampedeGuard"),
        put || Annotations.bool(elements, m, "nearCache"));
  }

  private static EvictAnnotation evict(Elements elements, AnnotationMirror m) {
    return new EvictAnnotation(
        m,
        Annotations.strings(elements, m, KEY),
        Annotations.string(elements, m, CACHE),
        Annotations.bool(elements, m, "allEntries"),
        Annotations.bool(elements, m, "beforeInvocation"));
  }
}
