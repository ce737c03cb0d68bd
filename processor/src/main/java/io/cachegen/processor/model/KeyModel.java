package io.cachegen.processor.model;

import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.TypeName;
import java.util.List;

/**
 * A resolved key: the caller key as a list of parts the writer concatenates. A constant key has
 * only literal parts and is made once per cache handler. {@code helpers} are the static methods
 * the parts call to render records component-wise; the writer adds each distinct one once.
 */
public record KeyModel(String template, List<Part> parts, List<Helper> helpers) {

  /** A piece of a key. */
  public sealed interface Part permits Text, Value {}

  /** Literal text. */
  public record Text(String text) implements Part {}

  /**
   * A rendered argument: {@code expression} yields something concatenable in stable form;
   * {@code primitive} says whether it is a primitive (so concatenation must start from a string);
   * {@code integral} is the expression itself when it is a plain {@code int}, {@code long},
   * {@code short} or {@code byte} rendered as is (a key the generated code may memoize), else
   * {@code null}.
   */
  public record Value(CodeBlock expression, boolean primitive, CodeBlock integral)
      implements Part {
    /** A value that is not a memoizable integral. */
    public Value(CodeBlock expression, boolean primitive) {
      this(expression, primitive, null);
    }
  }

  /**
   * {@code private static void name(StringBuilder sb, type value) { body }}: appends the form of
   * a non-null {@code value} (a record) to {@code sb}. Equal names always have equal bodies.
   */
  public record Helper(String name, TypeName type, CodeBlock body) {}

  /**
   * The integral expression of a key whose only argument part is a plain integral value (e.g.
   * {@code user:{id}} with a {@code long id}), whose made key generated code remembers per
   * argument; else {@code null}.
   */
  public CodeBlock memoArgument() {
    List<Value> values =
        parts.stream().filter(Value.class::isInstance).map(Value.class::cast).toList();
    return values.size() == 1 ? values.get(0).integral() : null;
  }

  /** Whether the key has no argument parts. */
  public boolean isConstant() {
    return parts.stream().allMatch(p -> p instanceof Text);
  }

  /** The text of a constant key. */
  public String constantText() {
    StringBuilder sb = new StringBuilder();
    parts.forEach(p -> sb.append(((Text) p).text()));
    return sb.toString();
  }

  /** The expression building the caller key. */
  public CodeBlock expression() {
    return expression(null);
  }

  /**
   * The expression {@code prefix + <caller key>}, one concatenation; {@code prefix} is a String
   * expression, or {@code null} for the caller key alone.
   */
  public CodeBlock expression(CodeBlock prefix) {
    CodeBlock.Builder b = CodeBlock.builder();
    boolean first = true;
    if (prefix != null) {
      b.add("$L", prefix);
      first = false;
    }
    StringBuilder pendingText = new StringBuilder();
    for (Part p : parts) {
      if (p instanceof Text t) {
        pendingText.append(t.text());
        continue;
      }
      Value v = (Value) p;
      if (pendingText.length() > 0) {
        b.add(first ? "$S" : " + $S", pendingText.toString());
        pendingText.setLength(0);
        first = false;
      } else if (first && v.primitive()) {
        b.add("$S", "");
        first = false;
      }
      b.add(first ? "$L" : " + $L", v.expression());
      first = false;
    }
    if (pendingText.length() > 0 || first) {
      b.add(first ? "$S" : " + $S", pendingText.toString());
    }
    return b.build();
  }
}
