package io.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaFileObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Compiles each {@code goldens/<case>/input} and compares every generated file with {@code
 * goldens/<case>/expected/<Name>.java}, as text (so Javadoc and layout are pinned too).
 *
 * <p>To regenerate after an intended change, run with {@code CACHEGEN_GOLDEN_ROOT} set to this
 * module's {@code src/test/resources/goldens} and review the diff.
 */
class GoldenTest {
  private static final Path GOLDENS = Paths.get("src/test/resources/goldens");

  @ParameterizedTest
  @ValueSource(
      strings = {
        "constant",
        "template",
        "overloads",
        "interface",
        "nested",
        "generic",
        "records",
        "near",
        "hashtag",
        "scopes",
        "cdi"
      })
  void generatedSourceMatchesGolden(String name) throws IOException {
    Path dir = GOLDENS.resolve(name);
    List<JavaFileObject> inputs;
    try (Stream<Path> files = Files.list(dir.resolve("input"))) {
      inputs = files.sorted().map(GoldenTest::load).toList();
    }
    Compilation compilation =
        Compiler.javac()
            .withProcessors(new CachingProcessor())
            .withOptions("-Xlint:all", "-Werror", "-Xlint:-processing")
            .compile(inputs);
    assertThat(compilation).succeededWithoutWarnings();

    String root = System.getenv("CACHEGEN_GOLDEN_ROOT");
    List<JavaFileObject> generated = compilation.generatedSourceFiles();
    assertThat(generated).isNotEmpty();
    for (JavaFileObject file : generated) {
      String simple = Paths.get(file.toUri().getPath()).getFileName().toString();
      String actual = file.getCharContent(true).toString();
      if (root != null) {
        Path target = Paths.get(root, name, "expected", simple);
        Files.createDirectories(target.getParent());
        Files.writeString(target, actual, StandardCharsets.UTF_8);
        continue;
      }
      Path expected = dir.resolve("expected").resolve(simple);
      assertThat(expected).as("golden for " + simple).exists();
      assertThat(actual).isEqualTo(Files.readString(expected, StandardCharsets.UTF_8));
    }
  }

  private static JavaFileObject load(Path p) {
    try {
      return JavaFileObjects.forResource(p.toUri().toURL());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
