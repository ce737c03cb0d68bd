package io.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Key templates and key types whose values could run into each other are compiler errors. */
class KeyTemplateErrorsTest {

  private static Compilation compile(String annotation, String params) {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  public record P(String a) {}",
            "  public record G<T>(T t) {}",
            "  " + annotation,
            "  public String m(" + params + ") { return \"\"; }",
            "}");
    Compilation c = Compiler.javac().withProcessors(new CachingProcessor()).compile(src);
    return c;
  }

  private static void assertSingleError(Compilation c, String message) {
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(message)
        .inFile(c.sourceFiles().get(0))
        .onLineContaining("@Cached");
  }

  @Test
  void adjacentPlaceholders() {
    assertSingleError(
        compile("@Cached(key = \"k:{a}{b}\")", "String a, String b"),
        "[CacheGenAmbiguousKey] key template \"k:{a}{b}\": {a} and {b} have nothing between them,"
            + " so two different arguments could give one key. Put a separator such as ':' after"
            + " the placeholder, e.g. \"k:{a}:{b}\"");
  }

  @Test
  void textAfterAPlaceholderStartingWithALetterOrDigit() {
    assertSingleError(
        compile("@Cached(key = \"{a}x{b}\")", "String a, String b"),
        "[CacheGenAmbiguousKey] key template \"{a}x{b}\": the text after {a} starts with 'x'");
    assertSingleError(
        compile("@Cached(key = \"{a}0{b}\")", "String a, int b"),
        "the text after {a} starts with '0'");
  }

  @Test
  void templateEndingInALoneOpeningBrace() {
    assertSingleError(
        compile("@Cached(key = \"user:{a}:{\")", "String a"),
        "[CacheGenTemplate] bad key template \"user:{a}:{\": unclosed '{' at position 9."
            + " Placeholders look like {param} or {param.property}; {#param} also makes the value"
            + " the key's hash tag");
    assertSingleError(
        compile("@Cached(key = \"{a}:{b\")", "String a, String b"),
        "[CacheGenTemplate] bad key template \"{a}:{b\": unclosed '{' at position 4");
  }

  @Test
  void templateEndingInALoneClosingBrace() {
    assertSingleError(
        compile("@Cached(key = \"user:{a}}\")", "String a"),
        "[CacheGenTemplate] bad key template \"user:{a}}\": unmatched '}' at position 8."
            + " Placeholders look like {param} or {param.property}; {#param} also makes the value"
            + " the key's hash tag");
    assertSingleError(
        compile("@Cached(key = \"{a}:}\")", "String a"),
        "[CacheGenTemplate] bad key template \"{a}:}\": unmatched '}' at position 4");
  }

  @Test
  void textAfterAPlaceholderStartingWithABackslash() {
    assertSingleError(
        compile("@Cached(key = \"{a}\\\\:{b}\")", "String a, String b"),
        "the text after {a} starts with '\\'");
  }

  @Test
  void trailingTextAndPunctuationSeparatorsAreFine() {
    assertThat(compile("@Cached(key = \"{a}v2\")", "String a")).succeededWithoutWarnings();
    assertThat(
            compile(
                "@Cached(key = \"{a}-{b}.{c}/{d}_{e} {f}\")",
                "String a, int b, double c, P d, Character e, long f"))
        .succeededWithoutWarnings();
  }

  @Test
  void genericRecordWithARecordTypeArgument() {
    assertSingleError(
        compile("@Cached", "G<P> g"),
        "[CacheGenUnstableKey] cannot build a stable cache key from parameter 'g' of type"
            + " test.S.G<test.S.P>: a record inside type argument test.S.P of generic record G has"
            + " no generated key form");
    assertThat(compile("@Cached", "G<String> g")).succeededWithoutWarnings();
  }
}
