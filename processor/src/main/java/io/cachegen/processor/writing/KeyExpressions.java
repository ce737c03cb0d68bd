package io.cachegen.processor.writing;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.WildcardTypeName;
import io.cachegen.processor.model.CachedMethod;
import io.cachegen.processor.model.CachedType;
import io.cachegen.processor.model.KeyModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * Turns {@link KeyModel}s into code: the caller key as one concatenation of literal text and
 * rendered arguments (the hash tag's between braces), and the static helpers that append records
 * component-wise. The same key always gives the same text, so it can be written at several places
 * (the lookup, {@code keyForX}, an eviction).
 */
final class KeyExpressions {
  private final ClassName generated;

  KeyExpressions(ClassName generated) {
    this.generated = generated;
  }

  /** The caller key of {@code method}: {@code key}'s parts in one concatenation. */
  CodeBlock callerKey(KeyModel key, ExecutableElement method) {
    return concatenation(key, method, null);
  }

  /** {@code prefix + <caller key>} in one concatenation; {@code prefix} is a String expression. */
  CodeBlock prefixed(CodeBlock prefix, KeyModel key, ExecutableElement method) {
    return concatenation(key, method, prefix);
  }

  /** The integral argument whose made key is memoized ({@link KeyModel#memoArgument()}). */
  static CodeBlock memoArgument(KeyModel.Argument argument) {
    return CodeBlock.of("$N", argument.parameter());
  }

  /** The record helpers of every key in {@code model}, each once, sorted by name. */
  List<MethodSpec> recordHelpers(CachedType model) {
    Map<String, KeyModel.RecordForm> records = new TreeMap<>();
    for (CachedMethod m : model.methods()) {
      List<KeyModel> keys = new ArrayList<>();
      if (m.cached() != null) {
        keys.add(m.cached().key());
      }
      if (m.evict() != null) {
        keys.addAll(m.evict().keys());
      }
      for (KeyModel k : keys) {
        k.records().forEach(r -> records.putIfAbsent(r.helper(), r));
      }
    }
    return records.values().stream().map(this::recordHelper).toList();
  }

  /** A rendered value: a String expression, or a primitive one that concatenation must follow. */
  private record Rendered(CodeBlock code, boolean primitive) {
    CodeBlock asString() {
      return primitive ? CodeBlock.of("$T.valueOf($L)", String.class, code) : code;
    }
  }

  private CodeBlock concatenation(KeyModel key, ExecutableElement method, CodeBlock prefix) {
    Set<String> reserved = new HashSet<>();
    for (VariableElement v : method.getParameters()) {
      reserved.add(v.getSimpleName().toString());
    }
    Lambdas lambdas = new Lambdas(reserved);
    CodeBlock.Builder b = CodeBlock.builder();
    boolean first = true;
    if (prefix != null) {
      b.add("$L", prefix);
      first = false;
    }
    StringBuilder pendingText = new StringBuilder();
    for (KeyModel.Part p : key.parts()) {
      if (p instanceof KeyModel.Text t) {
        pendingText.append(t.text());
        continue;
      }
      KeyModel.Argument a = (KeyModel.Argument) p;
      Rendered v = argument(a, lambdas);
      if (a.hashTag()) {
        pendingText.append('{');
      }
      if (pendingText.length() > 0) {
        b.add(first ? "$S" : " + $S", pendingText.toString());
        pendingText.setLength(0);
        first = false;
      } else if (first && v.primitive()) {
        b.add("$S", "");
        first = false;
      }
      b.add(first ? "$L" : " + $L", v.code());
      first = false;
      if (a.hashTag()) {
        pendingText.append('}');
      }
    }
    if (pendingText.length() > 0 || first) {
      b.add(first ? "$S" : " + $S", pendingText.toString());
    }
    return b.build();
  }

  /**
   * {@code argument} read along its path, rendered, escaped, {@code KeyParts.NULL} when a step
   * before the end of the path is {@code null}, and never empty when it is the hash tag (whose
   * braces {@link #concatenation} writes).
   */
  private Rendered argument(KeyModel.Argument argument, Lambdas lambdas) {
    CodeBlock expr = CodeBlock.of("$N", argument.parameter());
    List<CodeBlock> guards = new ArrayList<>();
    for (KeyModel.Property step : argument.path()) {
      guards.add(CodeBlock.of("$L == null", expr));
      expr =
          step.field()
              ? CodeBlock.of("$L.$N", expr, step.name())
              : CodeBlock.of("$L.$N()", expr, step.name());
    }
    Rendered value = render(expr, argument, lambdas);
    if (argument.escaped() != null) {
      value =
          new Rendered(
              CodeBlock.of(
                  "$T.escape($L, $L)",
                  RuntimeNames.KEY_PARTS,
                  value.asString(),
                  charLiteral(argument.escaped())),
              false);
    }
    if (argument.hashTag()
        && (argument.rendering() == KeyModel.Rendering.STRING
            || argument.rendering() == KeyModel.Rendering.OBJECT)) {
      // Redis ignores an empty hash tag; other renderings and KeyParts.NULL are never empty
      value = keyParts("tag", value.code());
    }
    if (!guards.isEmpty()) {
      value =
          new Rendered(
              CodeBlock.of(
                  "($L ? $T.NULL : $L)",
                  CodeBlock.join(guards, " || "),
                  RuntimeNames.KEY_PARTS,
                  value.asString()),
              false);
    }
    return value;
  }

  private Rendered render(CodeBlock expr, KeyModel.Argument argument, Lambdas lambdas) {
    return switch (argument.rendering()) {
      case INTEGRAL, PRIMITIVE -> new Rendered(expr, true);
      case CHARACTER -> keyParts("character", expr);
      case STRING -> keyParts("string", expr);
      case ENUM -> keyParts("name", expr);
      case OBJECT ->
          argument.form().isPresent()
              ? new Rendered(
                  CodeBlock.of(
                      "$T.of($L, $L)",
                      RuntimeNames.KEY_PARTS,
                      expr,
                      form(argument.form().get(), lambdas)),
                  false)
              : keyParts("of", expr);
    };
  }

  private static Rendered keyParts(String method, CodeBlock expr) {
    return new Rendered(CodeBlock.of("$T.$N($L)", RuntimeNames.KEY_PARTS, method, expr), false);
  }

  private static String charLiteral(char c) {
    if (c == '\'') {
      return "'\\''";
    }
    return c >= ' ' && c < 127 ? "'" + c + "'" : "(char) " + (int) c;
  }

  /** A {@code KeyParts.Form} expression. */
  private CodeBlock form(KeyModel.Form form, Lambdas lambdas) {
    if (form instanceof KeyModel.RecordRef r) {
      return CodeBlock.of("$T::$N", generated, r.helper());
    }
    if (!(form instanceof KeyModel.Composite c)) {
      return CodeBlock.of("$T.ANY", RuntimeNames.KEY_PARTS);
    }
    int n = lambdas.next();
    String sb = "sb" + n;
    CodeBlock v = CodeBlock.of("$N", "v" + n);
    List<KeyModel.Form> e = c.elements();
    CodeBlock append =
        switch (c.container()) {
          case ARRAY ->
              CodeBlock.of(
                  "$T.appendArray($N, $L, $L)",
                  RuntimeNames.KEY_PARTS,
                  sb,
                  v,
                  form(e.get(0), lambdas));
          case MAP ->
              CodeBlock.of(
                  "$T.appendMap($N, $L, $L, $L)",
                  RuntimeNames.KEY_PARTS,
                  sb,
                  v,
                  form(e.get(0), lambdas),
                  form(e.get(1), lambdas));
          case COLLECTION ->
              CodeBlock.of(
                  "$T.appendAll($N, $L, $L)",
                  RuntimeNames.KEY_PARTS,
                  sb,
                  v,
                  form(e.get(0), lambdas));
          case OPTIONAL ->
              CodeBlock.of(
                  "$T.appendOptional($N, $L, $L)",
                  RuntimeNames.KEY_PARTS,
                  sb,
                  v,
                  form(e.get(0), lambdas));
        };
    return CodeBlock.of("($N, $L) -> $L", sb, v, append);
  }

  /** {@code private static void appendX(StringBuilder sb, X value)}: {@code X[a=..,b=..]}. */
  private MethodSpec recordHelper(KeyModel.RecordForm form) {
    TypeElement record = form.record();
    Lambdas lambdas = new Lambdas(Set.of("sb", "value"));
    CodeBlock.Builder body = CodeBlock.builder();
    String text = record.getSimpleName() + "[";
    for (KeyModel.Component c : form.components()) {
      body.addStatement("sb.append($S)", text + c.name() + "=");
      text = ",";
      CodeBlock access = CodeBlock.of("value.$N()", c.name());
      if (c.form().isPresent()) {
        body.addStatement(
            "$T.append(sb, $L, $L)", RuntimeNames.KEY_PARTS, access, form(c.form().get(), lambdas));
      } else {
        body.addStatement("$T.append(sb, $L)", RuntimeNames.KEY_PARTS, access);
      }
    }
    if (text.equals(",")) {
      body.addStatement("sb.append(']')");
    } else {
      body.addStatement("sb.append($S)", text + "]"); // no components: Name[]
    }
    ClassName raw = ClassName.get(record);
    TypeName param = raw;
    if (!record.getTypeParameters().isEmpty()) {
      TypeName[] wild = new TypeName[record.getTypeParameters().size()];
      Arrays.fill(wild, WildcardTypeName.subtypeOf(Object.class));
      param = ParameterizedTypeName.get(raw, wild);
    }
    return MethodSpec.methodBuilder(form.helper())
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addJavadoc("Appends the key form of a non-null {@link $T}.\n", raw)
        .addParameter(StringBuilder.class, "sb")
        .addParameter(param, "value")
        .addCode(body.build())
        .build();
  }

  /** Numbers the lambdas of one expression: {@code (sb1, v1) -> ...}, clear of {@code reserved}. */
  private static final class Lambdas {
    private final Collection<String> reserved;
    private int count;

    Lambdas(Collection<String> reserved) {
      this.reserved = reserved;
    }

    int next() {
      int n = ++count;
      while (reserved.contains("sb" + n) || reserved.contains("v" + n)) {
        n = ++count;
      }
      return n;
    }
  }
}
