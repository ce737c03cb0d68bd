package io.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Types that mention classes another processor generates later are deferred, not rejected. */
class DeferralTest {

  @Test
  void waitsForGeneratedTypes() {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"dto:{dto.id}\")",
            "  public String m(Dto dto) { return dto.id(); }",
            "}");
    Compilation c =
        Compiler.javac()
            .withProcessors(
                new CachingProcessor(),
                new LaterRounds()
                    .write(1, "test.Dto", "package test; public record Dto(String id) {}"))
            .compile(src);
    assertThat(c).succeeded();
    assertThat(c)
        .generatedSourceFile("test.SCached")
        .contentsAsUtf8String()
        .contains("\"dto:\" + (dto == null ? KeyParts.NULL : KeyParts.string(dto.id()))");
  }

  /** Writes each source in the given round (1 = the first), as a chain of generators would. */
  static final class LaterRounds extends AbstractProcessor {
    private final Map<Integer, Map<String, String>> byRound = new HashMap<>();
    private int round;

    LaterRounds write(int round, String name, String source) {
      byRound.computeIfAbsent(round, r -> new LinkedHashMap<>()).put(name, source);
      return this;
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return Set.of("*");
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return SourceVersion.latestSupported();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment env) {
      round++;
      for (Map.Entry<String, String> e : byRound.getOrDefault(round, Map.of()).entrySet()) {
        try (Writer w = processingEnv.getFiler().createSourceFile(e.getKey()).openWriter()) {
          w.write(e.getValue());
        } catch (IOException ex) {
          throw new UncheckedIOException(ex);
        }
      }
      return false;
    }
  }

  @Test
  void waitsForConstantsOfClassesGeneratedInALaterRound() {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.S",
            "package test;",
            "import io.cachegen.annotations.CacheEvict;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = Keys.USER, timeout = Ttl.SHORT, cache = Keys.ALIAS)",
            "  public String m(long id) { return \"\"; }",
            "  @CacheEvict(key = {Keys.USER, \"other\"})",
            "  public void forget(long id) {}",
            "}");
    // Round 1 writes Ttl, round 2 writes Keys: S is deferred twice.
    Compilation c =
        Compiler.javac()
            .withProcessors(
                new CachingProcessor(),
                new LaterRounds()
                    .write(
                        1,
                        "test.Ttl",
                        "package test; public class Ttl { public static final int SHORT = 30; }")
                    .write(
                        2,
                        "test.Keys",
                        "package test; public class Keys {"
                            + " public static final String USER = \"user:{id}\";"
                            + " public static final String ALIAS = \"users\"; }"))
            .compile(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.SCached")
        .contentsAsUtf8String()
        .contains(
            "CacheSite.cached(\"users\", ValueType.of(String.class))\n"
                + "      .timeout(Timeout.seconds(30))");
    assertThat(c)
        .generatedSourceFile("test.SCached")
        .contentsAsUtf8String()
        .contains("bound.finishKey(bound.keyPrefix() + \"user:\" + id)");
  }

  /** Types from another package: written before they resolve, they would lack their imports. */
  @Test
  void waitsForTypesInConstructorsAndForwardedMethods() {
    JavaFileObject service =
        JavaFileObjects.forSourceLines(
            "test.S",
            "package test;",
            "import gen.Dto;",
            "import gen.DtoException;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  public S(Dto dto) throws DtoException {}",
            "  @Cached(key = \"k\")",
            "  public String m() { return \"\"; }",
            "}");
    JavaFileObject repository =
        JavaFileObjects.forSourceLines(
            "test.R",
            "package test;",
            "import gen.Dto;",
            "import io.cachegen.annotations.Cached;",
            "public interface R {",
            "  @Cached(key = \"k\")",
            "  String m();",
            "  java.util.List<Dto> all();",
            "}");
    Compilation c =
        Compiler.javac()
            .withProcessors(
                new CachingProcessor(),
                new LaterRounds()
                    .write(1, "gen.Dto", "package gen; public record Dto(String id) {}")
                    .write(
                        1,
                        "gen.DtoException",
                        "package gen; public class DtoException extends Exception {}"))
            .compile(service, repository);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c)
        .generatedSourceFile("test.SCached")
        .contentsAsUtf8String()
        .contains("SCached(Dto dto) throws DtoException");
    assertThat(c)
        .generatedSourceFile("test.RCached")
        .contentsAsUtf8String()
        .contains("public List<Dto> all()");
  }

  @Test
  void reportsConstantsThatNeverResolve() {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"k\",",
            "      timeout = Ttl.SHORT)",
            "  public String m() { return \"\"; }",
            "}");
    Compilation c = Compiler.javac().withProcessors(new CachingProcessor()).compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(2); // ours, and javac's own "cannot find symbol"
    assertThat(c)
        .hadErrorContaining(
            "[CacheGenUnresolvedValue] timeout in @Cached does not resolve to a"
                + " compile-time constant of type int")
        .inFile(src)
        .onLineContaining("timeout = Ttl.SHORT");
    assertThat(c)
        .hadErrorContaining("cannot find symbol")
        .inFile(src)
        .onLineContaining("timeout = Ttl.SHORT");
  }

  @Test
  void reportsTypesThatNeverResolve() {
    JavaFileObject src =
        JavaFileObjects.forSourceLines(
            "test.S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"k\")",
            "  public Missing m() { return null; }",
            "}");
    Compilation c = Compiler.javac().withProcessors(new CachingProcessor()).compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(2); // ours, and javac's own "cannot find symbol"
    assertThat(c)
        .hadErrorContaining("[CacheGenUnresolvedType] test.S refers to a type")
        .inFile(src)
        .onLineContaining("public class S");
    assertThat(c)
        .hadErrorContaining("cannot find symbol")
        .inFile(src)
        .onLineContaining("public Missing m()");
  }
}
