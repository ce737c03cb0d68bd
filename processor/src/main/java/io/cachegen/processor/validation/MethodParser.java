package io.cachegen.processor.validation;

import io.cachegen.annotations.Cached;
import io.cachegen.processor.base.Messages;
import io.cachegen.processor.model.CachedMethod;
import io.cachegen.processor.model.KeyModel;
import io.cachegen.processor.model.KeyResolver;
import io.cachegen.processor.model.ValueShapes;
import io.cachegen.processor.validation.MethodAnnotations.EvictAnnotation;
import io.cachegen.processor.validation.MethodAnnotations.StoreAnnotation;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Parses one annotated method into a {@link CachedMethod}, reporting every problem it finds. The
 * only caller of {@link KeyResolver#resolve}: each key template is resolved once, and the result is
 * both checked and kept.
 */
final class MethodParser {
  private final KeyResolver keys;
  private final ValueShapes shapes;
  private final KeyChecks keyChecks;

  MethodParser(KeyResolver keys, ValueShapes shapes, KeyChecks keyChecks) {
    this.keys = keys;
    this.shapes = shapes;
    this.keyChecks = keyChecks;
  }

  /** The method's model, or {@code null} when a problem was reported. */
  CachedMethod parse(TypeElement type, ExecutableElement m, MethodAnnotations a, Report report) {
    int problems = report.items().size();
    if (!checkDeclaration(type, m, a, report)) {
      return null;
    }
    TypeMirror returnType = m.getReturnType();
    CachedMethod.Shape shape = shapes.shape(returnType);
    TypeMirror content = shapes.content(returnType);
    CachedMethod.Store store = null;
    if (a.store().isPresent()) {
      StoreAnnotation s = a.store().get();
      if (!checkValue(m, s, shape, returnType, content, report)) {
        return null;
      }
      store = store(type, m, s, content, report);
    }
    CachedMethod.Evict evict = a.evict().map(e -> evict(type, m, e, report)).orElse(null);
    return report.items().size() == problems
        ? new CachedMethod(m, shape, content, store, evict)
        : null;
  }

  /** Annotations that go together, and a method the generated class can override. */
  private static boolean checkDeclaration(
      TypeElement type, ExecutableElement m, MethodAnnotations a, Report report) {
    if (a.cached().isPresent() && (a.put().isPresent() || a.evict().isPresent())) {
      AnnotationMirror other =
          a.put().isPresent() ? a.put().get().mirror() : a.evict().get().mirror();
      report.error(
          Messages.CONFLICT.format("Cached", a.put().isPresent() ? "CachePut" : "CacheEvict"),
          m,
          other,
          null);
      return false;
    }
    AnnotationMirror primary =
        a.store().map(StoreAnnotation::mirror).orElseGet(() -> a.evict().get().mirror());
    String primaryName = a.store().map(StoreAnnotation::simpleName).orElse("CacheEvict");
    Set<Modifier> mods = m.getModifiers();
    Messages problem = null;
    if (mods.contains(Modifier.PRIVATE)) {
      problem = Messages.PRIVATE;
    } else if (mods.contains(Modifier.STATIC)) {
      problem = Messages.STATIC;
    } else if (mods.contains(Modifier.FINAL)) {
      problem = Messages.FINAL;
    } else if (mods.contains(Modifier.ABSTRACT) && !type.getKind().isInterface()) {
      problem = Messages.ABSTRACT;
    }
    if (problem != null) {
      report.error(problem.format(primaryName), m, primary, null);
      return false;
    }
    return true;
  }

  /** A stored value: not void, and of a type the codec can read back. */
  private boolean checkValue(
      ExecutableElement m,
      StoreAnnotation s,
      CachedMethod.Shape shape,
      TypeMirror returnType,
      TypeMirror content,
      Report report) {
    if (shape == CachedMethod.Shape.VOID) {
      report.error(Messages.VOID.format(s.simpleName()), m, s.mirror(), null);
      return false;
    }
    String problem = shapes.contentProblem(content);
    if (problem != null) {
      report.error(Messages.VALUE_TYPE.format(returnType, problem), m, s.mirror(), null);
      return false;
    }
    return true;
  }

  private CachedMethod.Store store(
      TypeElement type, ExecutableElement m, StoreAnnotation s, TypeMirror content, Report report) {
    int timeout = s.timeout();
    if (timeout < 0 && timeout != Cached.DEFAULT_TIMEOUT && timeout != Cached.NEVER) {
      report.error(Messages.TIMEOUT.format(timeout), m, s.mirror(), s.writtenTimeout());
    }
    checkAlias(s.cache(), m, s.mirror(), s.writtenCache(), report);
    KeyModel key = key(type, m, s.key(), s.mirror(), s.writtenKey(), report);
    if (key != null) {
      keyChecks.check(m, s, key.isConstant(), content, report);
      keyChecks.checkHashTag(m, s.cache(), key, s.mirror(), s.writtenKey(), report);
    }
    return new CachedMethod.Store(
        s.put(), s.cache(), timeout, s.cacheNull(), s.stampedeGuard(), s.nearCache(), key);
  }

  private CachedMethod.Evict evict(
      TypeElement type, ExecutableElement m, EvictAnnotation e, Report report) {
    if (e.keys().isEmpty() && !e.allEntries()) {
      report.error(Messages.EVICT_NOTHING.format(), m, e.mirror(), null);
    }
    checkAlias(e.cache(), m, e.mirror(), e.writtenCache(), report);
    List<KeyModel> evictKeys = new ArrayList<>();
    for (int i = 0; i < e.keys().size(); i++) {
      String template = e.keys().get(i);
      AnnotationValue written = e.writtenKey(i);
      if (template.isEmpty()) {
        report.error(Messages.EVICT_NOTHING.format(), m, e.mirror(), written);
        continue;
      }
      KeyModel key = key(type, m, template, e.mirror(), written, report);
      if (key != null) {
        keyChecks.checkHashTag(m, e.cache(), key, e.mirror(), written, report);
        evictKeys.add(key);
      }
    }
    return new CachedMethod.Evict(
        e.cache(), e.allEntries(), e.beforeInvocation(), List.copyOf(evictKeys));
  }

  private static void checkAlias(
      String alias,
      ExecutableElement m,
      AnnotationMirror mirror,
      AnnotationValue written,
      Report report) {
    if (alias.isBlank()) {
      report.error(Messages.ALIAS.format(), m, mirror, written);
    }
  }

  /** The resolved key, or {@code null} after reporting why it cannot be resolved. */
  private KeyModel key(
      TypeElement type,
      ExecutableElement m,
      String template,
      AnnotationMirror mirror,
      AnnotationValue written,
      Report report) {
    KeyResolver.Result key = keys.resolve(type, m, template);
    if (key.isError()) {
      report.error(key.message(), m, mirror, written);
      return null;
    }
    return key.key();
  }
}
