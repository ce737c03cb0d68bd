package io.cachegen.processor.base;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads annotations from mirrors (never through reflection), defaults included. What each of our
 * annotations' attributes mean is read in one place, {@code validation/MethodAnnotations}; this
 * class only knows how mirrors hold values.
 */
public final class Annotations {
  private static final String ERROR_TEXT = "<error>";

  private Annotations() {}

  /** The methods of {@code type} that carry one of our annotations, in source order. */
  public static List<ExecutableElement> annotatedMethods(TypeElement type) {
    List<ExecutableElement> out = new ArrayList<>();
    for (ExecutableElement m : ElementFilter.methodsIn(type.getEnclosedElements())) {
      for (String a : AnnotationNames.ALL) {
        if (find(m, a).isPresent()) {
          out.add(m);
          break;
        }
      }
    }
    return out;
  }

  /** The mirror of annotation {@code name} on {@code element}, if present. */
  public static Optional<AnnotationMirror> find(Element element, String name) {
    for (AnnotationMirror m : element.getAnnotationMirrors()) {
      if (((TypeElement) m.getAnnotationType().asElement())
          .getQualifiedName()
          .contentEquals(name)) {
        return Optional.of(m);
      }
    }
    return Optional.empty();
  }

  /** The value of {@code attribute}, its default if not written. */
  public static AnnotationValue value(
      Elements elements, AnnotationMirror mirror, String attribute) {
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

  /**
   * Element {@code index} of the array written for {@code attribute} (so a diagnostic can point at
   * that one string), the whole value if it was not written as an array, or {@code null} when the
   * default applies.
   */
  public static AnnotationValue explicitElement(
      AnnotationMirror mirror, String attribute, int index) {
    AnnotationValue value = explicitValue(mirror, attribute);
    if (value != null
        && value.getValue() instanceof List<?> list
        && index < list.size()
        && list.get(index) instanceof AnnotationValue element) {
      return element;
    }
    return value;
  }

  /** A {@code String} attribute. */
  public static String string(Elements elements, AnnotationMirror mirror, String attribute) {
    return read(value(elements, mirror, attribute), String.class, attribute);
  }

  /** An {@code int} attribute. */
  public static int integer(Elements elements, AnnotationMirror mirror, String attribute) {
    return read(value(elements, mirror, attribute), Integer.class, attribute);
  }

  /** A {@code boolean} attribute. */
  public static boolean bool(Elements elements, AnnotationMirror mirror, String attribute) {
    return read(value(elements, mirror, attribute), Boolean.class, attribute);
  }

  /** A {@code String[]} attribute. */
  public static List<String> strings(Elements elements, AnnotationMirror mirror, String attribute) {
    List<String> out = new ArrayList<>();
    Object v = value(elements, mirror, attribute).getValue();
    if (v instanceof List<?> list) {
      for (Object o : list) {
        out.add(read((AnnotationValue) o, String.class, attribute));
      }
    } else {
      out.add(read(value(elements, mirror, attribute), String.class, attribute));
    }
    return out;
  }

  /**
   * The first attribute of {@code mirror} whose value is not a constant of its declared type, or
   * {@code null}. javac hands out such values while a constant it refers to is not resolved yet
   * (e.g. {@code timeout = Ttl.SHORT} with {@code Ttl} generated in a later round): they read as
   * the text {@code <error>}. The processor defers the type until they resolve, so the readers
   * above only ever see well-formed values.
   */
  public static ExecutableElement unreadableAttribute(Elements elements, AnnotationMirror mirror) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> e :
        elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (!readable(e.getKey().getReturnType(), e.getValue())) {
        return e.getKey();
      }
    }
    return null;
  }

  private static boolean readable(TypeMirror type, AnnotationValue value) {
    Object v = value.getValue();
    switch (type.getKind()) {
      case BOOLEAN:
        return v instanceof Boolean;
      case INT:
        return v instanceof Integer;
      case LONG:
        return v instanceof Long;
      case ARRAY:
        if (!(v instanceof List<?> list)) {
          return false;
        }
        TypeMirror component = ((ArrayType) type).getComponentType();
        for (Object o : list) {
          if (!(o instanceof AnnotationValue av) || !readable(component, av)) {
            return false;
          }
        }
        return true;
      case DECLARED:
        if (((TypeElement) ((DeclaredType) type).asElement())
            .getQualifiedName()
            .contentEquals("java.lang.String")) {
          return v instanceof String && !isErrorValue(value);
        }
        return v != null;
      default:
        return v != null;
    }
  }

  private static <T> T read(AnnotationValue value, Class<T> type, String attribute) {
    Object v = value.getValue();
    if (!type.isInstance(v) || isErrorValue(value)) {
      throw new IllegalStateException(
          "attribute "
              + attribute
              + " is "
              + value
              + ", not a "
              + type.getSimpleName()
              + " constant; unreadableAttribute() should have deferred this type");
    }
    return type.cast(v);
  }

  /**
   * javac's value for an unresolved expression reads as the String {@code <error>} and prints
   * unquoted, where the constant {@code "<error>"} prints with its quotes.
   */
  private static boolean isErrorValue(AnnotationValue value) {
    return ERROR_TEXT.equals(value.getValue()) && value.toString().equals(ERROR_TEXT);
  }

  /** The simple name of an annotation, for messages: {@code Cached}. */
  public static String simpleName(String qualified) {
    return qualified.substring(qualified.lastIndexOf('.') + 1);
  }
}
