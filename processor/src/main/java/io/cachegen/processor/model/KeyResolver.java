package io.cachegen.processor.model;

import com.palantir.javapoet.CodeBlock;
import io.cachegen.processor.Messages;
import io.cachegen.processor.RuntimeNames;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.TypeVariable;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Resolves key templates against a method's parameters at compile time (placeholders become direct
 * calls: record components, getters, accessible fields) and checks that every value in a key has a
 * stable, content-based text form. Builds the default key for an empty template.
 */
public final class KeyResolver {
  /** Object's no-arg methods, which are never key properties, even where overridden. */
  private static final Set<String> OBJECT_METHODS =
      Set.of("hashCode", "toString", "getClass", "clone");

  private final Types types;
  private final Elements elements;

  public KeyResolver(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
  }

  /** A resolved key or the error to print. */
  public record Result(KeyModel key, Messages error, Object[] args) {
    static Result ok(KeyModel key) {
      return new Result(key, null, null);
    }

    static Result error(Messages error, Object... args) {
      return new Result(null, error, args);
    }

    public boolean isError() {
      return error != null;
    }

    public String message() {
      return error.format(args);
    }
  }

  /**
   * Resolves {@code template} for {@code method}; an empty template yields the default key of
   * {@code owner.method(paramTypes)} and its arguments.
   */
  public Result resolve(TypeElement owner, ExecutableElement method, String template) {
    if (template.isEmpty()) {
      return defaultKey(owner, method);
    }
    KeyTemplate parsed;
    try {
      parsed = KeyTemplate.parse(template);
    } catch (KeyTemplate.SyntaxException e) {
      return Result.error(Messages.TEMPLATE_SYNTAX, template, e.getMessage());
    }
    PackageElement pkg = elements.getPackageOf(owner);
    List<KeyModel.Part> parts = new ArrayList<>();
    for (KeyTemplate.Segment s : parsed.segments()) {
      if (s instanceof KeyTemplate.Literal l) {
        parts.add(new KeyModel.Text(l.text()));
        continue;
      }
      KeyTemplate.Placeholder p = (KeyTemplate.Placeholder) s;
      VariableElement param = null;
      for (VariableElement v : method.getParameters()) {
        if (v.getSimpleName().contentEquals(p.root())) {
          param = v;
        }
      }
      if (param == null) {
        List<String> names = new ArrayList<>();
        method.getParameters().forEach(v -> names.add(v.getSimpleName().toString()));
        return Result.error(
            Messages.UNKNOWN_NAME,
            template,
            "{" + p.text() + "} names no parameter of " + method.getSimpleName() + "()",
            names.isEmpty() ? "none (the method has no parameters)" : String.join(", ", names));
      }
      CodeBlock expr = CodeBlock.of("$N", param.getSimpleName().toString());
      TypeMirror type = param.asType();
      String walked = p.root();
      for (String prop : p.path()) {
        Access access = findProperty(type, prop, pkg);
        if (access == null) {
          Set<String> valid = properties(type, pkg);
          return Result.error(
              Messages.UNKNOWN_NAME,
              template,
              "{" + p.text() + "}: " + types.erasure(type) + " (type of " + walked
                  + ") has no accessible property '" + prop + "'",
              valid.isEmpty() ? "none" : String.join(", ", valid));
        }
        expr = access.field
            ? CodeBlock.of("$L.$N", expr, access.name)
            : CodeBlock.of("$L.$N()", expr, access.name);
        type = access.type;
        walked = walked + "." + prop;
      }
      String problem = stabilityProblem(type, new HashSet<>());
      if (problem != null) {
        return Result.error(
            Messages.UNSTABLE_KEY, "{" + p.text() + "} of type " + type, problem,
            "..." + "{" + p.text() + ".id}");
      }
      parts.add(render(expr, type));
    }
    return Result.ok(new KeyModel(template, List.copyOf(parts)));
  }

