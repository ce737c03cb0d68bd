package io.cachegen.processor.model;

import java.util.HashSet;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Types;

/**
 * Whether the values of a type have a stable, content-based text form to put in a key: the same
 * value gives the same text in every run and every JVM.
 */
final class TypeStability {
  private final Types types;
  private final KeyTypes keyTypes;

  TypeStability(Types types, KeyTypes keyTypes) {
    this.types = types;
    this.keyTypes = keyTypes;
  }

  /**
   * Why {@code type} has no stable text form, or {@code null} if it has one: primitives, boxes,
   * strings, enums, records of stable components, collections/maps/optionals/arrays of stable
   * elements, and classes that override {@code toString()}.
   */
  String problem(TypeMirror type) {
    return problem(type, new HashSet<>());
  }

  private String problem(TypeMirror type, Set<String> visiting) {
    switch (type.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE:
        return null;
      case ARRAY:
        return problem(((ArrayType) type).getComponentType(), visiting);
      case TYPEVAR:
        return problem(((TypeVariable) type).getUpperBound(), visiting);
      case WILDCARD:
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound == null
            ? "an unbounded wildcard is any Object, whose toString() is its identity"
            : problem(bound, visiting);
      case INTERSECTION:
        return "an intersection type has no known text form";
      case DECLARED:
        return declaredProblem((DeclaredType) type, visiting);
      default:
        return type + " has no text form";
    }
  }

  private String declaredProblem(DeclaredType declared, Set<String> visiting) {
    TypeElement te = (TypeElement) declared.asElement();
    String name = te.getQualifiedName().toString();
    if (name.equals("java.lang.Object")) {
      return "Object.toString() is the object's identity, different in every run";
    }
    if (name.equals("java.lang.String")
        || name.equals("java.util.UUID")
        || te.getKind() == ElementKind.ENUM) {
      return null;
    }
    if (keyTypes.isSubtype(declared, "java.util.Collection")
        || keyTypes.isSubtype(declared, "java.util.Map")
        || name.equals("java.util.Optional")) {
      if (declared.getTypeArguments().isEmpty()) {
        return "a raw " + te.getSimpleName() + " has elements of unknown type";
      }
      for (TypeMirror arg : declared.getTypeArguments()) {
        String p = problem(arg, visiting);
        if (p != null) {
          return "its element type " + arg + " is not stable (" + p + ")";
        }
      }
      return null;
    }
    if (!visiting.add(name)) {
      return null; // recursive type: checked further up
    }
    if (te.getKind() == ElementKind.RECORD) {
      return recordProblem(declared, te, visiting);
    }
    if (te.getKind().isInterface()) {
      return "interface "
          + te.getSimpleName()
          + " does not fix how its implementations render"
          + " as text";
    }
    if (overridesToString(te)) {
      return null;
    }
    return te.getSimpleName() + " does not override toString(), so its text is its identity";
  }

  private String recordProblem(DeclaredType declared, TypeElement te, Set<String> visiting) {
    for (TypeMirror arg : declared.getTypeArguments()) {
      if (keyTypes.needsForm(arg)) {
        return "a record inside type argument "
            + arg
            + " of generic record "
            + te.getSimpleName()
            + " has no generated key form";
      }
    }
    for (Element e : te.getEnclosedElements()) {
      if (e.getKind() == ElementKind.RECORD_COMPONENT) {
        TypeMirror componentType = types.asMemberOf(declared, e);
        String p = problem(componentType, visiting);
        if (p != null) {
          return "record component "
              + te.getSimpleName()
              + "."
              + e.getSimpleName()
              + " is not stable ("
              + p
              + ")";
        }
      }
    }
    return null;
  }

  private static boolean overridesToString(TypeElement te) {
    TypeElement current = te;
    while (current != null && !current.getQualifiedName().contentEquals("java.lang.Object")) {
      for (ExecutableElement m : ElementFilter.methodsIn(current.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals("toString")
            && m.getParameters().isEmpty()
            && !m.getModifiers().contains(Modifier.ABSTRACT)
            && !m.getModifiers().contains(Modifier.STATIC)) {
          return true;
        }
      }
      TypeMirror sup = current.getSuperclass();
      current =
          sup.getKind() == TypeKind.DECLARED
              ? (TypeElement) ((DeclaredType) sup).asElement()
              : null;
    }
    return false;
  }
}
