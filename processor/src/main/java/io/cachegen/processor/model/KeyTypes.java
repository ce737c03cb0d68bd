package io.cachegen.processor.model;

import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Questions about the types of key values that both stability checks and key forms ask. */
final class KeyTypes {
  private final Types types;
  private final Elements elements;

  KeyTypes(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** {@code type} with type variables and {@code ? extends} wildcards replaced by their bounds. */
  static TypeMirror bound(TypeMirror type) {
    while (true) {
      if (type.getKind() == TypeKind.TYPEVAR) {
        type = ((TypeVariable) type).getUpperBound();
      } else if (type.getKind() == TypeKind.WILDCARD
          && ((WildcardType) type).getExtendsBound() != null) {
        type = ((WildcardType) type).getExtendsBound();
      } else {
        return type;
      }
    }
  }

  /** Whether {@code type} is the class named {@code name} (any type arguments). */
  static boolean isClass(TypeMirror type, String name) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(name);
  }

  /** Whether {@code type} is a record type. */
  static boolean isRecord(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED
        && ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD;
  }

  /** Whether rendering {@code type} reaches a record, which needs a generated helper. */
  boolean needsForm(TypeMirror type) {
    type = bound(type);
    if (type.getKind() == TypeKind.ARRAY) {
      return needsForm(((ArrayType) type).getComponentType());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    if (isRecord(type)) {
      return true;
    }
    TypeMirror container = asSuper(type, "java.util.Map");
    if (container == null) {
      container = asSuper(type, "java.util.Collection");
    }
    if (container == null && isClass(type, "java.util.Optional")) {
      container = type;
    }
    if (container == null) {
      return false;
    }
    for (TypeMirror arg : ((DeclaredType) container).getTypeArguments()) {
      if (needsForm(arg)) {
        return true;
      }
    }
    return false;
  }

  /** {@code type} viewed as its supertype {@code className} (with type arguments), or null. */
  TypeMirror asSuper(TypeMirror type, String className) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    if (isClass(type, className)) {
      return type;
    }
    for (TypeMirror s : types.directSupertypes(type)) {
      TypeMirror found = asSuper(s, className);
      if (found != null) {
        return found;
      }
    }
    return null;
  }

  /** Whether the erasure of {@code type} is a subtype of class {@code className}. */
  boolean isSubtype(TypeMirror type, String className) {
    TypeElement target = elements.getTypeElement(className);
    return target != null && types.isSubtype(types.erasure(type), types.erasure(target.asType()));
  }
}
