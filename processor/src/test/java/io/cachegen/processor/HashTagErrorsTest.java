package io.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Braces in key templates: literal ones are errors (a made key holds braces only around its Redis
 * Cluster hash tag), a template names at most one hash tag ({@code {#param}}), and keys of one
 * shape in one alias put it on the same placeholder.
 */
class HashTagErrorsTest {

  /** {@code class S} with {@code members}, compiled with the processor. */
  private static Compilation compile(String... members) {
    List<String> lines = new ArrayList<>();
    lines.add("package test;");
    lines.add("import io.cachegen.annotations.CacheEvict;");
    lines.add("import io.cachegen.annotations.CachePut;");
    lines.add("import io.cachegen.annotations.Cached;");
    lines.add("public class S {");
    lines.add("  public record User(long id, String name) {}");
    lines.addAll(List.of(members));
    lines.add("}");
    JavaFileObject src = JavaFileObjects.forSourceLines("test.S", lines.toArray(String[]::new));
    return Compiler.javac().withProcessors(new CachingProcessor()).compile(src);
  }

  private static void assertSingleError(Compilation c, String message, String line) {
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(message).inFile(c.sourceFiles().get(0)).onLineContaining(line);
  }

  @Test
  void literalBracesAreAnError() {
    assertSingleError(
        compile(
            "  @Cached(key = \"user:{{id}}:{id}\")", "  public String m(long id) { return \"\"; }"),
        "[CacheGenLiteralBrace] key template \"user:{{id}}:{id}\": {{ at position 5 is a literal"
            + " brace, which key templates do not allow: Redis Cluster takes the text between the"
            + " first { and the next } of a key as its hash tag, the part that picks the key's"
            + " slot, so a made key holds braces only around the hash tag a {#param} placeholder"
            + " names. Write other characters, e.g. \"user:(id):{id}\"",
        "@Cached");
    assertSingleError(
        compile("  @Cached(key = \"{id}:}}\")", "  public String m(long id) { return \"\"; }"),
        "[CacheGenLiteralBrace] key template \"{id}:}}\": }} at position 5 is a literal brace",
        "@Cached");
  }

  @Test
  void aHashTagWrittenByHandSuggestsTheSyntax() {
    assertSingleError(
        compile(
            "  @Cached(key = \"user:{{{id}}}:orders\")",
            "  public String m(long id) { return \"\"; }"),
        "Write other characters, e.g. \"user:{#id}:orders\"",
        "@Cached");
  }

  @Test
  void literalBracesInAnEvictionLandOnThatTemplate() {
    assertSingleError(
        compile(
            "  @CacheEvict(key = {\"user:{id}\",",
            "      \"stats:{{all}}\"})",
            "  public void m(long id) {}"),
        "[CacheGenLiteralBrace] key template \"stats:{{all}}\"",
        "stats:{{all}}");
  }

  @Test
  void twoHashTags() {
    assertSingleError(
        compile(
            "  @Cached(key = \"{#a}:{#b}\")",
            "  public String m(String a, String b) { return \"\"; }"),
        "[CacheGenHashTag] key template \"{#a}:{#b}\": {#a} and {#b} both name a hash tag, but"
            + " Redis Cluster reads only the first one of a key. Keep one {#param} and write the"
            + " other as {param}",
        "@Cached");
  }

  @Test
  void aHashTagNamesAParameterOrProperty() {
    assertSingleError(
        compile("  @Cached(key = \"user:{#}\")", "  public String m(long id) { return \"\"; }"),
        "[CacheGenTemplate] bad key template \"user:{#}\": empty placeholder {#} at position 5",
        "@Cached");
    assertSingleError(
        compile("  @Cached(key = \"user:{#nid}\")", "  public String m(long id) { return \"\"; }"),
        "[CacheGenUnknownName] key template \"user:{#nid}\": {#nid} names no parameter of m()."
            + " Valid names: id",
        "@Cached");
    assertSingleError(
        compile(
            "  @Cached(key = \"user:{#user.nope}\")",
            "  public String m(User user) { return \"\"; }"),
        "{#user.nope}: test.S.User (type of user) has no accessible property 'nope'",
        "@Cached");
  }

  @Test
  void aHashTagIsAPlaceholderForTheSeparatorRules() {
    assertSingleError(
        compile(
            "  @Cached(key = \"k:{#a}{b}\")",
            "  public String m(String a, String b) { return \"\"; }"),
        "[CacheGenAmbiguousKey] key template \"k:{#a}{b}\": {#a} and {b} have nothing between"
            + " them, so two different arguments could give one key. Put a separator such as ':'"
            + " after the placeholder, e.g. \"k:{#a}:{b}\"",
        "@Cached");
  }

  @Test
  void anEvictionWithoutTheHashTagOfTheCachedKey() {
    assertSingleError(
        compile(
            "  @Cached(key = \"user:{#id}:orders\")",
            "  public String orders(long id) { return \"\"; }",
            "  @CacheEvict(key = {\"stats:{user.id}\",",
            "      \"user:{user.id}:orders\"})",
            "  public void save(User user) {}"),
        "[CacheGenHashTagConflict] key templates \"user:{#id}:orders\" (S.orders()) and"
            + " \"user:{user.id}:orders\" (S.save()) make keys of one shape in cache alias"
            + " \"default\" but only the first names a hash tag, so one entry would have two keys"
            + " and each method would miss what the other stores or evicts. Put the hash tag {#...}"
            + " on the same placeholder in both, or in neither",
        "\"user:{user.id}:orders\"");
  }

  @Test
  void aPutWithTheHashTagOnAnotherPlaceholder() {
    assertSingleError(
        compile(
            "  @Cached(key = \"order:{#user}:{item}\")",
            "  public String get(String user, String item) { return \"\"; }",
            "  @CachePut(key = \"order:{user}:{#item}\", timeout = 5)",
            "  public String put(String user, String item) { return \"\"; }"),
        "but they put the hash tag on different placeholders",
        "timeout = 5");
    assertSingleError(
        compile(
            "  @Cached(key = \"order:{user}\")",
            "  public String get(String user) { return \"\"; }",
            "  @CachePut(key = \"order:{#user}\", timeout = 5)",
            "  public String put(String user) { return \"\"; }"),
        "but only the second names a hash tag",
        "timeout = 5");
  }

  @Test
  void keysOfOneShapeAgreeingOnTheTagOrInOtherAliasesAreFine() {
    assertThat(
            compile(
                "  @Cached(key = \"user:{#id}:orders\")",
                "  public String orders(long id) { return \"\"; }",
                "  @CachePut(key = \"user:{#id}:orders\")",
                "  public String put(long id) { return \"\"; }",
                "  @CacheEvict(key = {\"user:{#user.id}:orders\", \"stats:{user.id}\"})",
                "  public void save(User user) {}",
                "  @Cached(key = \"user:{id}:orders\", cache = \"other\")",
                "  public String untagged(long id) { return \"\"; }"))
        .succeededWithoutWarnings();
  }
}
