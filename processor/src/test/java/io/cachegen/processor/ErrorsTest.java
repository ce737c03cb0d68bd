package io.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per compiler error: the message, where it lands, and no cascade. */
class ErrorsTest {

  private static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac().withProcessors(new CachingProcessor()).compile(sources);
  }

  private static JavaFileObject source(String name, String... lines) {
    return JavaFileObjects.forSourceLines("test." + name, lines);
  }

  private static void assertSingleError(JavaFileObject src, String message, String line) {
    Compilation c = compile(src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c).hadErrorContaining(message).inFile(src).onLineContaining(line);
  }

  @Test
  void privateMethod() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(key = \"k\")",
        "  private String m() { return \"\"; }",
        "}");
    assertSingleError(src, "[CacheGenPrivate] @Cached methods cannot be private", "@Cached");
  }

  @Test
  void staticMethod() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(key = \"k\")",
        "  public static String m() { return \"\"; }",
        "}");
    assertSingleError(src, "[CacheGenStatic] @Cached methods cannot be static", "@Cached");
  }

  @Test
  void finalMethod() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.CachePut;",
        "public class S {",
        "  @CachePut(key = \"k\")",
        "  public final String m() { return \"\"; }",
        "}");
    assertSingleError(src, "[CacheGenFinal] @CachePut methods cannot be final", "@CachePut");
  }

  @Test
  void finalClass() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public final class S {",
        "  @Cached(key = \"k\")",
        "  public String m() { return \"\"; }",
        "}");
    assertSingleError(src, "[CacheGenFinalClass] test.S is final", "public final class S");
  }

  @Test
  void privateClass() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  private static class Hidden {",
        "    @Cached(key = \"k\")",
        "    public String m() { return \"\"; }",
        "  }",
        "}");
    assertSingleError(
        src, "[CacheGenPrivateClass] test.S.Hidden is private", "private static class Hidden");
  }

  @Test
  void innerClass() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  public class Inner {",
        "    @Cached(key = \"k\")",
        "    public String m() { return \"\"; }",
        "  }",
        "}");
    assertSingleError(src, "[CacheGenInnerClass] test.S.Inner is an inner", "public class Inner");
  }

  @Test
  void noAccessibleConstructor() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  private S() {}",
        "  @Cached(key = \"k\")",
        "  public String m() { return \"\"; }",
        "}");
    assertSingleError(
        src, "[CacheGenNoConstructor] test.S has no accessible constructor", "public class S");
  }

  @Test
  void voidMethod() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(key = \"k\")",
        "  public void m() {}",
        "}");
    assertSingleError(src, "[CacheGenVoid] @Cached methods must return a value", "@Cached");
  }

  @Test
  void voidCachePut() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.CachePut;",
        "public class S {",
        "  @CachePut(key = \"k\")",
        "  public void m() {}",
        "}");
    assertSingleError(src, "[CacheGenVoid] @CachePut methods must return a value", "@CachePut");
  }

  @Test
  void unclosedBrace() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(",
        "      key = \"user:{id\")",
        "  public String m(long id) { return \"\"; }",
        "}");
    assertSingleError(
        src, "[CacheGenTemplate] bad key template \"user:{id\": unclosed '{' at position 5",
        "key = \"user:{id\"");
  }

  @Test
  void unknownParameterName() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(",
        "      key = \"user:{userId}\")",
        "  public String m(long id, String name) { return \"\"; }",
        "}");
    assertSingleError(
        src, "{userId} names no parameter of m(). Valid names: id, name", "key = \"user:{userId}\"");
  }

  @Test
  void unknownProperty() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  public record User(long id, String email) {}",
        "  @Cached(",
        "      key = \"user:{user.mail}\")",
        "  public String m(User user) { return \"\"; }",
        "}");
    assertSingleError(
        src, "has no accessible property 'mail'. Valid names: email, id",
        "key = \"user:{user.mail}\"");
  }

  @Test
  void identityKeyNeedsATemplate() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  public static class Filter {}",
        "  @Cached",
        "  public String m(Filter filter) { return \"\"; }",
        "}");
    assertSingleError(
        src, "[CacheGenUnstableKey] cannot build a stable cache key from parameter 'filter'",
        "@Cached");
  }

  @Test
  void negativeTimeout() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(key = \"k\",",
        "      timeout = -5)",
        "  public String m() { return \"\"; }",
        "}");
    assertSingleError(src, "[CacheGenTimeout] timeout = -5 is not allowed", "timeout = -5");
  }

  @Test
  void abstractMethodOfAbstractClass() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public abstract class S {",
        "  @Cached(key = \"k\")",
        "  public abstract String m();",
        "}");
    assertSingleError(src, "[CacheGenAbstract] @Cached cannot be used on an abstract method", "@Cached");
  }

  @Test
  void sameKeyTemplateDifferentTypes() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(key = \"user:{id}\")",
        "  public String name(long id) { return \"\"; }",
        "  @Cached(key = \"user:{id}\", timeout = 5)",
        "  public Integer age(long id) { return 1; }",
        "}");
    assertSingleError(
        src,
        "[CacheGenKeyConflict] S.name() and S.age() share cache alias \"default\" and key template"
            + " \"user:{id}\" but return different types (java.lang.String and java.lang.Integer)",
        "timeout = 5");
  }

  @Test
  void typeVariableReturn() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S<T> {",
        "  @Cached(key = \"k\")",
        "  public T m() { return null; }",
        "}");
    assertSingleError(src, "[CacheGenValueType] cannot cache T", "@Cached");
  }

  @Test
  void evictWithoutKey() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.CacheEvict;",
        "public class S {",
        "  @CacheEvict",
        "  public void m() {}",
        "}");
    assertSingleError(src, "[CacheGenEvictNothing]", "@CacheEvict");
  }

  @Test
  void cachedWithCachePut() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.CachePut;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(key = \"k\")",
        "  @CachePut(key = \"k\")",
        "  public String m() { return \"\"; }",
        "}");
    assertSingleError(src, "[CacheGenConflict] @Cached cannot be combined with @CachePut", "@CachePut");
  }

  @Test
  void everyErrorIsReportedInOneCompile() {
    JavaFileObject src = source("S",
        "package test;",
        "import io.cachegen.annotations.Cached;",
        "public class S {",
        "  @Cached(key = \"a\")",
        "  private String a() { return \"\"; }",
        "  @Cached(key = \"b\")",
        "  public static String b() { return \"\"; }",
        "}");
    Compilation c = compile(src);
    assertThat(c).hadErrorCount(2);
    assertThat(c).hadErrorContaining("[CacheGenPrivate]").inFile(src).onLineContaining("key = \"a\"");
    assertThat(c).hadErrorContaining("[CacheGenStatic]").inFile(src).onLineContaining("key = \"b\"");
  }
}
