package io.cachegen.processor.model;

import com.palantir.javapoet.CodeBlock;
import java.util.List;

/**
 * A resolved key: the caller key as a list of parts the writer concatenates. A constant key has
 * only literal parts and is made once per cache handler.
 */
public record KeyModel(String template, List<Part> parts) {

  /** A piece of a key. */
  public sealed interface Part permits Text, Value {}

  /** Literal text. */
  public record Text(String text) implements Part {}

  /**
   * A rendered argument: {@code expression} yields something concatenable in stable form;
   * {@code primitive} says whether it is a primitive (so concatenation must start from a string).
   */
  public record Value(CodeBlock expression, boolean primitive) implements Part {}

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
    CodeBlock.Builder b = CodeBlock.builder();
    boolean first = true;
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
