package io.cachegen.processor;

import com.google.auto.service.AutoService;
import io.cachegen.processor.base.AnnotationNames;
import io.cachegen.processor.base.Annotations;
import io.cachegen.processor.base.Messages;
import io.cachegen.processor.model.CachedType;
import io.cachegen.processor.validation.CachedTypeParser;
import io.cachegen.processor.writing.WrapperWriter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.Messager;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;
import javax.tools.Diagnostic;

/**
 * Generates {@code FooCached} for every type with {@code @Cached}, {@code @CachePut} or
 * {@code @CacheEvict} methods: discover (here) → parse, which validates and builds the model in one
 * pass ({@link CachedTypeParser}) → generate ({@link WrapperWriter}).
 *
 * <p>Isolating for Gradle: each generated file depends only on its one originating type. Types
 * whose signatures mention not-yet-generated types, or whose annotations name constants that are
 * not resolved yet, are deferred to the next round, by name, and reported only if they never
 * resolve. Never throws at javac: a bug while processing one type is reported on that type, and the
 * others go on.
 *
 * <p>Claims its annotations ({@code process} returns {@code true}), unlike AutoValue: without it
 * {@code -Xlint:all -Werror} fails user builds with "No processor claimed any of these
 * annotations". It supports only cachegen's own three annotations and {@code
 * javax.annotation.processing.Generated} (SOURCE retention, on every wrapper it writes), so
 * claiming hides only those from processors that javac runs after it. One exception: javac stops
 * calling processors in a round once every annotation present is claimed, so a later processor
 * supporting {@code "*"} (Lombok, the Checker Framework) would not run at all in a round whose only
 * annotations are ours. So it claims only when the round also holds one of Java's own annotations
 * ({@code @Override}, {@code @Retention}, ...), which no processor claims; see {@link
 * JavaAnnotations}.
 */
@AutoService(Processor.class)
public final class CachingProcessor extends AbstractProcessor {
  private final Set<String> deferred = new LinkedHashSet<>();
  private final Set<String> done = new LinkedHashSet<>();
  private static final int FRAMES = 6;

