package io.cachegen.processor.validation;

import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Types;

/** How messages name a method. */
final class Signatures {
  private Signatures() {}

  /** {@code UserService.user()}: the method and its type. */
  static String describe(ExecutableElement m) {
    return m.getEnclosingElement().getSimpleName() + "." + m.getSimpleName() + "()";
  }

  /** {@code user(long)}: the method with its erased simple parameter types. */
  static String signature(Types types, ExecutableElement m) {
    return m.getSimpleName()
        + "("
        + m.getParameters().stream()
            .map(p -> simpleTypeName(types.erasure(p.asType())))
            .collect(Collectors.joining(","))
        + ")";
  }

  private static String simpleTypeName(TypeMirror t) {
    if (t instanceof DeclaredType d) {
      return d.asElement().getSimpleName().toString();
    }
    if (t instanceof ArrayType a) {
      return simpleTypeName(a.getComponentType()) + "[]";
    }
    return t.toString();
  }
}
