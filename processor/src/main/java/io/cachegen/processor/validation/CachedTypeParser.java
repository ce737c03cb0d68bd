package io.cachegen.processor.validation;

import io.cachegen.processor.base.AnnotationNames;
import io.cachegen.processor.base.Annotations;
import io.cachegen.processor.model.CachedMethod;
import io.cachegen.processor.model.CachedType;
import io.cachegen.processor.model.KeyResolver;
import io.cachegen.processor.model.Names;
import io.cachegen.processor.model.ValueShapes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns one type with annotated methods into its {@link CachedType} in one pass, or reports every
 * problem (so one compile shows them all) and returns nothing: AutoFactory's {@code createIfValid}.
 * Checks the type ({@link TypeChecks}), then each method ({@link MethodParser}), then the helper
 * names of each {@code @Cached} method that had no problem ({@link HelperNameChecks}).
 */
public final class CachedTypeParser {
  private final Types types;
  private final Elements elements;
  private final Messager messager;
  private final KeyResolver keys;
  private final ValueShapes shapes;

  public CachedTypeParser(Types types, Elements elements, Messager messager) {
    this.types = types;
    this.elements = elements;
    this.messager = messager;
    this.keys = new KeyResolver(types, elements);
    this.shapes = new ValueShapes(types);
  }

  /** The model of {@code type}, or empty after printing every problem found. */
  public Optional<CachedType> parse(TypeElement type) {
    Report report = new Report();
    TypeChecks.check(type, report);
    MethodParser parser = new MethodParser(keys, shapes, new KeyChecks(types, shapes));
    HelperNameChecks helperNames = new HelperNameChecks(types, elements, type);
    List<CachedMethod> methods = new ArrayList<>();
    for (ExecutableElement m : Annotations.annotatedMethods(type)) {
      MethodAnnotations annotations = MethodAnnotations.read(elements, m);
      CachedMethod method = parser.parse(type, m, annotations, report);
      if (method == null) {
        continue;
      }
      annotations.cached().ifPresent(c -> helperNames.check(m, c.mirror(), report));
      methods.add(method);
    }
    if (!report.isClean()) {
      report.printTo(messager);
      return Optional.empty();
    }
    return Optional.of(model(type, methods));
  }

  /** The non-private constructors of a class, which its generated subclass mirrors. */
  static List<ExecutableElement> mirroredConstructors(TypeElement type) {
    List<ExecutableElement> constructors = new ArrayList<>();
    for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
      if (!c.getModifiers().contains(Modifier.PRIVATE)) {
        constructors.add(c);
      }
    }
    return constructors;
  }

  private CachedType model(TypeElement type, List<CachedMethod> methods) {
    boolean isInterface = type.getKind().isInterface();
    List<ExecutableElement> forwarded = new ArrayList<>();
    if (isInterface) {
      List<ExecutableElement> annotated = methods.stream().map(CachedMethod::element).toList();
      for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
        if (m.getModifiers().contains(Modifier.STATIC)
            || m.getModifiers().contains(Modifier.PRIVATE)
            || m.getEnclosingElement().getKind() == ElementKind.CLASS
            || annotated.contains(m)) {
          continue;
        }
        forwarded.add(m);
      }
    }
    List<AnnotationMirror> scopes = scopes(type);
    return new CachedType(
        type,
        elements.getPackageOf(type).getQualifiedName().toString(),
        Names.generatedSimpleName(type),
        isInterface,
        isInterface ? List.of() : List.copyOf(mirroredConstructors(type)),
        List.copyOf(methods),
        List.copyOf(forwarded),
        scopes,
        cdiAlternative(scopes));
  }

  /**
   * The annotations on {@code type} that are scopes: their annotation type is itself annotated with
   * one of {@link AnnotationNames#SCOPE_MARKERS} (matched by name, so the processor needs none of
   * those libraries).
   */
  static List<AnnotationMirror> scopes(TypeElement type) {
    List<AnnotationMirror> scopes = new ArrayList<>();
    for (AnnotationMirror a : type.getAnnotationMirrors()) {
      for (AnnotationMirror meta : a.getAnnotationType().asElement().getAnnotationMirrors()) {
        String name =
            ((TypeElement) meta.getAnnotationType().asElement()).getQualifiedName().toString();
        if (AnnotationNames.SCOPE_MARKERS.contains(name)) {
          scopes.add(a);
          break;
        }
      }
    }
    return List.copyOf(scopes);
  }

  /**
   * Whether the wrapper must be a CDI alternative: one of {@code scopes} is a Jakarta CDI scope
   * ({@link AnnotationNames#CDI_SCOPE_MARKERS}), so the type and its wrapper would both be beans of
   * the type and injecting it would be ambiguous, and the annotations that make the wrapper an
   * enabled alternative resolve (the processor brings neither; without them nothing is added).
   */
  private boolean cdiAlternative(List<AnnotationMirror> scopes) {
    boolean cdiScoped =
        scopes.stream()
            .flatMap(a -> a.getAnnotationType().asElement().getAnnotationMirrors().stream())
            .map(m -> ((TypeElement) m.getAnnotationType().asElement()).getQualifiedName())
            .anyMatch(n -> AnnotationNames.CDI_SCOPE_MARKERS.contains(n.toString()));
    return cdiScoped
        && elements.getTypeElement(AnnotationNames.CDI_ALTERNATIVE) != null
        && elements.getTypeElement(AnnotationNames.PRIORITY) != null;
  }
}
