package io.cachegen.runtime.internal;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * <b>Not API; only generated code calls it.</b> Renders method arguments in the stable form that
 * cache keys are built from.
 *
 * <h2>Forms</h2>
 *
 * <ul>
 *   <li>{@code null}: {@code \0}, anywhere (also for a {@code null} met along a property path);
 *   <li>strings and {@code char}s: the text with {@code \} and the structural characters {@code : ,
 *       [ ] =} escaped by a {@code \}, and the braces written {@code \o} (<code>&#123;</code>) and
 *       {@code \c} (<code>&#125;</code>), so {@code "user:42"} becomes {@code user\:42}, {@code
 *       "a{b}"} becomes {@code a\ob\c} and {@code "42"} stays {@code 42};
 *   <li>primitives and boxes: their text ({@code Character}: escaped, as {@code char});
 *   <li>enums: {@code name()}; {@code UUID}s and any other type with its own {@code toString()}:
 *       that text, escaped as strings are;
 *   <li>lists, other collections and arrays: {@code [a,b]} of their elements' forms, in order;
 *       sets: {@code [a,b]} sorted by element form, maps: {@code [k=v,k2=v2]} sorted by entry form,
 *       so equal sets and maps give equal keys whatever their class or iteration order, in every
 *       JVM;
 *   <li>{@code Optional}: its content's form, {@code \0} when empty;
 *   <li>records: {@code Name[a=x,b=y]} of their components' forms, written by generated code
 *       ({@link Form}) that calls the accessors directly; this class never renders a record itself.
 * </ul>
 *
 * <p>Every {@code \} in a form starts a two-character escape ({@code \\ \: \, \[ \] \= \o \c}, a
 * template separator's, below, or the whole form {@code \0}), each standing for one character, and
 * the structural characters appear unescaped only as the structure of collections, maps and
 * records: each form reads back to exactly one value of its type, so different arguments never give
 * one form.
 *
 * <h2>No braces: Redis Cluster hash tags</h2>
 *
 * <p>No form holds a <code>&#123;</code> or <code>&#125;</code>. Redis Cluster hashes only the part
 * of a key between its first <code>&#123;</code> and the next <code>&#125;</code> (its hash tag)
 * when there is one, and does not read backslashes, so a brace from an argument would decide which
 * slot a key lands on. The only braces in a key built by generated code are the ones it writes
 * around the value of a template's {@code {#param}} placeholder, its hash tag ({@link
 * #tag(String)}); the processor rejects literal braces in templates. (The alias's {@code
 * key_prefix}, before every key, is the user's own and written as is.)
 *
 * <h2>Key templates</h2>
 *
 * <p>A template like {@code user:{id}:{page}} is literal text around argument forms. A form never
 * holds an unescaped {@code :}, so values cannot move a {@code :} separator. For any other
 * separator, the processor escapes the first character of the literal text that follows a
 * placeholder in that placeholder's form ({@link #escape(String, char)}): in {@code {a}-{b}}, the
 * form of {@code a} has {@code -} escaped, so {@code a="x-y", b="z"} gives {@code x\-y-z} and
 * {@code a="x", b="y-z"} gives {@code x-y-z}. For that rule to suffice, the processor rejects two
 * placeholders with nothing between them and literal text after a placeholder that starts with a
 * letter, a digit or {@code \} (so the letters of {@code \o}, {@code \c} and {@code \e} never need
 * it). Prefer {@code :} between placeholders: it needs no extra escaping.
 *
 * <p>Thread-safe. Methods that return a form return their argument itself, not a copy, when nothing
 * needs escaping.
 */
@Internal
public final class KeyParts {
  /** The form of {@code null}. */
  public static final String NULL = "\\0";

  /** Renders a record (or other composite) component-wise; generated code implements it. */
  @FunctionalInterface
  public interface Form<T> {
    /** Appends the form of {@code value}, never {@code null}, to {@code sb}. */
    void append(StringBuilder sb, T value);
  }

  /**
   * The form of any value this class renders by itself ({@link #append(StringBuilder, Object)}).
   */
  public static final Form<Object> ANY = KeyParts::append;

  private KeyParts() {}

  /**
   * The characters no form holds unescaped: {@code \} and the structural {@code : , [ ] = { }}.
   * Strings and chars write each as {@code \} and the character itself ({@code \:}), except the
   * braces, written {@code \o} and {@code \c}, so that no form holds a brace at all (see the class
   * description). The one definition of the set: {@link #structural(char)} tests it (a test ties
   * the two), and the processor, which decides at compile time which template separators need
   * escaping, checks its copy against this constant in a test.
   */
  public static final String STRUCTURAL = "\\:,[]={}";

  /**
   * The content of a hash tag whose value's form is empty: {@code \e}, which no form is or holds.
   * Redis ignores an empty hash tag {@code {}}, so {@link #tag(String)} never leaves one.
   */
  public static final String EMPTY_TAG = "\\e";

  /** Whether {@code c} is in {@link #STRUCTURAL}: a switch, since escaping runs per character. */
  static boolean structural(char c) {
    return switch (c) {
      case '\\', ':', ',', '[', ']', '=', '{', '}' -> true;
      default -> false;
    };
  }

  /**
   * What follows the {@code \} that escapes the structural {@code c}: {@code c} itself, but {@code
   * o} for <code>&#123;</code> and {@code c} for <code>&#125;</code>.
   */
  private static char escaped(char c) {
    return switch (c) {
      case '{' -> 'o';
      case '}' -> 'c';
      default -> c;
    };
  }

  /** A string argument, escaped. Returns {@code s} itself when nothing needs escaping. */
  public static String string(String s) {
    if (s == null) {
      return NULL;
    }
    for (int i = 0; i < s.length(); i++) {
      if (structural(s.charAt(i))) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        escapeInto(sb, s);
        return sb.toString();
      }
    }
    return s;
  }

  /** A {@code char} argument, escaped. */
  public static String character(char c) {
    return structural(c) ? "\\" + escaped(c) : String.valueOf(c);
  }

  /** An enum argument: its name. */
  public static String name(Enum<?> e) {
    return e == null ? NULL : e.name();
  }

  /**
   * {@code form} with every {@code c} escaped as {@code \c}; {@code form} itself when it holds no
   * {@code c}. For a template separator {@code c} that is not structural (so never already escaped,
   * and never a brace), not a letter or digit and not {@code \}.
   */
  public static String escape(String form, char c) {
    int first = form.indexOf(c);
    if (first < 0) {
      return form;
    }
    StringBuilder sb = new StringBuilder(form.length() + 4).append(form, 0, first);
    for (int i = first; i < form.length(); i++) {
      char ch = form.charAt(i);
      if (ch == c) {
        sb.append('\\');
      }
      sb.append(ch);
    }
    return sb.toString();
  }

  /**
   * The text generated code writes between the braces of a key's hash tag ({@code {#param}} in the
   * template): {@code form} itself, or {@link #EMPTY_TAG} when it is empty (Redis would ignore
   * {@code {}}). Returns {@code form} itself when it is not empty. Forms of {@code int}s and the
   * other primitives, enums and {@code char}s are never empty and need no call.
   */
  public static String tag(String form) {
    return form.isEmpty() ? EMPTY_TAG : form;
  }

  /** Any other argument in its stable form (see the class description). */
  public static String of(Object value) {
    if (value == null) {
      return NULL;
    }
    if (value instanceof String s) {
      return string(s);
    }
    if (value instanceof Enum<?> e) {
      return e.name();
    }
    if (value instanceof Number || value instanceof Boolean) {
      return string(value.toString());
    }
    StringBuilder sb = new StringBuilder();
    append(sb, value);
    return sb.toString();
  }

  /** {@code value} in the form {@code form} writes; {@link #NULL} for {@code null}. */
  public static <T> String of(T value, Form<? super T> form) {
    if (value == null) {
      return NULL;
    }
    StringBuilder sb = new StringBuilder();
    form.append(sb, value);
    return sb.toString();
  }

  /** Appends the form of {@code value}, or {@link #NULL}, through {@code form}. */
  public static <T> void append(StringBuilder sb, T value, Form<? super T> form) {
    if (value == null) {
      sb.append(NULL);
    } else {
      form.append(sb, value);
    }
  }

  /** Appends a {@code long} (or {@code int}, {@code short}, {@code byte}). */
  public static void append(StringBuilder sb, long value) {
    sb.append(value);
  }

  /** Appends a {@code double}. */
  public static void append(StringBuilder sb, double value) {
    sb.append(value);
  }

  /** Appends a {@code float}. */
  public static void append(StringBuilder sb, float value) {
    sb.append(value);
  }

  /** Appends a {@code boolean}. */
  public static void append(StringBuilder sb, boolean value) {
    sb.append(value);
  }

  /** Appends a {@code char}, escaped. */
  public static void append(StringBuilder sb, char value) {
    if (structural(value)) {
      sb.append('\\').append(escaped(value));
    } else {
      sb.append(value);
    }
  }

  /**
   * Appends the stable form of {@code value} to {@code sb}.
   *
   * @throws IllegalArgumentException for a record: the processor renders records with a generated
   *     {@link Form}, since their {@code toString()} does not escape their components
   */
  public static void append(StringBuilder sb, Object value) {
    if (value == null) {
      sb.append(NULL);
    } else if (value instanceof String s) {
      escapeInto(sb, s);
    } else if (value instanceof Enum<?> e) {
      sb.append(e.name());
    } else if (value instanceof Character c) {
      append(sb, c.charValue());
    } else if (value instanceof Optional<?> o) {
      append(sb, o.orElse(null));
    } else if (value instanceof Map<?, ?> m) {
      appendMap(sb, m, ANY, ANY);
    } else if (value instanceof Collection<?> c) {
      appendAll(sb, c, ANY);
    } else if (value instanceof Object[] a) {
      appendArray(sb, a, ANY);
    } else if (value.getClass().isArray()) {
      appendPrimitiveArray(sb, value);
    } else if (value instanceof Record) {
      throw new IllegalArgumentException(
          "a "
              + value.getClass().getName()
              + " record reached a key without its generated form;"
              + " please report this as a cachegen bug");
    } else {
      escapeInto(sb, value.toString());
    }
  }

  /**
   * Appends a collection: {@code [a,b]}, elements through {@code form}; a {@link Set}'s elements
   * sorted by form.
   */
  public static <T> void appendAll(
      StringBuilder sb, Collection<? extends T> c, Form<? super T> form) {
    if (c == null) {
      sb.append(NULL);
      return;
    }
    if (c instanceof Set<?>) {
      List<String> forms = new ArrayList<>(c.size());
      for (T o : c) {
        forms.add(of(o, form));
      }
      forms.sort(null);
      joinInto(sb, '[', forms, ']');
      return;
    }
    sb.append('[');
    boolean first = true;
    for (T o : c) {
      if (!first) {
        sb.append(',');
      }
      first = false;
      append(sb, o, form);
    }
    sb.append(']');
  }

  /** Appends an object array: {@code [a,b]}, elements through {@code form}, in order. */
  public static <T> void appendArray(StringBuilder sb, T[] a, Form<? super T> form) {
    if (a == null) {
      sb.append(NULL);
      return;
    }
    sb.append('[');
    for (int i = 0; i < a.length; i++) {
      comma(sb, i);
      append(sb, a[i], form);
    }
    sb.append(']');
  }

  /**
   * Appends a map: {@code [k=v,k2=v2]}, entries sorted by form (in brackets, as collections: a
   * brace would name a Redis Cluster hash tag).
   */
  public static <K, V> void appendMap(
      StringBuilder sb,
      Map<? extends K, ? extends V> m,
      Form<? super K> keys,
      Form<? super V> values) {
    if (m == null) {
      sb.append(NULL);
      return;
    }
    List<String> forms = new ArrayList<>(m.size());
    StringBuilder entry = new StringBuilder();
    for (Map.Entry<? extends K, ? extends V> e : m.entrySet()) {
      entry.setLength(0);
      append(entry, e.getKey(), keys);
      entry.append('=');
      append(entry, e.getValue(), values);
      forms.add(entry.toString());
    }
    forms.sort(null);
    joinInto(sb, '[', forms, ']');
  }

  /** Appends an {@code Optional}'s content through {@code form}; {@link #NULL} when empty. */
  public static <T> void appendOptional(
      StringBuilder sb, Optional<? extends T> o, Form<? super T> form) {
    append(sb, o == null ? null : o.orElse(null), form);
  }

  private static void joinInto(StringBuilder sb, char open, List<String> forms, char close) {
    sb.append(open);
    for (int i = 0; i < forms.size(); i++) {
      comma(sb, i).append(forms.get(i));
    }
    sb.append(close);
  }

  private static void appendPrimitiveArray(StringBuilder sb, Object array) {
    sb.append('[');
    if (array instanceof int[] a) {
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
        append(comma(sb, i), a[i]);
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

  private static void escapeInto(StringBuilder sb, String s) {
    for (int i = 0; i < s.length(); i++) {
      append(sb, s.charAt(i));
    }
  }
}
