package io.cachegen.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import io.cachegen.processor.Annotations;
import io.cachegen.processor.RuntimeNames;
import io.cachegen.processor.validation.CachedTypeValidator;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/** Builds the immutable {@link CachedType} of a type that passed validation. */
public final class ModelBuilder {
  private final Types types;
  private final Elements elements;
  private final KeyResolver keys;
  private final ValueShapes shapes;

  public ModelBuilder(Types types, Elements elements) {
    this.types = types;
    this.elements = elements;
    this.keys = new KeyResolver(types, elements);
    this.shapes = new ValueShapes(types);
  }

  public CachedType build(TypeElement type) {
    ClassName original = ClassName.get(type);
    ClassName generated =
        ClassName.get(original.packageName(), CachedTypeValidator.generatedSimpleName(type));
    List<CachedMethod> methods = new ArrayList<>();
    List<ExecutableElement> annotated = CachedTypeValidator.annotatedMethods(type);
    for (ExecutableElement m : annotated) {
      methods.add(method(type, m));
    }
    List<ExecutableElement> constructors = new ArrayList<>();
    List<ExecutableElement> forwarded = new ArrayList<>();
    boolean isInterface = type.getKind().isInterface();
    if (isInterface) {
      for (ExecutableElement m : ElementFilter.methodsIn(elements.getAllMembers(type))) {
        if (m.getModifiers().contains(Modifier.STATIC) || m.getModifiers().contains(Modifier.PRIVATE)
            || m.getEnclosingElement().getKind() == javax.lang.model.element.ElementKind.CLASS
            || annotated.contains(m)) {
          continue;
        }
        forwarded.add(m);
      }
    } else {
      for (ExecutableElement c : ElementFilter.constructorsIn(type.getEnclosedElements())) {
        if (!c.getModifiers().contains(Modifier.PRIVATE)) {
          constructors.add(c);
        }
      }
    }
    return new CachedType(
        type, original, generated, isInterface, List.copyOf(constructors), List.copyOf(methods),
        List.copyOf(forwarded));
  }

  private CachedMethod method(TypeElement type, ExecutableElement m) {
    CachedMethod.Shape shape = shapes.shape(m.getReturnType());
    var content = shapes.content(m.getReturnType());
    TypeName valueType = content == null ? null : TypeName.get(content);
    CachedMethod.Store store = null;
    Optional<AnnotationMirror> cached = Annotations.find(m, RuntimeNames.CACHED);
    Optional<AnnotationMirror> put = Annotations.find(m, RuntimeNames.CACHE_PUT);
    AnnotationMirror s = cached.or(() -> put).orElse(null);
    if (s != null) {
      store = new CachedMethod.Store(
          put.isPresent(),
          Annotations.string(elements, s, "cache"),
          Annotations.integer(elements, s, "timeout"),
          Annotations.bool(elements, s, "cacheNull"),
          cached.isPresent() && Annotations.bool(elements, s, "stampedeGuard"),
          keys.resolve(type, m, Annotations.string(elements, s, "key")).key());
    }
    CachedMethod.Evict evict = null;
    Optional<AnnotationMirror> ev = Annotations.find(m, RuntimeNames.CACHE_EVICT);
    if (ev.isPresent()) {
      List<KeyModel> evictKeys = new ArrayList<>();
      for (String template : Annotations.strings(elements, ev.get(), "key")) {
        evictKeys.add(keys.resolve(type, m, template).key());
      }
      evict = new CachedMethod.Evict(
          Annotations.string(elements, ev.get(), "cache"),
          Annotations.bool(elements, ev.get(), "allEntries"),
          Annotations.bool(elements, ev.get(), "beforeInvocation"),
          List.copyOf(evictKeys));
    }
    return new CachedMethod(m, shape, valueType, store, evict);
  }
}
