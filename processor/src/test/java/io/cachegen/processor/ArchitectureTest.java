package io.cachegen.processor;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the processor's shape: its packages depend on each other without cycles (names and data at
 * the bottom, the entry points at the top), only {@code writing/} makes code text with JavaPoet,
 * and main sources name other types through imports, not inline qualified names.
 */
class ArchitectureTest {
  private static final String ROOT = "io.cachegen.processor";
  private static final Path MAIN = Paths.get("src/main/java");

  /** A qualified type name: lower-case package segments, then a type. */
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(?:java|javax|com|io|org)(?:\\.[a-z_]\\w*)+\\.[A-Z]\\w*");

  private static JavaClasses processor;

  @BeforeAll
  static void importProcessor() {
    processor =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    assertThat(processor.contain(ROOT + ".CachingProcessor")).isTrue();
  }

  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    slices().assignedFrom(new ProcessorPackages()).should().beFreeOfCycles().check(processor);
  }

  @Test
  void onlyWritingUsesJavaPoet() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".writing..")
        .should()
        .dependOnClassesThat()
        .resideInAPackage("com.palantir.javapoet..")
        .check(processor);
  }

  @Test
  void theAnnotationsAreUsedOnlyForTheirInlinedConstants() {
    // The annotations jar is a compile-time (provided) dependency: a class reference would fail
    // on a processor path without it.
    noClasses()
        .should()
        .dependOnClassesThat()
        .resideInAPackage("io.cachegen.annotations..")
        .check(processor);
  }

  @Test
  void codeImportsTypesRatherThanQualifyingThem() throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(MAIN)) {
      files = walk.filter(p -> p.toString().endsWith(".java")).sorted().toList();
    }
    assertThat(files).isNotEmpty();
    for (Path file : files) {
      Matcher m = QUALIFIED.matcher(code(Files.readString(file)));
      List<String> found = new ArrayList<>();
      while (m.find()) {
        found.add(m.group());
      }
      assertThat(found).as("qualified names in the code of %s", file).isEmpty();
    }
  }

  /** Each package of the processor, the root package (the entry points) included, is a slice. */
  private static final class ProcessorPackages implements SliceAssignment {
    @Override
    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
      String pkg = javaClass.getPackageName();
      return pkg.equals(ROOT) || pkg.startsWith(ROOT + ".")
          ? SliceIdentifier.of(pkg)
          : SliceIdentifier.ignore();
    }

    @Override
    public String getDescription() {
      return "the packages of the processor";
    }
  }

  /**
   * The code of a source file: without its package and import lines and comments, with string and
   * char literals emptied.
   */
  private static String code(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith("//", i)) {
        int end = text.indexOf('\n', i);
        i = end < 0 ? text.length() : end;
      } else if (text.startsWith("/*", i)) {
        i = text.indexOf("*/", i + 2) + 2;
      } else if (c == '"' || c == '\'') {
        int end = i + 1;
        while (text.charAt(end) != c) {
          end += text.charAt(end) == '\\' ? 2 : 1;
        }
        out.append(c).append(c);
        i = end + 1;
      } else {
        out.append(c);
        i++;
      }
    }
    return out.toString().replaceAll("(?m)^(package|import) [^;]*;", "");
  }
}
