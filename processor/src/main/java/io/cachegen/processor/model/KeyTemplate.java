package io.cachegen.processor.model;

import io.cachegen.processor.base.Messages;
import java.util.ArrayList;
import java.util.List;

/**
 * A parsed key template: literal text and {@code {name.path}} placeholders, at most one of them
 * written {@code {#name.path}}, the key's hash tag (its value goes between the only braces of the
 * made key). Literal braces are rejected: a made key holds braces only around its hash tag, which
 * Redis Cluster reads to pick the key's slot. Pure syntax; names are resolved by {@link
 * KeyResolver}.
 */
public record KeyTemplate(String source, List<Segment> segments) {

  /** A piece of a template. */
  public sealed interface Segment permits Literal, Placeholder {}

  /** Literal text (never holding a brace). */
  public record Literal(String text) implements Segment {}

  /**
   * {@code {root.path...}}, or {@code {#root.path...}} when {@code hashTag}: the made key then
   * wraps the value's form in braces, the key's Redis Cluster hash tag.
   */
  public record Placeholder(String root, List<String> path, boolean hashTag) implements Segment {
    /** The name and path, {@code root.path}, without braces or {@code #}. */
    public String text() {
      return path.isEmpty() ? root : root + "." + String.join(".", path);
    }

    /** The placeholder as written in a template: {@code {root.path}} or {@code {#root.path}}. */
    public String written() {
      return "{" + (hashTag ? "#" : "") + text() + "}";
    }
  }

  /**
   * Thrown by {@link #parse} for a template it rejects: {@link #message()} is the diagnostic's
   * catalog entry, formatted with the template and then {@link #details()}.
   */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    private final transient Messages message;
    private final transient Object[] details;

    SyntaxException(Messages message, Object... details) {
      super(message.tag());
      this.message = message;
      this.details = details;
    }

    /** Which diagnostic: {@link Messages#TEMPLATE}, {@link Messages#LITERAL_BRACE}, ... */
    public Messages message() {
      return message;
    }

    /** The diagnostic's arguments after the template. */
    public Object[] details() {
      return details.clone();
    }
  }

  /** Whether the template has no placeholders. */
  public boolean isConstant() {
    return segments.stream().noneMatch(s -> s instanceof Placeholder);
  }

  /** Parses {@code source}. */
  public static KeyTemplate parse(String source) throws SyntaxException {
    List<Segment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    Placeholder tag = null;
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      boolean doubled = i + 1 < source.length() && source.charAt(i + 1) == c;
      if ((c == '{' || c == '}') && doubled) {
        throw new SyntaxException(
            Messages.LITERAL_BRACE, c == '{' ? "{{" : "}}", i, withoutLiteralBraces(source));
      } else if (c == '}') {
        throw new SyntaxException(Messages.TEMPLATE, "unmatched '}' at position " + i);
      } else if (c == '{') {
        int close = source.indexOf('}', i + 1);
        int nextOpen = source.indexOf('{', i + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
          throw new SyntaxException(Messages.TEMPLATE, "unclosed '{' at position " + i);
        }
        Placeholder p = placeholder(source.substring(i + 1, close).trim(), i);
        if (p.hashTag()) {
          if (tag != null) {
            throw new SyntaxException(Messages.HASH_TAG, tag.written(), p.written());
          }
          tag = p;
        }
        if (literal.length() > 0) {
          segments.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        segments.add(p);
        i = close + 1;
      } else {
        literal.append(c);
        i++;
      }
    }
    if (literal.length() > 0) {
      segments.add(new Literal(literal.toString()));
    }
    return new KeyTemplate(source, List.copyOf(segments));
  }

  /** The placeholder {@code {body}} found at {@code position}. */
  private static Placeholder placeholder(String body, int position) throws SyntaxException {
    boolean hashTag = body.startsWith("#");
    String name = hashTag ? body.substring(1).trim() : body;
    if (name.isEmpty()) {
      throw new SyntaxException(
          Messages.TEMPLATE, "empty placeholder {" + body + "} at position " + position);
    }
    String[] parts = name.split("\\.", -1);
    for (String part : parts) {
      if (!isIdentifier(part)) {
        throw new SyntaxException(
            Messages.TEMPLATE,
            "'" + body + "' at position " + position + " is not a name or a dotted property path");
      }
    }
    return new Placeholder(parts[0], List.of(parts).subList(1, parts.length), hashTag);
  }

  /**
   * What to suggest instead of a template with literal braces: <code>{{{id}}}</code> (a hash tag
   * written by hand) as {@code {#id}}, other doubled braces as parentheses.
   */
  private static String withoutLiteralBraces(String source) {
    return source
        .replaceAll("\\{\\{\\{\\s*([^{}#]+?)\\s*}}}", "{#$1}")
        .replace("{{", "(")
        .replace("}}", ")");
  }

  private static boolean isIdentifier(String s) {
    if (s.isEmpty() || !Character.isJavaIdentifierStart(s.charAt(0))) {
      return false;
    }
    for (int i = 1; i < s.length(); i++) {
      if (!Character.isJavaIdentifierPart(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
