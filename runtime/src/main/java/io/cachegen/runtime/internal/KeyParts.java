package io.cachegen.runtime.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;

/**
 * <b>Not API; only generated code calls it.</b> Renders method arguments in the stable form that
 * cache keys are built from.
 *
 * <ul>
 *   <li>{@code null}: {@code \0};
 *   <li>strings: the text with {@code \} and {@code :} escaped as {@code \\} and {@code \:}, so
 *       {@code "a:b"} then {@code "c"} never renders like {@code "a"} then {@code "b:c"};
 *   <li>primitives, boxes, {@code UUID}s and any type with its own {@code toString()}: that text,
 *       escaped as strings are;
 *   <li>enums: {@code name()};
 *   <li>lists and arrays: {@code [a,b]} of their elements' forms, in order; sets and maps without a
 *       defined order: sorted by element (or key) form, so equal sets give equal keys;
 *   <li>{@code Optional}: its content's form, {@code \0} when empty.
 * </ul>
 *
 * <p>Records are rendered by their {@code toString()}, which lists their components. The processor
 * checks at compile time that every argument type has such a content-based form. Thread-safe.
 */
public final class KeyParts {
  /** The form of {@code null}. */
  public static final String NULL = "\\0";

  private KeyParts() {}

  /** A string argument, escaped. Returns {@code s} itself when nothing needs escaping. */
  public static String string(String s) {
    if (s == null) {
      return NULL;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == ':') {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        escapeInto(sb, s);
        return sb.toString();
      }
    }
    return s;
  }

  /** An enum argument: its name. */
  public static String name(Enum<?> e) {
    return e == null ? NULL : e.name();
  }

  /** Any other argument in its stable form (see the class description). */
  public static String of(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      return value.toString();
    }
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    return sb.toString();
  }

  /** Appends the stable form of {@code value} to {@code sb}. */
  public static void append(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append(NULL);
    } else if (value instanceof String s) {
      escapeInto(sb, s);
    } else if (value instanceof Number || value instanceof Boolean || value instanceof Character) {
      sb.append(value);
    } else if (value instanceof Enum<?> e) {
      sb.append(e.name());
    } else if (value instanceof Optional<?> o) {
      append(sb, o.orElse(null));
    } else if (value instanceof Map<?, ?> m) {
      appendMap(sb, m);
    } else if (value instanceof Set<?> s && !(s instanceof SortedSet<?>)) {
      appendSorted(sb, s);
    } else if (value instanceof Collection<?> c) {
      sb.append('[');
      boolean first = true;
      for (Object o : c) {
        if (!first) {
          sb.append(',');
        }
        first = false;
        append(sb, o);
      }
      sb.append(']');
    } else if (value.getClass().isArray()) {
      appendArray(sb, value);
    } else {
      escapeInto(sb, value.toString());
    }
  }

  private static void appendArray(StringBuilder sb, Object array) {
    sb.append('[');
    if (array instanceof Object[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(sb, i);
        append(sb, a[i]);
      }
    } else if (array instanceof int[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(sb, i).append(a[i]);
      }
    } else if (array instanceof long[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(sb, i).append(a[i]);
      }
    } else if (array instanceof byte[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(sb, i).append(a[i]);
      }
    } else if (array instanceof short[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(sb, i).append(a[i]);
      }
    } else if (array instanceof char[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(sb, i);
        escapeInto(sb, String.valueOf(a[i]));
      }
    } else if (array instanceof boolean[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(sb, i).append(a[i]);
      }
    } else if (array instanceof float[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(sb, i).append(a[i]);
      }
    } else if (array instanceof double[] a) {
      for (int i = 0; i < a.length; i++) {
        comma(sb, i).append(a[i]);
      }
    }
    sb.append(']');
  }

  private static StringBuilder comma(StringBuilder sb, int i) {
    return i > 0 ? sb.append(',') : sb;
  }

  private static void appendSorted(StringBuilder sb, Collection<?> c) {
    List<String> forms = new ArrayList<>(c.size());
    for (Object o : c) {
      forms.add(of(o));
    }
    forms.sort(null);
    sb.append('[').append(String.join(",", forms)).append(']');
  }

  private static void appendMap(StringBuilder sb, Map<?, ?> m) {
    List<String> forms = new ArrayList<>(m.size());
    for (Map.Entry<?, ?> e : m.entrySet()) {
      forms.add(of(e.getKey()) + "=" + of(e.getValue()));
    }
    if (!(m instanceof SortedMap<?, ?>)) {
      forms.sort(null);
    }
    sb.append('{').append(String.join(",", forms)).append('}');
  }

  private static void escapeInto(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' || c == ':') {
        sb.append('\\');
      }
      sb.append(c);
    }
  }
}
