package io.cachegen.processor.validation;

import io.cachegen.processor.base.Messages;
import io.cachegen.processor.model.Names;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;

/**
 * Whether a generated class can extend (or implement) the user's type: not private, not inner, not
 * sealed, not final, with an accessible constructor. Reports the first problem.
 *
 * <p>Local and anonymous classes never get here: processors do not see them ({@code
 * LocalClassProcessor} reports them from the syntax trees).
 */
final class TypeChecks {
  private TypeChecks() {}

  static void check(TypeElement type, Report report) {
    String name = type.getQualifiedName().toString();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        report.error(
            Messages.PRIVATE_CLASS.format(t.getQualifiedName(), Names.generatedSimpleName(type)),
            type,
            null,
            null);
        return;
      }
    }
    if (type.getNestingKind() == NestingKind.MEMBER
        && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(Messages.INNER_CLASS.format(name), type, null, null);
      return;
    }
    if (type.getModifiers().contains(Modifier.SEALED)) {
      report.error(
          Messages.SEALED.format(
              name,
              Names.generatedSimpleName(type),
              type.getKind().isInterface() ? "implement" : "extend"),
          type,
          null,
          null);
      return;
    }
    if (type.getKind().isInterface()) {
      return;
    }
    if (type.getModifiers().contains(Modifier.FINAL)
        || type.getKind() == ElementKind.ENUM
        || type.getKind() == ElementKind.RECORD) {
      report.error(Messages.FINAL_CLASS.format(name), type, null, null);
      return;
    }
    if (CachedTypeParser.mirroredConstructors(type).isEmpty()) {
      report.error(Messages.NO_CONSTRUCTOR.format(name), type, null, null);
    }
  }
}
