package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keeps the processor's shape, read from its main sources: its packages depend on each other
 * without cycles (names and data at the bottom, the entry points at the top), only {@code
 * writing/} makes code text with JavaPoet, and code names other types through imports, not
 * inline qualified names.
 */
class ArchitectureTest {
  private static final Path MAIN = Paths.get("src/main/java");
  private static final String ROOT = "io.cachegen.processor";
  private static final String WRITING = ROOT + ".writing";
  private static final String JAVAPOET = "com.palantir.javapoet";
  private static final Pattern PACKAGE = Pattern.compile("(?m)^package ([\\w.]+);");
  private static final Pattern IMPORT = Pattern.compile("(?m)^import (?:static )?([\\w.]+)[\\w.*]*;");
  /** A qualified name in code: lower-case package segments, then a type. */
  private static final Pattern QUALIFIED =
      Pattern.compile("\\b(?:java|javax|com|io|org)(?:\\.[a-z_][\\w]*)+\\.[A-Z]\\w*");

  private record Source(Path path, String packageName, List<String> imports, String code) {}

  private static List<Source> sources;

  @BeforeAll
  static void read() throws IOException {
    try (Stream<Path> files = Files.walk(MAIN)) {
      sources = files.filter(p -> p.toString().endsWith(".java")).sorted()
          .map(ArchitectureTest::source).toList();
    }
    assertThat(sources).extracting(Source::packageName).contains(ROOT, WRITING);
  }

  @Test
  void packagesDependOnEachOtherWithoutCycles() {
    Map<String, Set<String>> uses = new TreeMap<>();
    for (Source s : sources) {
      Set<String> targets = uses.computeIfAbsent(s.packageName(), k -> new TreeSet<>());
      for (String imported : s.imports()) {
        String target = processorPackageOf(imported);
        if (target != null && !target.equals(s.packageName())) {
          targets.add(target);
        }
      }
    }
    for (String start : uses.keySet()) {
      List<String> cycle = cycleFrom(start, start, uses, new ArrayList<>(List.of(start)));
      assertThat(cycle).as("package cycle (dependencies: %s)", uses).isNull();
    }
  }

  @Test
  void onlyWritingUsesJavaPoet() {
    for (Source s : sources) {
      boolean usesJavaPoet = s.imports().stream().anyMatch(i -> i.startsWith(JAVAPOET))
          || s.code().contains(JAVAPOET);
      if (!s.packageName().equals(WRITING)) {
        assertThat(usesJavaPoet).as("%s uses JavaPoet outside writing/", s.path()).isFalse();
      }
    }
  }

  @Test
  void codeImportsTypesRatherThanQualifyingThem() {
    for (Source s : sources) {
      Matcher m = QUALIFIED.matcher(s.code());
      List<String> found = new ArrayList<>();
      while (m.find()) {
        found.add(m.group());
      }
      assertThat(found).as("qualified names in the code of %s", s.path()).isEmpty();
    }
  }

  /** The processor package that {@code imported} (a type or static member) belongs to. */
  private static String processorPackageOf(String imported) {
    if (!imported.startsWith(ROOT + ".")) {
      return null;
    }
    String[] parts = imported.substring(ROOT.length() + 1).split("\\.");
    return Character.isUpperCase(parts[0].charAt(0)) ? ROOT : ROOT + "." + parts[0];
  }

  /** A path from {@code at} back to {@code start} through {@code uses}, or {@code null}. */
  private static List<String> cycleFrom(
      String start, String at, Map<String, Set<String>> uses, List<String> path) {
    for (String next : uses.getOrDefault(at, Set.of())) {
      if (next.equals(start)) {
        List<String> cycle = new ArrayList<>(path);
        cycle.add(start);
        return cycle;
      }
      if (!path.contains(next)) {
        path.add(next);
        List<String> cycle = cycleFrom(start, next, uses, path);
        if (cycle != null) {
          return cycle;
        }
        path.remove(path.size() - 1);
      }
    }
    return null;
  }

  private static Source source(Path path) {
    String text;
    try {
      text = Files.readString(path);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Matcher pkg = PACKAGE.matcher(text);
    assertThat(pkg.find()).as("package of %s", path).isTrue();
    List<String> imports = new ArrayList<>();
    Matcher imp = IMPORT.matcher(text);
    while (imp.find()) {
      imports.add(imp.group(1));
    }
    String code = PACKAGE.matcher(IMPORT.matcher(withoutCommentsAndLiterals(text)).replaceAll(""))
        .replaceAll("");
    return new Source(path, pkg.group(1), imports, code);
  }

  /** {@code text} with comments removed and string and char literals emptied. */
  private static String withoutCommentsAndLiterals(String text) {
    StringBuilder out = new StringBuilder();
    int i = 0;
    while (i < text.length()) {
      char c = text.charAt(i);
      if (text.startsWith("//", i)) {
        i = text.indexOf('\n', i) < 0 ? text.length() : text.indexOf('\n', i);
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
    return out.toString();
  }
}
