package io.cachegen.processor.model;

import java.util.ArrayList;
import java.util.List;

/**
 * A parsed key template: literal text and {@code {name.path}} placeholders; <code>{{</code> and
 * <code>}}</code> are literal braces. Pure syntax; names are resolved by {@link KeyResolver}.
 */
public record KeyTemplate(String source, List<Segment> segments) {

  /** A piece of a template. */
  public sealed interface Segment permits Literal, Placeholder {}

  /** Literal text. */
  public record Literal(String text) implements Segment {}

  /** {@code {root.path...}}. */
  public record Placeholder(String root, List<String> path) implements Segment {
    public String text() {
      return path.isEmpty() ? root : root + "." + String.join(".", path);
    }
  }

  /** Thrown by {@link #parse} for a malformed template; the message says what is wrong. */
  public static final class SyntaxException extends Exception {
    private static final long serialVersionUID = 1L;

    SyntaxException(String message) {
      super(message);
    }
  }

  /** Whether the template has no placeholders. */
  public boolean isConstant() {
    return segments.stream().noneMatch(s -> s instanceof Placeholder);
  }

  /** The literal text of a constant template. */
  public String constantText() {
    StringBuilder sb = new StringBuilder();
    for (Segment s : segments) {
      sb.append(((Literal) s).text());
    }
    return sb.toString();
  }

  /** Parses {@code source}. */
  public static KeyTemplate parse(String source) throws SyntaxException {
    List<Segment> segments = new ArrayList<>();
    StringBuilder literal = new StringBuilder();
    int i = 0;
    while (i < source.length()) {
      char c = source.charAt(i);
      if (c == '{' && i + 1 < source.length() && source.charAt(i + 1) == '{') {
        literal.append('{');
        i += 2;
      } else if (c == '}' && i + 1 < source.length() && source.charAt(i + 1) == '}') {
        literal.append('}');
        i += 2;
      } else if (c == '}') {
        throw new SyntaxException("unmatched '}' at position " + i);
      } else if (c == '{') {
        int close = source.indexOf('}', i + 1);
        int nextOpen = source.indexOf('{', i + 1);
        if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
          throw new SyntaxException("unclosed '{' at position " + i);
        }
        String body = source.substring(i + 1, close).trim();
        if (body.isEmpty()) {
          throw new SyntaxException("empty placeholder {} at position " + i);
        }
        String[] parts = body.split("\\.", -1);
        for (String part : parts) {
          if (!isIdentifier(part)) {
            throw new SyntaxException(
                "'" + body + "' at position " + i + " is not a name or a dotted property path");
          }
        }
        if (literal.length() > 0) {
          segments.add(new Literal(literal.toString()));
          literal.setLength(0);
        }
        segments.add(new Placeholder(parts[0], List.of(parts).subList(1, parts.length)));
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
