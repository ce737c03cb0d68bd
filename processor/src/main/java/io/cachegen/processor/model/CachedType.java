package io.cachegen.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * One type with annotated methods, as the writer needs it.
 *
 * @param element the user's type (the originating element)
 * @param original its name
 * @param generated {@code FooCached}, or {@code Outer_InnerCached}
 * @param isInterface whether the wrapper implements {@code element} around a delegate
 * @param constructors the constructors to mirror (classes only)
 * @param methods the annotated methods, in source order
 * @param forwarded interface methods forwarded to the delegate unchanged
 */
public record CachedType(
    TypeElement element,
    ClassName original,
    ClassName generated,
    boolean isInterface,
    List<ExecutableElement> constructors,
    List<CachedMethod> methods,
    List<ExecutableElement> forwarded) {}
