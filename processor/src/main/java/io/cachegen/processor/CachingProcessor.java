package io.cachegen.processor;

import com.google.auto.service.AutoService;
import com.palantir.javapoet.JavaFile;
import io.cachegen.processor.model.CachedType;
import io.cachegen.processor.model.ModelBuilder;
import io.cachegen.processor.validation.CachedTypeValidator;
import io.cachegen.processor.validation.Report;
import io.cachegen.processor.writing.WrapperWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.tools.Diagnostic;

/**
 * Generates {@code FooCached} for every type with {@code @Cached}, {@code @CachePut} or {@code
 * @CacheEvict} methods: discover (here) → validate ({@link CachedTypeValidator}) → model ({@link
 * ModelBuilder}) → generate ({@link WrapperWriter}).
 *
 * <p>Isolating for Gradle: each generated file depends only on its one originating type. Types
 * whose signatures mention not-yet-generated types are deferred to the next round, by name.
 * Never claims the annotations ({@code process} returns {@code false}) and never throws at javac.
 */
@AutoService(Processor.class)
public final class CachingProcessor extends AbstractProcessor {
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> done = new LinkedHashSet<>();

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return Set.of(RuntimeNames.CACHED, RuntimeNames.CACHE_PUT, RuntimeNames.CACHE_EVICT);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(annotations, round);
    } catch (Throwable t) {
      StringWriter trace = new StringWriter();
      t.printStackTrace(new PrintWriter(trace));
      processingEnv.getMessager().printMessage(
          Diagnostic.Kind.ERROR, Messages.INTERNAL_ERROR.format(trace));
    }
    return false;
  }

  private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Set<TypeElement> types = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
      if (t != null) {
        types.add(t);
      }
    }
    deferred.clear();
    for (TypeElement annotation : annotations) {
      for (Element e : round.getElementsAnnotatedWith(annotation)) {
        if (e instanceof ExecutableElement && e.getEnclosingElement() instanceof TypeElement t) {
          types.add(t);
        }
      }
    }
    for (TypeElement type : types) {
      String name = type.getQualifiedName().toString();
      if (done.contains(name)) {
        continue;
      }
      if (!round.processingOver() && mentionsErrorType(type)) {
        deferred.add(name);
        continue;
      }
      if (mentionsErrorType(type)) {
        processingEnv.getMessager().printMessage(
            Diagnostic.Kind.ERROR, Messages.UNRESOLVED_TYPE.format(name), type);
        continue;
      }
      done.add(name);
      generate(type);
    }
    if (round.processingOver()) {
      for (String name : deferred) {
        TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
        processingEnv.getMessager().printMessage(
            Diagnostic.Kind.ERROR, Messages.UNRESOLVED_TYPE.format(name), t);
      }
      deferred.clear();
    }
  }

  private void generate(TypeElement type) {
    var types = processingEnv.getTypeUtils();
    var elements = processingEnv.getElementUtils();
    Report report = new CachedTypeValidator(types, elements).validate(type);
    if (!report.isClean()) {
      report.printTo(processingEnv.getMessager());
      return;
    }
    CachedType model = new ModelBuilder(types, elements).build(type);
    JavaFile file = new WrapperWriter(types).write(model);
    try {
      file.writeTo(processingEnv.getFiler());
    } catch (IOException e) {
      processingEnv.getMessager().printMessage(
          Diagnostic.Kind.ERROR,
          Messages.INTERNAL_ERROR.format("could not write " + model.generated() + ": " + e),
          type);
    }
  }

  private static boolean mentionsErrorType(TypeElement type) {
    for (ExecutableElement m : CachedTypeValidator.annotatedMethods(type)) {
      if (isError(m.getReturnType())) {
        return true;
      }
      for (VariableElement p : m.getParameters()) {
        if (isError(p.asType())) {
          return true;
        }
      }
    }
    return isError(type.getSuperclass());
  }

  private static boolean isError(TypeMirror t) {
    return t.getKind() == TypeKind.ERROR;
  }
}
