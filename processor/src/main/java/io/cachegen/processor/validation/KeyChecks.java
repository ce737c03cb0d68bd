package io.cachegen.processor.validation;

import io.cachegen.processor.base.Messages;
import io.cachegen.processor.model.ValueShapes;
import io.cachegen.processor.validation.MethodAnnotations.StoreAnnotation;
import java.util.HashMap;
import java.util.Map;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/**
 * Checks on resolved {@code @Cached}/{@code @CachePut} keys that look beyond the template: that
 * {@code constantKey} agrees with whether the key uses the arguments, and that two methods of one
 * type sharing an alias and a template store the same type. One instance per type.
 */
final class KeyChecks {
  private final Types types;
  private final ValueShapes shapes;

  /** The first method of each {@code alias + \0 + template}. */
  private final Map<String, ExecutableElement> templates = new HashMap<>();

  KeyChecks(Types types, ValueShapes shapes) {
    this.types = types;
    this.shapes = shapes;
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
      String braces =
          template.contains("{{") || template.contains("}}")
              ? " ({{ and }} are literal braces)"
              : "";
      report.error(
          Messages.CONSTANT_KEY.format(
              template, Signatures.signature(types, m), suggestion(m, template), braces),
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

  /** {@code template} with {{name}} made a placeholder, else with every parameter appended. */
  private static String suggestion(ExecutableElement m, String template) {
    String suggestion = template;
    for (VariableElement p : m.getParameters()) {
      String name = p.getSimpleName().toString();
      suggestion = suggestion.replace("{{" + name + "}}", "{" + name + "}");
    }
    if (suggestion.equals(template)) {
      StringBuilder sb = new StringBuilder(template);
      m.getParameters().forEach(p -> sb.append(":{").append(p.getSimpleName()).append('}'));
      suggestion = sb.toString();
    }
    return suggestion;
  }

  private void reportConflict(
      ExecutableElement m, StoreAnnotation store, TypeMirror content, Report report) {
    ExecutableElement other = templates.putIfAbsent(store.cache() + "\u0000" + store.key(), m);
    if (other == null) {
      return;
    }
    TypeMirror otherContent = shapes.content(other.getReturnType());
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