  private Result defaultKey(TypeElement owner, ExecutableElement method) {
    List<KeyModel.Part> parts = new ArrayList<>();
    StringBuilder head = new StringBuilder(owner.getQualifiedName()).append('.')
        .append(method.getSimpleName()).append('(');
    List<String> paramTypes = new ArrayList<>();
    for (VariableElement v : method.getParameters()) {
      paramTypes.add(types.erasure(v.asType()).toString());
    }
    head.append(String.join(",", paramTypes)).append(')');
    parts.add(new KeyModel.Text(head.toString()));
    for (VariableElement v : method.getParameters()) {
      String problem = stabilityProblem(v.asType(), new HashSet<>());
      if (problem != null) {
        return Result.error(
            Messages.UNSTABLE_KEY,
            "parameter '" + v.getSimpleName() + "' of type " + v.asType(),
            problem,
            "..." + "{" + v.getSimpleName() + ".id}");
      }
      parts.add(new KeyModel.Text(":"));
      parts.add(render(CodeBlock.of("$N", v.getSimpleName().toString()), v.asType()));
    }
    return Result.ok(new KeyModel("", List.copyOf(parts)));
  }

  private KeyModel.Value render(CodeBlock expr, TypeMirror type) {
    TypeKind kind = type.getKind();
    if (kind == TypeKind.CHAR) {
      return new KeyModel.Value(
          CodeBlock.of("$T.string($T.valueOf($L))", RuntimeNames.KEY_PARTS, String.class, expr),
          false);
    }
    if (kind.isPrimitive()) {
      return new KeyModel.Value(expr, true);
    }
    if (isClass(type, "java.lang.String")) {
      return new KeyModel.Value(CodeBlock.of("$T.string($L)", RuntimeNames.KEY_PARTS, expr), false);
    }
    if (kind == TypeKind.DECLARED && !isClass(type, "java.lang.Character")) {
      try {
        types.unboxedType(type);
        return new KeyModel.Value(expr, true); // Integer, Long, Boolean...: text or "null"
      } catch (IllegalArgumentException notABox) {
        // fall through
      }
      TypeElement te = (TypeElement) ((DeclaredType) type).asElement();
      if (te.getKind() == ElementKind.ENUM) {
        return new KeyModel.Value(CodeBlock.of("$T.name($L)", RuntimeNames.KEY_PARTS, expr), false);
      }
    }
    return new KeyModel.Value(CodeBlock.of("$T.of($L)", RuntimeNames.KEY_PARTS, expr), false);
  }