  /**
   * Our three annotations, and {@code @Generated} and {@code @CachingWrapper}, which every wrapper
   * carries: supporting them keeps the next round (the wrappers) free of "No processor claimed"
   * warnings too.
   */
  @Override
  public Set<String> getSupportedAnnotationTypes() {
    Set<String> supported = new LinkedHashSet<>(AnnotationNames.ALL);
    supported.add(AnnotationNames.GENERATED);
    supported.add(AnnotationNames.CACHING_WRAPPER);
    return Set.copyOf(supported);
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return SourceVersion.latestSupported();
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    try {
      processRound(annotations, round);
      return JavaAnnotations.presentIn(round.getRootElements());
    } catch (Throwable t) { // a bug outside any one type; each type has its own catch below
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR, Messages.INTERNAL.format("this round", t, frames(t)));
      return false;
    }
  }

  private void processRound(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    Messager messager = processingEnv.getMessager();
    Set<TypeElement> types = new LinkedHashSet<>();
    for (String name : deferred) {
      TypeElement t = processingEnv.getElementUtils().getTypeElement(name);
      if (t != null) {
        types.add(t);
      } else {
        messager.printMessage(Diagnostic.Kind.ERROR, Messages.UNRESOLVED_TYPE.format(name));
      }
    }
    deferred.clear();
    for (TypeElement annotation : annotations) {
      if (!AnnotationNames.ALL.contains(annotation.getQualifiedName().toString())) {
        continue; // @Generated, @CachingWrapper: supported, nothing to do
      }
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
      try {
        processType(type, name, round.processingOver());
      } catch (Throwable t) { // a bug: report it on this type, go on with the others
        done.add(name);
        internalError(type, t);
      }
    }
  }

  private void processType(TypeElement type, String name, boolean lastRound) {
    Unready unready = unready(type);
    if (unready != null && !lastRound) {
      deferred.add(name); // by name: next round's TypeElement is a different object
      return;
    }
    done.add(name);
    if (unready != null) {
      unready.report(processingEnv.getMessager(), type);
      return;
    }
    generate(type);
  }

  private void generate(TypeElement type) {
    Optional<CachedType> model =
        new CachedTypeParser(
                processingEnv.getTypeUtils(),
                processingEnv.getElementUtils(),
                processingEnv.getMessager())
            .parse(type);
    if (model.isEmpty()) {
      return; // the parser printed every problem
    }
    try {
      new WrapperWriter(processingEnv.getTypeUtils()).write(model.get(), processingEnv.getFiler());
    } catch (IOException e) {
      String generated = model.get().generatedQualifiedName();
      processingEnv
          .getMessager()
          .printMessage(
              Diagnostic.Kind.ERROR,
              Messages.WRITE.format(generated, e.getMessage(), generated),
              type);
    }
  }

  private void internalError(TypeElement type, Throwable t) {
    processingEnv
        .getMessager()
        .printMessage(
            Diagnostic.Kind.ERROR,
            Messages.INTERNAL.format(type.getQualifiedName(), t, frames(t)),
            type);
  }

  /** The first few frames of {@code t}: enough to find the bug, short enough to read. */
  private static String frames(Throwable t) {
    StringBuilder sb = new StringBuilder();
    StackTraceElement[] trace = t.getStackTrace();
    for (int i = 0; i < Math.min(FRAMES, trace.length); i++) {
      sb.append("\n\tat ").append(trace[i]);
    }
    if (trace.length > FRAMES) {
      sb.append("\n\t... ").append(trace.length - FRAMES).append(" more");
    }
    return sb.toString();
  }

  /** Why a type cannot be processed in this round; reported only if it never resolves. */
  private interface Unready {
    void report(Messager messager, TypeElement type);
  }

  /**
   * Whether {@code type} still depends on something another processor may generate later: a type
   * its wrapper would mention (supertypes, type parameters, annotated methods, mirrored
   * constructors, forwarded interface methods) that is not resolved yet, or an attribute of our
   * annotations whose constant is not resolved yet.
   */
  private Unready unready(TypeElement type) {
    Elements elements = processingEnv.getElementUtils();
    List<ExecutableElement> annotated = Annotations.annotatedMethods(type);
    for (ExecutableElement m : annotated) {
      for (String annotation : AnnotationNames.ALL) {
        AnnotationMirror mirror = Annotations.find(m, annotation).orElse(null);
        ExecutableElement attribute =
            mirror == null ? null : Annotations.unreadableAttribute(elements, mirror);
        if (attribute != null) {
          return (messager, t) -> {
            String name = attribute.getSimpleName().toString();
            messager.printMessage(
                Diagnostic.Kind.ERROR,
                Messages.UNRESOLVED_VALUE.format(
                    name, Annotations.simpleName(annotation), attribute.getReturnType()),
                m,
                mirror,
                Annotations.explicitValue(mirror, name));
          };
        }
      }
    }
    List<ExecutableElement> signatures = new ArrayList<>(annotated);
    if (type.getKind().isInterface()) {
      signatures.addAll(ElementFilter.methodsIn(elements.getAllMembers(type)));
    } else {
      signatures.addAll(ElementFilter.constructorsIn(type.getEnclosedElements()));
    }
    boolean error =
        mentionsError(type.getSuperclass())
            || type.getInterfaces().stream().anyMatch(CachingProcessor::mentionsError)
            || type.getTypeParameters().stream()
                .anyMatch(p -> p.getBounds().stream().anyMatch(CachingProcessor::mentionsError))
            || signatures.stream().anyMatch(CachingProcessor::mentionsError);
    if (error) {
      return (messager, t) ->
          messager.printMessage(
              Diagnostic.Kind.ERROR, Messages.UNRESOLVED_TYPE.format(t.getQualifiedName()), t);
    }
    return null;
  }

  private static boolean mentionsError(ExecutableElement m) {
    return mentionsError(m.getReturnType())
        || m.getParameters().stream().anyMatch(p -> mentionsError(p.asType()))
        || m.getThrownTypes().stream().anyMatch(CachingProcessor::mentionsError)
        || m.getTypeParameters().stream()
            .anyMatch(p -> p.getBounds().stream().anyMatch(CachingProcessor::mentionsError));
  }

  /** Whether {@code t} is or contains (as a type argument, bound or component) an error type. */
  private static boolean mentionsError(TypeMirror t) {
    return switch (t.getKind()) {
      case ERROR -> true;
      case DECLARED ->
          ((DeclaredType) t).getTypeArguments().stream().anyMatch(CachingProcessor::mentionsError);
      case ARRAY -> mentionsError(((ArrayType) t).getComponentType());
      case WILDCARD -> {
        WildcardType w = (WildcardType) t;
        yield (w.getExtendsBound() != null && mentionsError(w.getExtendsBound()))
            || (w.getSuperBound() != null && mentionsError(w.getSuperBound()));
      }
      default -> false; // type variables: their bounds are checked where they are declared
    };
  }
}
