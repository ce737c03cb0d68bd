package io.cachegen.processor.model;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Finds the properties a key placeholder's path can read ({@code {user.id}}): no-arg instance
 * methods named {@code id}, {@code getId} or {@code isId} (tried in that order), then instance
 * fields named {@code id}, accessible from the generated class's package. {@code Object}'s own
 * methods ({@code hashCode()}, {@code toString()}, ...) are never properties, even where
 * overridden.
 */
final class PropertyLookup {
  /** Object's no-arg methods, which are never key properties, even where overridden. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("hashCode", "toString", "getClass", "clone");

  private final Types types;
  private final Elements elements;

  PropertyLookup(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** A resolved property and its type (as a member of the type it is read from). */
  record Found(KeyModel.Property property, TypeMirror type) {}

  /** Property {@code prop} of {@code type} as code in {@code pkg} sees it, or {@code null}. */
  Found find(TypeMirror type, String prop, PackageElement pkg) {
    DeclaredType declared = declared(type);
    if (declared == null) {
      return null;
    }
    String cap = Character.toUpperCase(prop.charAt(0)) + prop.substring(1);
    List<? extends Element> members = elements.getAllMembers((TypeElement) declared.asElement());
    for (String candidate : List.of(prop, "get" + cap, "is" + cap)) {
      for (ExecutableElement m : ElementFilter.methodsIn(members)) {
        if (m.getSimpleName().contentEquals(candidate) && isPropertyMethod(m, pkg)) {
          TypeMirror t = ((ExecutableType) types.asMemberOf(declared, m)).getReturnType();
          return new Found(new KeyModel.Property(candidate, false), t);
        }
      }
    }
    for (VariableElement f : ElementFilter.fieldsIn(members)) {
      if (f.getSimpleName().contentEquals(prop) && isPropertyField(f, pkg)) {
        return new Found(new KeyModel.Property(prop, true), types.asMemberOf(declared, f));
      }
    }
    return null;
  }

  /** The names of every property of {@code type} as code in {@code pkg} sees it, sorted. */
  Set<String> names(TypeMirror type, PackageElement pkg) {
    Set<String> names = new TreeSet<>();
    DeclaredType declared = declared(type);
    if (declared == null) {
      return names;
    }
    List<? extends Element> members = elements.getAllMembers((TypeElement) declared.asElement());
    for (ExecutableElement m : ElementFilter.methodsIn(members)) {
      if (!isPropertyMethod(m, pkg)) {
        continue;
      }
      String n = m.getSimpleName().toString();
      if (n.startsWith("get") && n.length() > 3) {
        names.add(Character.toLowerCase(n.charAt(3)) + n.substring(4));
      } else if (n.startsWith("is") && n.length() > 2) {
        names.add(Character.toLowerCase(n.charAt(2)) + n.substring(3));
      } else {
        names.add(n);
      }
    }
    for (VariableElement f : ElementFilter.fieldsIn(members)) {
      if (isPropertyField(f, pkg)) {
        names.add(f.getSimpleName().toString());
      }
    }
    return names;
  }

  /** {@code type}, or a type variable's bound, if it is a declared type; else {@code null}. */
  private static DeclaredType declared(TypeMirror type) {
    if (type.getKind() == TypeKind.TYPEVAR) {
      type = ((TypeVariable) type).getUpperBound();
    }
    return type.getKind() == TypeKind.DECLARED ? (DeclaredType) type : null;
  }

  private boolean isPropertyMethod(ExecutableElement m, PackageElement pkg) {
    return m.getParameters().isEmpty()
        && m.getReturnType().getKind() != TypeKind.VOID
        && !m.getModifiers().contains(Modifier.STATIC)
        && accessible(m, pkg)
        && !m.getEnclosingElement().toString().equals("java.lang.Object")
        && !OBJECT_METHODS.contains(m.getSimpleName().toString());
  }

  private boolean isPropertyField(VariableElement f, PackageElement pkg) {
    return !f.getModifiers().contains(Modifier.STATIC) && accessible(f, pkg);
  }

  private boolean accessible(Element member, PackageElement pkg) {
    Set<Modifier> mods = member.getModifiers();
    if (mods.contains(Modifier.PUBLIC)) {
      return true;
    }
    if (mods.contains(Modifier.PRIVATE)) {
      return false;
    }
    return !member.getEnclosingElement().getKind().isInterface()
        && elements.getPackageOf(member).equals(pkg);
  }
}
