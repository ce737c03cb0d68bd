package io.cachegen.processor;

import java.util.Collection;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.ElementFilter;

/**
 * Finds one of Java's own annotations ({@code java.lang.*}, {@code java.lang.annotation.*}, e.g.
 * {@code @Override}) on the elements of a round. javac never hands those to a processor that
 * claims, so while one is present, claiming ours cannot end the round for processors that come
 * after {@link CachingProcessor}.
 */
final class JavaAnnotations {
  private JavaAnnotations() {}

  /** Whether any type of {@code roots}, or anything declared in it, carries a Java annotation. */
  static boolean presentIn(Collection<? extends Element> roots) {
    for (TypeElement root : ElementFilter.typesIn(roots)) {
      if (presentOn(root)) {
        return true;
      }
    }
    return false;
  }

  private static boolean presentOn(Element e) {
    for (AnnotationMirror a : e.getAnnotationMirrors()) {
      if (a.getAnnotationType().asElement().getEnclosingElement() instanceof PackageElement p
          && (p.getQualifiedName().contentEquals("java.lang")
              || p.getQualifiedName().contentEquals("java.lang.annotation"))) {
        return true;
      }
    }
    if (e instanceof ExecutableElement m) {
      for (Element p : m.getParameters()) {
        if (presentOn(p)) {
          return true;
        }
      }
    }
    for (Element member : e.getEnclosedElements()) {
      if (presentOn(member)) {
        return true;
      }
    }
    return false;
  }
}
