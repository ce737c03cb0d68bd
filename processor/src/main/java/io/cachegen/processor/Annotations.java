package io.cachegen.processor;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/** Reads our annotations from mirrors (never through reflection), defaults included. */
public final class Annotations {
  private Annotations() {}

  /** The mirror of annotation {@code name} on {@code element}, if present. */
  public static Optional<AnnotationMirror> find(Element element, String name) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement()).getQualifiedName().contentEquals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The value of {@code attribute}, its default if not written. */
  public static AnnotationValue value(Elements elements, AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    throw new IllegalArgumentException("no attribute " + attribute + " in " + mirror);
  }

  /** The value written for {@code attribute}, or {@code null} when the default applies. */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String attribute) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        mirror.getElementValues().entrySet()) {
      if (e.getKey().getSimpleName().contentEquals(attribute)) {
        return e.getValue();
      }
    }
    return null;
  }

  public static String string(Elements elements, AnnotationMirror mirror, String attribute) {
    return (String) value(elements, mirror, attribute).getValue();
  }

  public static int integer(Elements elements, AnnotationMirror mirror, String attribute) {
    return (Integer) value(elements, mirror, attribute).getValue();
  }

  public static boolean bool(Elements elements, AnnotationMirror mirror, String attribute) {
    return (Boolean) value(elements, mirror, attribute).getValue();
  }

  /** A {@code String[]} attribute. */
  public static List<String> strings(Elements elements, AnnotationMirror mirror, String attribute) {
    List<String> out = new ArrayList<>();
    Object v = value(elements, mirror, attribute).getValue();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        out.add((String) ((AnnotationValue) o).getValue());
      }
    } else {
      out.add((String) v);
    }
    return out;
  }

  /** The simple name of an annotation, for messages: {@code Cached}. */
  public static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
