package io.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * User code using every annotation compiles with {@code -Xlint:all -Werror} and the processor's
 * defaults: the processor claims its annotations (unless that would stop javac from calling later
 * processors), and generated code raises no warning of its own (deprecated overrides included).
 */
class LintTest {

  private static Compilation compileStrict(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new CachingProcessor(), new LocalClassProcessor())
        .withOptions("-Xlint:all", "-Werror")
        .compile(sources);
  }

  @Test
  void allThreeAnnotationsAreClaimed() {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.Users",
            "package test;",
            "import io.cachegen.annotations.CacheEvict;",
            "import io.cachegen.annotations.CachePut;",
            "import io.cachegen.annotations.Cached;",
            "public class Users {",
            "  @Cached(key = \"user:{id}\")",
            "  public String user(long id) { return \"\"; }",
            "  @CachePut(key = \"user:{id}\")",
            "  public String save(long id) { return \"\"; }",
            "  @CacheEvict(key = \"user:{id}\")",
            "  public void delete(long id) {}",
            "  @Override",
            "  public String toString() { return \"Users\"; }",
            "}");
    assertThat(compileStrict(src)).succeededWithoutWarnings();
    // @Override is never claimed, so processors after ours still run in this round.
    Everything later = new Everything();
    assertThat(Compiler.javac().withProcessors(new CachingProcessor(), later).compile(src))
        .succeeded();
    Truth.assertThat(later.firstRoundRoots).containsExactly("test.Users");
  }

  @Test
  void processorsAfterOursStillSeeARoundWhoseOnlyAnnotationsAreOurs() {
    JavaFileObject onlyOurs =
        JavaFileObjects.forSourceLines(
            "test.Users",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class Users {",
            "  @Cached(key = \"user:{id}\")",
            "  public String user(long id) { return \"\"; }",
            "}");
    Everything later = new Everything();
    Compilation c =
        Compiler.javac()
            .withProcessors(new CachingProcessor(), later)
            .withOptions("-Xlint:all")
            .compile(onlyOurs);
    assertThat(c).succeeded();
    Truth.assertThat(later.firstRoundRoots).containsExactly("test.Users");
    // Not claimed here, so that the later processor ran: javac's lint warning is the price.
    assertThat(c).hadWarningContaining("No processor claimed any of these annotations");
  }

  /** A processor for every annotation, like Lombok's or the Checker Framework's. */
  private static final class Everything extends AbstractProcessor {
    final List<String> firstRoundRoots = new ArrayList<>();
    private boolean called;

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      if (!called) {
        called = true;
        round.getRootElements().forEach(e -> firstRoundRoots.add(e.toString()));
      }
      return false;
    }
  }

  @Test
  void deprecatedMethodsGiveDeprecatedOverridesAndNoWarning() {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.Old",
            "package test;",
            "import io.cachegen.annotations.CacheEvict;",
            "import io.cachegen.annotations.CachePut;",
            "import io.cachegen.annotations.Cached;",
            "import java.util.List;",
            "public class Old {",
            "  /** @deprecated use something else */",
            "  @Deprecated",
            "  @Cached(key = \"user:{id}\")",
            "  public String user(long id) { return \"\"; }",
            "  /** @deprecated use something else */",
            "  @Deprecated(since = \"2\", forRemoval = true)",
            "  @Cached(key = \"list:{id}\")",
            "  public List<String> list(long id) { return List.of(); }",
            "  /** @deprecated use something else */",
            "  @Deprecated",
            "  @CachePut(key = \"user:{id}\")",
            "  public String save(long id) { return \"\"; }",
            "  /** @deprecated use something else */",
            "  @Deprecated(forRemoval = true)",
            "  @CacheEvict(key = \"user:{id}\")",
            "  public void delete(long id) {}",
            "}");
    Compilation c = compileStrict(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.OldCached")
        .contentsAsUtf8String()
        .contains("  @Override\n  @Deprecated\n  public String user(long id) {");
    assertThat(c)
        .generatedSourceFile("test.OldCached")
        .contentsAsUtf8String()
        .contains(
            "  @Override\n  @Deprecated(\n      since = \"2\",\n      forRemoval = true\n  )\n"
                + "  @SuppressWarnings({\"removal\", \"unchecked\"})\n"
                + "  public List<String> list(long id) {");
    assertThat(c)
        .generatedSourceFile("test.OldCached")
        .contentsAsUtf8String()
        .contains(
            "  @Override\n  @Deprecated(\n      forRemoval = true\n  )\n"
                + "  @SuppressWarnings(\"removal\")\n"
                + "  public void delete(long id) {");
  }

  @Test
  void deprecatedClassesAndConstructorsGiveDeprecatedWrappersAndNoWarning() {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.Old",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "/** @deprecated use something else */",
            "@Deprecated",
            "public class Old {",
            "  /** @deprecated use something else */",
            "  @Deprecated",
            "  public Old() {}",
            "  public Old(int unused) {}",
            "  @Cached(key = \"k\")",
            "  public String m() { return \"\"; }",
            "}");
    JavaFileObject iface =
        JavaFileObjects.forSourceLines(
            "test.OldRepo",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "/** @deprecated use something else */",
            "@Deprecated(forRemoval = true)",
            "public interface OldRepo {",
            "  @Cached(key = \"user:{id}\")",
            "  String user(long id);",
            "}");
    Compilation c = compileStrict(src, iface);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.OldCached")
        .contentsAsUtf8String()
        .contains("@Deprecated\npublic class OldCached extends Old {");
  }

  @Test
  void deprecatedInterfaceMethodsForwardedToTheDelegateGiveNoWarning() {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.Repo",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public interface Repo {",
            "  @Cached(key = \"user:{id}\")",
            "  String user(long id);",
            "  /** @deprecated use user */",
            "  @Deprecated",
            "  String legacy(long id);",
            "  /** @deprecated use user */",
            "  @Deprecated(forRemoval = true)",
            "  String gone(long id);",
            "}");
    assertThat(compileStrict(src)).succeededWithoutWarnings();
  }
}