  /**
   * Why {@code type} has no stable text form, or {@code null} if it has one: primitives, boxes,
   * strings, enums, records of stable components, collections/maps/optionals/arrays of stable
   * elements, and classes that override {@code toString()}.
   */
  public String stabilityProblem(TypeMirror type, Set<String> visiting) {
    switch (type.getKind()) {
      case BOOLEAN, BYTE, SHORT, INT, LONG, CHAR, FLOAT, DOUBLE:
        return null;
      case ARRAY:
        return stabilityProblem(((ArrayType) type).getComponentType(), visiting);
      case TYPEVAR:
        return stabilityProblem(((TypeVariable) type).getUpperBound(), visiting);
      case WILDCARD:
        TypeMirror bound = ((WildcardType) type).getExtendsBound();
        return bound == null
            ? "an unbounded wildcard is any Object, whose toString() is its identity"
            : stabilityProblem(bound, visiting);
      case INTERSECTION:
        return "an intersection type has no known text form";
      case DECLARED:
        break;
      default:
        return type + " has no text form";
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement te = (TypeElement) declared.asElement();
    String name = te.getQualifiedName().toString();
    if (name.equals("java.lang.Object")) {
      return "Object.toString() is the object's identity, different in every run";
    }
    if (name.equals("java.lang.String") || name.equals("java.util.UUID")
        || te.getKind() == ElementKind.ENUM) {
      return null;
    }
    if (isSubtype(type, "java.util.Collection") || isSubtype(type, "java.util.Map")
        || name.equals("java.util.Optional")) {
      if (declared.getTypeArguments().isEmpty()) {
        return "a raw " + te.getSimpleName() + " has elements of unknown type";
      }
      for (TypeMirror arg : declared.getTypeArguments()) {
        String p = stabilityProblem(arg, visiting);
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
      for (Element e : te.getEnclosedElements()) {
        if (e.getKind() == ElementKind.RECORD_COMPONENT) {
          TypeMirror componentType = types.asMemberOf(declared, e);
          String p = stabilityProblem(componentType, visiting);
          if (p != null) {
            return "record component " + te.getSimpleName() + "." + e.getSimpleName()
                + " is not stable (" + p + ")";
          }
        }
      }
      return null;
    }
    if (te.getKind().isInterface()) {
      return "interface " + te.getSimpleName() + " does not fix how its implementations render"
          + " as text";
    }
    if (overridesToString(te)) {
      return null;
    }
    return te.getSimpleName() + " does not override toString(), so its text is its identity";
  }

  private boolean overridesToString(TypeElement te) {
    TypeElement current = te;
    while (current != null && !current.getQualifiedName().contentEquals("java.lang.Object")) {
      for (ExecutableElement m : ElementFilter.methodsIn(current.getEnclosedElements())) {
        if (m.getSimpleName().contentEquals("toString") && m.getParameters().isEmpty()
            && !m.getModifiers().contains(Modifier.ABSTRACT)
            && !m.getModifiers().contains(Modifier.STATIC)) {
          return true;
        }
      }
      TypeMirror sup = current.getSuperclass();
      current = sup.getKind() == TypeKind.DECLARED
          ? (TypeElement) ((DeclaredType) sup).asElement()
          : null;
    }
    return false;
  }

  private boolean isSubtype(TypeMirror type, String className) {
    TypeElement target = elements.getTypeElement(className);
    return target != null && types.isSubtype(types.erasure(type), types.erasure(target.asType()));
  }

  private static boolean isClass(TypeMirror type, String name) {
    return type.getKind() == TypeKind.DECLARED
        && ((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName().contentEquals(name);
  }

  /** A resolved property: a no-arg method or a field, and its type. */
  private record Access(String name, boolean field, TypeMirror type) {}

  private Access findProperty(TypeMirror type, String prop, PackageElement pkg) {
    if (type.getKind() == TypeKind.TYPEVAR) {
      type = ((TypeVariable) type).getUpperBound();
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    DeclaredType declared = (DeclaredType) type;
    TypeElement te = (TypeElement) declared.asElement();
    String cap = Character.toUpperCase(prop.charAt(0)) + prop.substring(1);
    List<? extends Element> members = elements.getAllMembers(te);
    for (String candidate : List.of(prop, "get" + cap, "is" + cap)) {
      for (ExecutableElement m : ElementFilter.methodsIn(members)) {
        if (m.getSimpleName().contentEquals(candidate) && m.getParameters().isEmpty()
            && m.getReturnType().getKind() != TypeKind.VOID
            && !m.getModifiers().contains(Modifier.STATIC) && accessible(m, pkg)
            && !m.getEnclosingElement().toString().equals("java.lang.Object")
            && !OBJECT_METHODS.contains(candidate)) {
          TypeMirror t = ((javax.lang.model.type.ExecutableType) types.asMemberOf(declared, m))
              .getReturnType();
          return new Access(candidate, false, t);
        }
      }
    }
    for (VariableElement f : ElementFilter.fieldsIn(members)) {
      if (f.getSimpleName().contentEquals(prop) && !f.getModifiers().contains(Modifier.STATIC)
          && accessible(f, pkg)) {
        return new Access(prop, true, types.asMemberOf(declared, f));
      }
    }
    return null;
  }

  private Set<String> properties(TypeMirror type, PackageElement pkg) {
    Set<String> names = new TreeSet<>();
    if (type.getKind() == TypeKind.TYPEVAR) {
      type = ((TypeVariable) type).getUpperBound();
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return names;
    }
    TypeElement te = (TypeElement) ((DeclaredType) type).asElement();
    List<? extends Element> members = elements.getAllMembers(te);
    for (ExecutableElement m : ElementFilter.methodsIn(members)) {
      if (!m.getParameters().isEmpty() || m.getReturnType().getKind() == TypeKind.VOID
          || m.getModifiers().contains(Modifier.STATIC) || !accessible(m, pkg)
          || m.getEnclosingElement().toString().equals("java.lang.Object")
          || OBJECT_METHODS.contains(m.getSimpleName().toString())) {
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
      if (!f.getModifiers().contains(Modifier.STATIC) && accessible(f, pkg)) {
        names.add(f.getSimpleName().toString());
      }
    }
    return names;
  }

  private boolean accessible(Element member, PackageElement pkg) {
    Set<Modifier> mods = member.getModifiers();
    if (mods.contains(Modifier.PUBLIC)) {
      return true;
    }
    if (mods.contains(Modifier.PRIVATE)) {
      return false;
    }
    Element enclosing = member.getEnclosingElement();
    return enclosing.getKind().isInterface()
        ? false
        : elements.getPackageOf(member).equals(pkg);
  }
}
