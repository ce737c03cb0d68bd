package io.cachegen.processor.validation;

import io.cachegen.processor.base.Messages;
import io.cachegen.processor.model.KeyModel;
import io.cachegen.processor.model.ValueShapes;
import io.cachegen.processor.validation.MethodAnnotations.StoreAnnotation;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks on resolved keys that look beyond the template: that {@code constantKey} agrees with
 * whether a {@code @Cached}/{@code @CachePut} key uses the arguments, that two methods of one type
 * sharing an alias and a template store the same type, and that keys of one shape in one alias (a
 * {@code @Cached} and its {@code @CacheEvict}, say) put their hash tag on the same placeholder. One
 * instance per type.
 */
final class KeyChecks {
  private final Types types;
  private final ValueShapes valueShapes;

  /** The first method of each {@code alias + \0 + template}. */
  private final Map<String, ExecutableElement> templates = new HashMap<>();

  /** The first key of each {@code alias + \0 + shape}, with its method. */
  private final Map<String, ShapedKey> shapes = new HashMap<>();

  /** A key and the method it belongs to. */
  private record ShapedKey(ExecutableElement method, KeyModel key) {}

  KeyChecks(Types types, ValueShapes valueShapes) {
    this.types = types;
    this.valueShapes = valueShapes;
  }

  /**
   * Reports a key of {@code m} ({@code @Cached}, {@code @CachePut} or one of a {@code @CacheEvict})
   * whose shape an earlier key in {@code alias} has with its hash tag on another placeholder, or
   * without one where it has one (or the reverse): one entry would have two keys.
   */
  void checkHashTag(
      ExecutableElement m,
      String alias,
      KeyModel key,
      AnnotationMirror mirror,
      AnnotationValue written,
      Report report) {
    ShapedKey other = shapes.putIfAbsent(alias + "\u0000" + key.shape(), new ShapedKey(m, key));
    if (other == null || other.key().hashTagIndex() == key.hashTagIndex()) {
      return;
    }
    String difference;
    if (key.hashTagIndex() < 0) {
      difference = "only the first names a hash tag";
    } else if (other.key().hashTagIndex() < 0) {
      difference = "only the second names a hash tag";
    } else {
      difference = "they put the hash tag on different placeholders";
    }
    report.error(
        Messages.HASH_TAG_CONFLICT.format(
            other.key().template(),
            Signatures.describe(other.method()),
            key.template(),
            Signatures.describe(m),
            alias,
            difference),
        m,
        mirror,
        written);
  }

  /** Reports what is wrong with the resolved key of {@code m}: constant or not, or shared. */
  void check(
      ExecutableElement m,
      StoreAnnotation store,
      boolean constant,
      TypeMirror content,
      Report report) {
    if (constantKeyAgrees(m, store, constant, report) && !store.key().isEmpty()) {
      reportConflict(m, store, content, report);
    }
  }

  /**
   * A key that ignores the parameters of {@code m} (so every call shares one entry) must say so
   * with {@code constantKey = true}, and that attribute must not be set on a key that does use
   * them. Reports and returns {@code false} if either is violated.
   */
  private boolean constantKeyAgrees(
      ExecutableElement m, StoreAnnotation store, boolean constant, Report report) {
    if (m.getParameters().isEmpty()) {
      return true; // nothing to ignore
    }
    String template = store.key();
    if (constant && !store.constantKey()) {
      report.error(
          Messages.CONSTANT_KEY.format(
              template, Signatures.signature(types, m), suggestion(m, template)),
          m,
          store.mirror(),
          store.writtenKey());
      return false;
    }
    if (!constant && store.constantKey()) {
      String key = template.isEmpty() ? "the default key" : "key template \"" + template + "\"";
      report.error(
          Messages.NOT_CONSTANT.format(key, Signatures.signature(types, m)),
          m,
          store.mirror(),
          store.writtenConstantKey());
      return false;
    }
    return true;
  }

  /** {@code template} with every parameter appended as a placeholder. */
  private static String suggestion(ExecutableElement m, String template) {
    StringBuilder sb = new StringBuilder(template);
    m.getParameters().forEach(p -> sb.append(":{").append(p.getSimpleName()).append('}'));
    return sb.toString();
  }

  private void reportConflict(
      ExecutableElement m, StoreAnnotation store, TypeMirror content, Report report) {
    ExecutableElement other = templates.putIfAbsent(store.cache() + "\u0000" + store.key(), m);
    if (other == null) {
      return;
    }
    TypeMirror otherContent = valueShapes.content(other.getReturnType());
    if (otherContent != null && !types.isSameType(otherContent, content)) {
      report.error(
          Messages.KEY_CONFLICT.format(
              Signatures.describe(other),
              Signatures.describe(m),
              store.cache(),
              store.key(),
              otherContent,
              content),
          m,
          store.mirror(),
          store.writtenKey());
    }
  }
}
