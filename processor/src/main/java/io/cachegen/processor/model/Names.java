package io.cachegen.processor.model;

import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;

/**
 * The names cachegen gives to what it generates: wrapper classes, their {@code keyForX} and {@code
 * evictX} helpers, and the static helpers that render records into keys. At the bottom of the
 * processor's graph, so the checks that reject clashing names and the writer that uses the names
 * agree without depending on each other.
 */
public final class Names {
  private Names() {}

  /** {@code FooCached} or {@code Outer_InnerCached}. */
  public static String generatedSimpleName(TypeElement type) {
    return flatName(type) + "Cached";
  }

  /** The generated {@code keyForX} helper's name for method {@code x}. */
  public static String keyHelperName(String method) {
    return "keyFor" + capitalize(method);
  }

  /** The generated {@code evictX} helper's name for method {@code x}. */
  public static String evictHelperName(String method) {
    return "evict" + capitalize(method);
  }

  /**
   * The static helper that appends a {@code record}'s key form: {@code appendOuter_Point} when the
   * record is in the wrapper's package ({@code samePackage}), else {@code appendCom_example_Point}.
   */
  static String recordHelperName(TypeElement record, boolean samePackage) {
    String flat =
        samePackage ? flatName(record) : record.getQualifiedName().toString().replace('.', '_');
    return "append" + capitalize(flat);
  }

  /** The simple names from the outermost type down to {@code type}, joined by {@code _}. */
  private static String flatName(TypeElement type) {
    StringBuilder sb = new StringBuilder(type.getSimpleName());
    for (Element e = type.getEnclosingElement();
        e instanceof TypeElement t;
        e = e.getEnclosingElement()) {
      sb.insert(0, t.getSimpleName() + "_");
    }
    return sb.toString();
  }

  private static String capitalize(String s) {
    return Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }
}
