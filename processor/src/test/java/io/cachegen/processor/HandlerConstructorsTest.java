package io.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * The constructor forms that take a {@code CacheHandler}: written for every constructor unless one
 * would clash with a constructor the user wrote, and marked for injection instead of the user's
 * form. (The goldens pin the text; behaviour is {@code HandlerBindingTest}'s.)
 */
class HandlerConstructorsTest {

  private static Compilation compile(JavaFileObject source) {
    return Compiler.javac()
        .withProcessors(new CachingProcessor())
        .withOptions("-Xlint:all", "-Werror", "-Xlint:-processing")
        .compile(source);
  }

  @Test
  void aConstructorThatAlreadyTakesAHandlerFirstGetsNoClashingForm() throws IOException {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.Reports",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "import io.cachegen.runtime.CacheHandler;",
            "public class Reports {",
            "  public Reports() {}",
            "  public Reports(CacheHandler mine) {}",
            "  public Reports(CacheHandler mine, String... names) {}",
            "  @Cached(key = \"r:{id}\")",
            "  public String report(long id) { return \"\"; }",
            "}");
    Compilation compilation = compile(src);
    assertThat(compilation).succeededWithoutWarnings();
    String generated =
        compilation
            .generatedSourceFile("test.ReportsCached")
            .orElseThrow()
            .getCharContent(true)
            .toString();
    // The user's three, and handler forms only for (CacheHandler) and (CacheHandler, String...):
    // Reports()'s handler form would be ReportsCached(CacheHandler), which the user's form is.
    Truth.assertThat(generated).contains("public ReportsCached() {");
    Truth.assertThat(generated).contains("public ReportsCached(CacheHandler mine) {");
    Truth.assertThat(generated)
        .contains("public ReportsCached(CacheHandler mine, String... names) {");
    Truth.assertThat(generated)
        .contains("public ReportsCached(CacheHandler cacheHandler, CacheHandler mine) {");
    Truth.assertThat(generated)
        .contains(
            "public ReportsCached(CacheHandler cacheHandler, CacheHandler mine, String... names) {");
    Truth.assertThat(generated.split("ReportsCached\\(", -1)).hasLength(6);
  }

  @Test
  void theHandlerParameterNeverShadowsAUserParameter() throws IOException {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.Reports",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class Reports {",
            "  public Reports(String cacheHandler) {}",
            "  @Cached(key = \"r:{id}\")",
            "  public String report(long id) { return \"\"; }",
            "}");
    Compilation compilation = compile(src);
    assertThat(compilation).succeededWithoutWarnings();
    Truth.assertThat(
            compilation
                .generatedSourceFile("test.ReportsCached")
                .orElseThrow()
                .getCharContent(true)
                .toString())
        .contains("public ReportsCached(CacheHandler cacheHandler_, String cacheHandler) {");
  }
}
