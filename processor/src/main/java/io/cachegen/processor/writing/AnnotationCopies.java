package io.cachegen.processor.writing;

import com.palantir.javapoet.AnnotationSpec;
import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import io.cachegen.processor.base.AnnotationNames;
import java.lang.annotation.Retention;
import java.util.ArrayList;
import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * Which of the user's annotations the generated code repeats ({@code @Deprecated}, annotations kept
 * in class files), the {@code @SuppressWarnings} that goes with them, and CDI's alternative marks.
 */
final class AnnotationCopies {
  private AnnotationCopies() {}

  /** Annotations kept in class files or at run time (e.g. {@code @Inject}); never SOURCE ones. */
  static boolean copyable(AnnotationMirror a) {
    Element annotationType = a.getAnnotationType().asElement();
    for (AnnotationMirror meta : annotationType.getAnnotationMirrors()) {
      if (((TypeElement) meta.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(Retention.class.getName())) {
        return meta.getElementValues().values().stream()
            .noneMatch(v -> v.getValue().toString().equals("SOURCE"));
      }
    }
    return true; // CLASS is the default retention
  }

  /**
   * Copies {@code @Deprecated} (with its attributes) from {@code element} onto its override, as a
   * hand-written override would: overriding and calling a deprecated method from a deprecated one
   * raises no deprecation warning. Returns whether it is {@code forRemoval}, which warns anyway
   * unless suppressed.
   */
  static boolean copyDeprecated(Element element, MethodSpec.Builder b) {
    for (AnnotationMirror a : element.getAnnotationMirrors()) {
      if (isDeprecated(a)) {
        b.addAnnotation(AnnotationSpec.get(a));
        return forRemoval(a);
      }
    }
    return false;
  }

  /**
   * Whether {@code a} marks the constructor a DI container calls ({@code @Inject}, {@code
   * Autowired}; {@link AnnotationNames#INJECTION_MARKERS}).
   */
  static boolean marksInjection(AnnotationMirror a) {
    String name = ((TypeElement) a.getAnnotationType().asElement()).getQualifiedName().toString();
    return AnnotationNames.INJECTION_MARKERS.contains(name);
  }

  /**
   * Adds {@code @Alternative @Priority(1000)}: an alternative enabled for the whole application,
   * chosen over the type it extends (also a bean of that type) without a {@code beans.xml} entry.
   */
  static void addCdiAlternative(TypeSpec.Builder type) {
    type.addAnnotation(ClassName.bestGuess(AnnotationNames.CDI_ALTERNATIVE));
    type.addAnnotation(
        AnnotationSpec.builder(ClassName.bestGuess(AnnotationNames.PRIORITY))
            .addMember("value", "$L", AnnotationNames.ALTERNATIVE_PRIORITY)
            .build());
  }

  static boolean isDeprecated(AnnotationMirror a) {
    return ((TypeElement) a.getAnnotationType().asElement())
        .getQualifiedName()
        .contentEquals(Deprecated.class.getName());
  }

  /** Whether a {@code @Deprecated} says {@code forRemoval = true}. */
  static boolean forRemoval(AnnotationMirror deprecated) {
    return deprecated.getElementValues().entrySet().stream()
        .anyMatch(
            e ->
                e.getKey().getSimpleName().contentEquals("forRemoval")
                    && Boolean.TRUE.equals(e.getValue().getValue()));
  }

  /** Adds {@code @SuppressWarnings} for those of "removal" and "unchecked" that apply, if any. */
  static MethodSpec suppress(MethodSpec.Builder b, boolean removal, boolean unchecked) {
    List<String> warnings = new ArrayList<>();
    if (removal) {
      warnings.add("removal");
    }
    if (unchecked) {
      warnings.add("unchecked");
    }
    if (!warnings.isEmpty()) {
      b.addAnnotation(suppressWarnings(warnings));
    }
    return b.build();
  }

  /** {@code @SuppressWarnings("a")} or {@code @SuppressWarnings({"a", "b"})}, on one line. */
  static AnnotationSpec suppressWarnings(List<String> warnings) {
    CodeBlock names =
        warnings.stream().map(w -> CodeBlock.of("$S", w)).collect(CodeBlock.joining(", "));
    return AnnotationSpec.builder(SuppressWarnings.class)
        .addMember("value", warnings.size() == 1 ? "$L" : "{$L}", names)
        .build();
  }
}
