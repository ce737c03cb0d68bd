package io.cachegen.processor.validation;

import static io.cachegen.processor.Annotations.simpleName;

import io.cachegen.processor.Annotations;
import io.cachegen.processor.Messages;
import io.cachegen.processor.RuntimeNames;
import io.cachegen.processor.model.CachedMethod;
import io.cachegen.processor.model.KeyResolver;
import io.cachegen.processor.model.ValueShapes;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.ExecutableType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Checks one type and its annotated methods before anything is generated, collecting every
 * problem (so one compile shows them all).
 */
public final class CachedTypeValidator {
  private final Types types;
  private final Elements elements;
  private final KeyResolver keys;
  private final ValueShapes shapes;

  public CachedTypeValidator(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.keys = new KeyResolver(types, elements);
    this.shapes = new ValueShapes(types);
  }

  /** The methods of {@code type} that carry one of our annotations, in source order. */
  public static List<ExecutableElement> annotatedMethods(TypeElement type) {
    List<ExecutableElement> out = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      for (String a : RuntimeNames.ANNOTATIONS) {
        if (Annotations.find(m, a).isPresent()) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  public Report validate(TypeElement type) {
    Report report = new Report();
    validateType(type, report);
    Map<String, ExecutableElement> templates = new LinkedHashMap<>();
    List<ExecutableElement> withHelpers = new ArrayList<>();
    for (ExecutableElement m : annotatedMethods(type)) {
      int problems = report.items().size();
      validateMethod(type, m, report, templates);
      Optional<AnnotationMirror> cached = Annotations.find(m, RuntimeNames.CACHED);
      if (cached.isPresent() && report.items().size() == problems) { // no cascades
        checkHelperNames(type, m, cached.get(), withHelpers, report);
        withHelpers.add(m);
      }
    }
    return report;
  }

  private void validateType(TypeElement type, Report report) {
    // Local and anonymous classes never get here: processors do not see them (LocalClassProcessor
    // reports them from the syntax trees).
    String name = type.getQualifiedName().toString();
    for (Element e = type; e instanceof TypeElement t; e = e.getEnclosingElement()) {
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        report.error(
            Messages.PRIVATE_CLASS.format(t.getQualifiedName(), generatedSimpleName(type)),
            type, null, null);
        return;
      }
    }
    if (type.getNestingKind() == NestingKind.MEMBER && type.getKind() == ElementKind.CLASS
        && !type.getModifiers().contains(Modifier.STATIC)) {
      report.error(Messages.INNER_CLASS.format(name), type, null, null);
      return;
    }
    if (type.getModifiers().contains(Modifier.SEALED)) {
      report.error(
          Messages.SEALED_TYPE.format(name, generatedSimpleName(type),
              type.getKind().isInterface() ? "implement" : "extend"),
          type, null, null);
      return;
    }
    if (type.getKind().isInterface()) {
      return;
    }
    if (type.getModifiers().contains(Modifier.FINAL) || type.getKind() == ElementKind.ENUM
        || type.getKind() == ElementKind.RECORD) {
      report.error(Messages.FINAL_CLASS.format(name), type, null, null);
      return;
    }
    boolean accessible = false;
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!c.getModifiers().contains(Modifier.PRIVATE)) {
        accessible = true;
      }
    }
    if (!accessible) {
      report.error(Messages.NO_CONSTRUCTOR.format(name), type, null, null);
    }
  }

  /** {@code FooCached} or {@code Outer_InnerCached}. */
  public static String generatedSimpleName(TypeElement type) {
    StringBuilder sb = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement(); e instanceof TypeElement t;
        e = e.getEnclosingElement()) {
      sb.insert(0, t.getSimpleName() + "_");
    }
    return sb.append("Cached").toString();
  }

  private void validateMethod(
      TypeElement type, ExecutableElement m, Report report, Map<String, ExecutableElement> templates) {
    Optional<AnnotationMirror> cached = Annotations.find(m, RuntimeNames.CACHED);
    Optional<AnnotationMirror> put = Annotations.find(m, RuntimeNames.CACHE_PUT);
    Optional<AnnotationMirror> evict = Annotations.find(m, RuntimeNames.CACHE_EVICT);
    AnnotationMirror primary = cached.or(() -> put).orElseGet(evict::get);
    String primaryName = simpleName(
        ((TypeElement) primary.getAnnotationType().asElement()).getQualifiedName().toString());

    if (cached.isPresent() && (put.isPresent() || evict.isPresent())) {
      report.error(
          Messages.CONFLICTING_ANNOTATIONS.format("Cached", put.isPresent() ? "CachePut" : "CacheEvict"),
          m, put.orElseGet(evict::get), null);
      return;
    }
    Set<Modifier> mods = m.getModifiers();
    if (mods.contains(Modifier.PRIVATE)) {
      report.error(Messages.PRIVATE_METHOD.format(primaryName), m, primary, null);
      return;
    }
    if (mods.contains(Modifier.STATIC)) {
      report.error(Messages.STATIC_METHOD.format(primaryName), m, primary, null);
      return;
    }
    if (mods.contains(Modifier.FINAL)) {
      report.error(Messages.FINAL_METHOD.format(primaryName), m, primary, null);
      return;
    }
    if (mods.contains(Modifier.ABSTRACT) && !type.getKind().isInterface()) {
      report.error(Messages.ABSTRACT_METHOD.format(primaryName), m, primary, null);
      return;
    }
    TypeMirror returnType = m.getReturnType();
    CachedMethod.Shape shape = shapes.shape(returnType);
    AnnotationMirror store = cached.or(() -> put).orElse(null);
    if (store != null) {
      String storeName = cached.isPresent() ? "Cached" : "CachePut";
      if (shape == CachedMethod.Shape.VOID) {
        report.error(Messages.VOID_METHOD.format(storeName), m, store, null);
        return;
      }
      TypeMirror content = shapes.content(returnType);
      String problem = shapes.contentProblem(content);
      if (problem != null) {
        report.error(Messages.UNSUPPORTED_TYPE.format(returnType, problem), m, store, null);
        return;
      }
      int timeout = Annotations.integer(elements, store, "timeout");
      if (timeout < 0 && timeout != -1 && timeout != -2) {
        report.error(
            Messages.BAD_TIMEOUT.format(timeout), m, store, Annotations.explicitValue(store, "timeout"));
      }
      String alias = Annotations.string(elements, store, "cache");
      if (alias.isBlank()) {
        report.error(Messages.BAD_ALIAS.format(), m, store, Annotations.explicitValue(store, "cache"));
      }
      String template = Annotations.string(elements, store, "key");
      KeyResolver.Result key = keys.resolve(type, m, template);
      if (key.isError()) {
        AnnotationValue v = Annotations.explicitValue(store, "key");
        report.error(key.message(), m, store, v);
      } else if (constantKeyAgrees(m, store, template, key.key().isConstant(), report)
          && !template.isEmpty()) {
        String id = alias + "\u0000" + template;
        ExecutableElement other = templates.putIfAbsent(id, m);
        if (other != null) {
          TypeMirror otherContent = shapes.content(other.getReturnType());
          if (otherContent != null && !types.isSameType(otherContent, content)) {
            report.error(
                Messages.KEY_CONFLICT.format(
                    describe(other), describe(m), alias, template, otherContent, content),
                m, store, Annotations.explicitValue(store, "key"));
          }
        }
      }
    }
    if (evict.isPresent()) {
      AnnotationMirror ev = evict.get();
      List<String> evictKeys = Annotations.strings(elements, ev, "key");
      boolean all = Annotations.bool(elements, ev, "allEntries");
      if (evictKeys.isEmpty() && !all) {
        report.error(Messages.EVICT_NOTHING.format(), m, ev, null);
      }
      String alias = Annotations.string(elements, ev, "cache");
      if (alias.isBlank()) {
        report.error(Messages.BAD_ALIAS.format(), m, ev, Annotations.explicitValue(ev, "cache"));
      }
      for (int i = 0; i < evictKeys.size(); i++) {
        String template = evictKeys.get(i);
        AnnotationValue written = Annotations.explicitElement(ev, "key", i);
        if (template.isEmpty()) {
          report.error(Messages.EVICT_NOTHING.format(), m, ev, written);
          continue;
        }
        KeyResolver.Result key = keys.resolve(type, m, template);
        if (key.isError()) {
          report.error(key.message(), m, ev, written);
        }
      }
    }
  }

  /**
   * A {@code @Cached}/{@code @CachePut} key that ignores the parameters of {@code m} (so every call
   * shares one entry) must say so with {@code constantKey = true}, and that attribute must not be
   * set on a key that does use them. Reports and returns {@code false} if either is violated.
   */
  private boolean constantKeyAgrees(ExecutableElement m, AnnotationMirror store, String template,
      boolean constant, Report report) {
    if (m.getParameters().isEmpty()) {
      return true; // nothing to ignore
    }
    boolean declared = Annotations.bool(elements, store, "constantKey");
    if (constant && !declared) {
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
      String braces = template.contains("{{") || template.contains("}}")
          ? " ({{ and }} are literal braces)" : "";
      report.error(Messages.CONSTANT_KEY.format(template, signature(m), suggestion, braces),
          m, store, Annotations.explicitValue(store, "key"));
      return false;
    }
    if (!constant && declared) {
      String key = template.isEmpty() ? "the default key" : "key template \"" + template + "\"";
      report.error(Messages.NOT_CONSTANT.format(key, signature(m)),
          m, store, Annotations.explicitValue(store, "constantKey"));
      return false;
    }
    return true;
  }

  /** {@code user(long)}: the method with its erased simple parameter types. */
  private String signature(ExecutableElement m) {
    return m.getSimpleName() + "(" + m.getParameters().stream()
        .map(p -> simpleTypeName(types.erasure(p.asType())))
        .collect(Collectors.joining(",")) + ")";
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

  private static String describe(ExecutableElement m) {
    return m.getEnclosingElement().getSimpleName() + "." + m.getSimpleName() + "()";
  }

  /**
   * The generated class gets {@code keyForX(args)} and {@code evictX(args)} for each {@code @Cached}
   * method {@code x(args)}: static, or instance methods in a generic type. A method of the type (its
   * own or inherited) with the same name and parameters would be hidden or overridden by them, or
   * make the generated source fail to compile, and so would two helpers with one signature.
   */
  private void checkHelperNames(TypeElement type, ExecutableElement m, AnnotationMirror cached,
      List<ExecutableElement> earlier, Report report) {
    DeclaredType self = (DeclaredType) type.asType();
    List<TypeMirror> params = erasedParameters(self, m);
    String name = m.getSimpleName().toString();
    String keyHelper = CachedMethod.keyHelperName(name);
    String evictHelper = CachedMethod.evictHelperName(name);
    for (String helper : List.of(keyHelper, evictHelper)) {
      String clash = null;
      for (ExecutableElement other : ElementFilter.methodsIn(elements.getAllMembers(type))) {
        if (other.getSimpleName().contentEquals(helper)
            && !other.getModifiers().contains(Modifier.PRIVATE)
            && sameTypes(params, erasedParameters(self, other))) {
          clash = describe(other);
          break;
        }
      }
      for (ExecutableElement e : earlier) {
        String eName = e.getSimpleName().toString();
        if (clash == null
            && (CachedMethod.keyHelperName(eName).equals(helper)
                || CachedMethod.evictHelperName(eName).equals(helper))
            && sameTypes(params, erasedParameters(self, e))) {
          clash = "the helper generated for " + describe(e);
        }
      }
      if (clash != null) {
        String signature = "(" + params.stream().map(TypeMirror::toString)
            .collect(Collectors.joining(", ")) + ")";
        report.error(
            Messages.HELPER_CLASH.format(generatedSimpleName(type), keyHelper + signature,
                evictHelper + signature, clash),
            m, cached, null);
        return;
      }
    }
  }

  private List<TypeMirror> erasedParameters(DeclaredType self, ExecutableElement m) {
    ExecutableType asMember = (ExecutableType) types.asMemberOf(self, m);
    return asMember.getParameterTypes().stream().map(types::erasure).toList();
  }

  private boolean sameTypes(List<TypeMirror> a, List<TypeMirror> b) {
    if (a.size() != b.size()) {
      return false;
    }
    for (int i = 0; i < a.size(); i++) {
      if (!types.isSameType(a.get(i), b.get(i))) {
        return false;
      }
    }
    return true;
  }
}
