package io.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.Set;
import javax.annotation.processing.AbstractProcessor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.TypeElement;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Types that mention classes another processor generates later are deferred, not rejected. */
class DeferralTest {

  /** Writes {@code test.Dto} in its first round, as a code generator of DTOs would. */
  static final class DtoProcessor extends AbstractProcessor {
    private boolean written;

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
      if (!written) {
        written = true;
        try (Writer w = processingEnv.getFiler().createSourceFile("test.Dto").openWriter()) {
          w.write("package test; public record Dto(String id) {}");
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return false;
    }
  }

  @Test
  void waitsForGeneratedTypes() {
    JavaFileObject src = JavaFileObjects.forSourceLines("test.S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(key = \"dto:{dto.id}\")",
        "  public String m(Dto dto) { return dto.id(); }",
        "}");
    Compilation c = Compiler.javac()
        .withProcessors(new CachingProcessor(), new DtoProcessor())
        .compile(src);
    assertThat(c).succeeded();
    assertThat(c).generatedSourceFile("test.SCached").contentsAsUtf8String()
        .contains("\"dto:\" + (dto == null ? KeyParts.NULL : KeyParts.string(dto.id()))");
  }

  @Test
  void reportsTypesThatNeverResolve() {
    JavaFileObject src = JavaFileObjects.forSourceLines("test.S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(key = \"k\")",
        "  public Missing m() { return null; }",
        "}");
    Compilation c = Compiler.javac().withProcessors(new CachingProcessor()).compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("[CacheGenUnresolvedType] test.S refers to a type");
  }
}
