package io.cachegen.processor.model;

import io.cachegen.processor.base.Messages;
import java.util.List;

/**
 * Rejects templates whose keys could collide: the text between two placeholders must separate their
 * values, so it must not be empty or start with a letter, digit or {@code \} (which values can
 * contain unescaped).
 */
final class TemplateChecks {
  private TemplateChecks() {}

  /**
   * Why the values of {@code t} could run into each other: two placeholders with nothing between
   * them, or text after a placeholder that starts with a letter, digit or backslash; {@code null}
   * when they cannot.
   */
  static KeyResolver.Result ambiguity(KeyTemplate t) {
    List<KeyTemplate.Segment> segments = t.segments();
    for (int i = 0; i + 1 < segments.size(); i++) {
      if (!(segments.get(i) instanceof KeyTemplate.Placeholder p)) {
        continue;
      }
      String fix = t.source().replace(p.written(), p.written() + ":");
      KeyTemplate.Segment next = segments.get(i + 1);
      if (next instanceof KeyTemplate.Placeholder q) {
        return KeyResolver.Result.error(
            Messages.AMBIGUOUS_KEY,
            t.source(),
            p.written() + " and " + q.written() + " have nothing between them",
            fix);
      }
      if (i + 2 == segments.size()) {
        continue; // trailing text: a fixed suffix, never ambiguous
      }
      char c = ((KeyTemplate.Literal) next).text().charAt(0);
      if (Character.isLetterOrDigit(c) || c == '\\') {
        return KeyResolver.Result.error(
            Messages.AMBIGUOUS_KEY,
            t.source(),
            "the text after " + p.written() + " starts with '" + c + "', which a value can contain",
            fix);
      }
    }
    return null;
  }
}
