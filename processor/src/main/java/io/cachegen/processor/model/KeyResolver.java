package io.cachegen.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.cachegen.processor.Messages;
import io.cachegen.processor.RuntimeNames;
import io.cachegen.processor.validation.CachedTypeValidator;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
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
 *
 * <p>Values render through {@code KeyParts} (see its Javadoc for the forms); records render
 * component-wise through static helpers written into the generated class ({@link
 * KeyModel.Helper}), never through their {@code toString()}. A placeholder followed by text and
 * another placeholder escapes the first character of that text; templates where that cannot
 * separate the values (adjacent placeholders, text starting with a letter, digit or {@code \})
 * are rejected. A {@code null} anywhere along a property path renders as {@code \0}; the path's
 * getters may then be called more than once, and a primitive at its end costs one small string.
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
    Forms forms = new Forms(owner, method);
    if (template.isEmpty()) {
      return defaultKey(owner, method, forms);
    }
    KeyTemplate parsed;
    try {
      parsed = KeyTemplate.parse(template);
    } catch (KeyTemplate.SyntaxException e) {
      return Result.error(Messages.TEMPLATE_SYNTAX, template, e.getMessage());
    }
    Result ambiguous = ambiguity(parsed);
    if (ambiguous != null) {
      return ambiguous;
    }
    PackageElement pkg = elements.getPackageOf(owner);
    List<KeyModel.Part> parts = new ArrayList<>();
    List<KeyTemplate.Segment> segments = parsed.segments();
    for (int i = 0; i < segments.size(); i++) {
      KeyTemplate.Segment s = segments.get(i);
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
      // Every step before the last must be non-null; a null one renders the whole value as \0.
      List<CodeBlock> guards = new ArrayList<>();
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
        guards.add(CodeBlock.of("$L == null", expr));
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
            suggestedPath(p.text(), type, pkg));
      }
      KeyModel.Value value = forms.value(expr, type);
      char separator = i + 1 < segments.size()
          ? ((KeyTemplate.Literal) segments.get(i + 1)).text().charAt(0)
          : ':';
      if (i + 2 < segments.size() && !KEY_PARTS_STRUCTURAL.contains(String.valueOf(separator))) {
        // Not escaped in forms already: escape it in this value, so no value can contain it.
        value = new KeyModel.Value(
            CodeBlock.of("$T.escape($L, $L)", RuntimeNames.KEY_PARTS, asString(value),
                charLiteral(separator)),
            false);
      }
      if (!guards.isEmpty()) {
        value = new KeyModel.Value(
            CodeBlock.of("($L ? $T.NULL : $L)", CodeBlock.join(guards, " || "),
                RuntimeNames.KEY_PARTS, asString(value)),
            false);
      }
      parts.add(value);
    }
    return Result.ok(new KeyModel(template, List.copyOf(parts), forms.helpers()));
  }

  /** Characters every key form escapes (KeyParts' structural set). */
  private static final String KEY_PARTS_STRUCTURAL = "\\:,[]={}";

  /**
   * Why the values of {@code t} could run into each other: two placeholders with nothing between
   * them, or text after a placeholder that starts with a letter, digit or backslash (which values
   * could contain unescaped).
   */
  private static Result ambiguity(KeyTemplate t) {
    List<KeyTemplate.Segment> segments = t.segments();
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (!(segments.get(i) instanceof KeyTemplate.Placeholder p)) {
        continue;
      }
      String fix = t.source().replace("{" + p.text() + "}", "{" + p.text() + "}:");
      KeyTemplate.Segment next = segments.get(i + 1);
      if (next instanceof KeyTemplate.Placeholder q) {
        return Result.error(Messages.AMBIGUOUS_TEMPLATE, t.source(),
            "{" + p.text() + "} and {" + q.text() + "} have nothing between them", fix);
      }
      if (i + 2 == segments.size()) {
        continue; // trailing text: a fixed suffix, never ambiguous
      }
      char c = ((KeyTemplate.Literal) next).text().charAt(0);
      if (Character.isLetterOrDigit(c) || c == '\\') {
        return Result.error(Messages.AMBIGUOUS_TEMPLATE, t.source(),
            "the text after {" + p.text() + "} starts with '" + c + "', which a value can contain",
            fix);
      }
    }
    return null;
  }

  private Result defaultKey(TypeElement owner, ExecutableElement method, Forms forms) {
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
            suggestedPath(v.getSimpleName().toString(), v.asType(),
                elements.getPackageOf(method)));
      }
      parts.add(new KeyModel.Text(":"));
      parts.add(forms.value(CodeBlock.of("$N", v.getSimpleName().toString()), v.asType()));
    }
    return Result.ok(new KeyModel("", List.copyOf(parts), forms.helpers()));
  }

  private static String charLiteral(char c) {
    if (c == '\'') {
      return "'\\''";
    }
    return c >= ' ' && c < 127 ? "'" + c + "'" : "(char) " + (int) c;
  }

  private static CodeBlock asString(KeyModel.Value v) {
    return v.primitive() ? CodeBlock.of("$T.valueOf($L)", String.class, v.expression())
        : v.expression();
  }

  /**
   * Renders values of one method's key: top-level values as String expressions, records through
   * generated static helpers ({@code appendPoint(sb, value)}) that call the accessors directly.
   */
  private final class Forms {
    private final TypeElement owner;
    private final ClassName generated;
    private final Set<String> reserved;
    /** By name, so the writer adds them in a stable order; shared with nested helpers' forms. */
    private final Map<String, KeyModel.Helper> helpers;
    private final Map<String, String> helperNames;
    private int lambdas;

    Forms(TypeElement owner, ExecutableElement method) {
      this(owner, new HashSet<>(), new TreeMap<>(), new HashMap<>());
      for (VariableElement v : method.getParameters()) {
        reserved.add(v.getSimpleName().toString());
      }
    }

    private Forms(TypeElement owner, Set<String> reserved, Map<String, KeyModel.Helper> helpers,
        Map<String, String> helperNames) {
      this.owner = owner;
      this.generated = ClassName.get(elements.getPackageOf(owner).getQualifiedName().toString(),
          CachedTypeValidator.generatedSimpleName(owner));
      this.reserved = reserved;
      this.helpers = helpers;
      this.helperNames = helperNames;
    }

    List<KeyModel.Helper> helpers() {
      return List.copyOf(helpers.values());
    }

    /** {@code expr} (of {@code type}) as a concatenable part in its stable form. */
    KeyModel.Value value(CodeBlock expr, TypeMirror type) {
      TypeKind kind = type.getKind();
      if (kind == TypeKind.CHAR) {
        return new KeyModel.Value(
            CodeBlock.of("$T.character($L)", RuntimeNames.KEY_PARTS, expr), false);
      }
      if (kind == TypeKind.INT || kind == TypeKind.LONG || kind == TypeKind.SHORT
          || kind == TypeKind.BYTE) {
        return new KeyModel.Value(expr, true, expr);
      }
      if (kind.isPrimitive()) {
        return new KeyModel.Value(expr, true);
      }
      if (isClass(type, "java.lang.String")) {
        return new KeyModel.Value(CodeBlock.of("$T.string($L)", RuntimeNames.KEY_PARTS, expr), false);
      }
      if (kind == TypeKind.DECLARED
          && ((DeclaredType) type).asElement().getKind() == ElementKind.ENUM) {
        return new KeyModel.Value(CodeBlock.of("$T.name($L)", RuntimeNames.KEY_PARTS, expr), false);
      }
      if (needsForm(type)) {
        return new KeyModel.Value(
            CodeBlock.of("$T.of($L, $L)", RuntimeNames.KEY_PARTS, expr, form(type)), false);
      }
      // boxes (null is \0, Character escaped), UUIDs, collections, arrays, toString() types
      return new KeyModel.Value(CodeBlock.of("$T.of($L)", RuntimeNames.KEY_PARTS, expr), false);
    }

    /** A {@code KeyParts.Form} expression for non-null values of {@code type}. */
    private CodeBlock form(TypeMirror type) {
      type = bound(type);
      if (!needsForm(type)) {
        return CodeBlock.of("$T.ANY", RuntimeNames.KEY_PARTS);
      }
      if (type.getKind() == TypeKind.DECLARED
          && ((DeclaredType) type).asElement().getKind() == ElementKind.RECORD) {
        return CodeBlock.of("$T::$N", generated, recordHelper((DeclaredType) type));
      }
      int n = ++lambdas;
      while (reserved.contains("sb" + n) || reserved.contains("v" + n)) {
        n = ++lambdas;
      }
      String sb = "sb" + n;
      String v = "v" + n;
      return CodeBlock.of("($N, $N) -> $L", sb, v, composite(sb, CodeBlock.of("$N", v), type));
    }

    /** A call appending the non-null composite {@code expr} to {@code sb}. */
    private CodeBlock composite(String sb, CodeBlock expr, TypeMirror type) {
      if (type.getKind() == TypeKind.ARRAY) {
        return CodeBlock.of("$T.appendArray($N, $L, $L)", RuntimeNames.KEY_PARTS, sb, expr,
            form(((ArrayType) type).getComponentType()));
      }
      TypeMirror map = asSuper(type, "java.util.Map");
      if (map != null) {
        List<? extends TypeMirror> kv = ((DeclaredType) map).getTypeArguments();
        return CodeBlock.of("$T.appendMap($N, $L, $L, $L)", RuntimeNames.KEY_PARTS, sb, expr,
            form(kv.get(0)), form(kv.get(1)));
      }
      TypeMirror collection = asSuper(type, "java.util.Collection");
      if (collection != null) {
        return CodeBlock.of("$T.appendAll($N, $L, $L)", RuntimeNames.KEY_PARTS, sb, expr,
            form(((DeclaredType) collection).getTypeArguments().get(0)));
      }
      return CodeBlock.of("$T.appendOptional($N, $L, $L)", RuntimeNames.KEY_PARTS, sb, expr,
          form(((DeclaredType) type).getTypeArguments().get(0)));
    }

    /**
     * The helper appending a record as {@code Name[a=x,b=y]}, one per record declaration and
     * generated class. A generic record's type-variable components render through {@code
     * KeyParts.append} ({@link #stabilityProblem} rejects record type arguments).
     */
    private String recordHelper(DeclaredType type) {
      TypeElement record = (TypeElement) type.asElement();
      String qualified = record.getQualifiedName().toString();
      String name = helperNames.get(qualified);
      if (name != null) {
        return name;
      }
      boolean samePackage = elements.getPackageOf(record).equals(elements.getPackageOf(owner));
      String flat = samePackage
          ? String.join("_", ClassName.get(record).simpleNames())
          : qualified.replace('.', '_');
      name = "append" + Character.toUpperCase(flat.charAt(0)) + flat.substring(1);
      helperNames.put(qualified, name);
      Forms inner = new Forms(owner, Set.of("sb", "value"), helpers, helperNames);
      CodeBlock.Builder body = CodeBlock.builder();
      String text = record.getSimpleName() + "[";
      for (Element e : record.getEnclosedElements()) {
        if (e.getKind() != ElementKind.RECORD_COMPONENT) {
          continue;
        }
        String c = e.getSimpleName().toString();
        body.addStatement("sb.append($S)", text + c + "=");
        text = ",";
        CodeBlock access = CodeBlock.of("value.$N()", c);
        TypeMirror ct = bound(e.asType());
        if (!ct.getKind().isPrimitive() && needsForm(ct)) {
          body.addStatement("$T.append(sb, $L, $L)", RuntimeNames.KEY_PARTS, access,
              inner.form(ct));
        } else {
          body.addStatement("$T.append(sb, $L)", RuntimeNames.KEY_PARTS, access);
        }
      }
      if (text.equals(",")) {
        body.addStatement("sb.append(']')");
      } else {
        body.addStatement("sb.append($S)", text + "]"); // no components: Name[]
      }
      TypeName param = ClassName.get(record);
      if (!record.getTypeParameters().isEmpty()) {
        TypeName[] wild = new TypeName[record.getTypeParameters().size()];
        Arrays.fill(wild, WildcardTypeName.subtypeOf(Object.class));
        param = ParameterizedTypeName.get(ClassName.get(record), wild);
      }
      helpers.put(name, new KeyModel.Helper(name, param, body.build()));
      return name;
    }
  }

  private TypeMirror bound(TypeMirror type) {
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

  /** Whether rendering {@code type} reaches a record, which needs a generated helper. */
  private boolean needsForm(TypeMirror type) {
    type = bound(type);
    if (type.getKind() == TypeKind.ARRAY) {
      return needsForm(((ArrayType) type).getComponentType());
    }
    if (type.getKind() != TypeKind.DECLARED) {
      return false;
    }
    DeclaredType declared = (DeclaredType) type;
    if (declared.asElement().getKind() == ElementKind.RECORD) {
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
  private TypeMirror asSuper(TypeMirror type, String className) {
    if (type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    if (((TypeElement) ((DeclaredType) type).asElement()).getQualifiedName()
        .contentEquals(className)) {
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
      for (TypeMirror arg : declared.getTypeArguments()) {
        if (needsForm(arg)) {
          return "a record inside type argument " + arg + " of generic record "
              + te.getSimpleName() + " has no generated key form";
        }
      }
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
  /**
   * A placeholder to suggest instead of {@code {path}} of an unstable {@code type}: one of its
   * properties with a stable key form ({@code id} first), else a generic hint.
   */
  private String suggestedPath(String path, TypeMirror type, PackageElement pkg) {
    List<String> stable = new ArrayList<>();
    for (String prop : properties(type, pkg)) {
      Access access = findProperty(type, prop, pkg);
      if (access != null && stabilityProblem(access.type, new HashSet<>()) == null) {
        stable.add(prop);
      }
    }
    String pick = stable.contains("id") ? "id" : stable.isEmpty() ? null : stable.get(0);
    return "..." + "{" + path + "." + (pick == null ? "<property>" : pick) + "}";
  }

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
