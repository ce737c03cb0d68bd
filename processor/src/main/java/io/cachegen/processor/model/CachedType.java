package io.cachegen.processor.model;

import java.util.List;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One type with annotated methods, as the writer needs it.
 *
 * @param element the user's type (the originating element)
 * @param packageName the package of {@code element} and of the generated type ({@code ""} for the
 *     unnamed package)
 * @param generatedName {@code FooCached}, or {@code Outer_InnerCached} ({@link
 *     Names#generatedSimpleName})
 * @param isInterface whether the wrapper implements {@code element} around a delegate
 * @param constructors the constructors to mirror (classes only)
 * @param methods the annotated methods, in source order
 * @param forwarded interface methods forwarded to the delegate unchanged
 * @param scopes the type's scope annotations, as written ({@code @Singleton}, custom scopes), which
 *     the wrapper carries; never its qualifiers or stereotypes
 * @param cdiAlternative whether the wrapper is a CDI alternative ({@code @Alternative @Priority}):
 *     the type has a Jakarta CDI scope and both annotations are on the class path
 */
public record CachedType(
    TypeElement element,
    String packageName,
    String generatedName,
    boolean isInterface,
    List<ExecutableElement> constructors,
    List<CachedMethod> methods,
    List<ExecutableElement> forwarded,
    List<AnnotationMirror> scopes,
    boolean cdiAlternative) {

  /** The generated type's qualified name, for messages: {@code com.example.FooCached}. */
  public String generatedQualifiedName() {
    return packageName.isEmpty() ? generatedName : packageName + "." + generatedName;
  }
}
