package io.cachegen.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;

import com.google.common.truth.Truth;
import com.google.testing.compile.Compilation;
import com.google.testing.compile.Compiler;
import com.google.testing.compile.JavaFileObjects;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.Filer;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** One test per compiler error: the message, where it lands, and no cascade. */
class ErrorsTest {

  /** Compiles with both processors, as the processor jar registers them. */
  private static Compilation compile(JavaFileObject... sources) {
    return Compiler.javac()
        .withProcessors(new CachingProcessor(), new LocalClassProcessor())
        .compile(sources);
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(",
            "      key = \"user:{id\")",
            "  public String m(long id) { return \"\"; }",
            "}");
    assertSingleError(
        src,
        "[CacheGenTemplate] bad key template \"user:{id\": unclosed '{' at position 5",
        "key = \"user:{id\"");
  }

  @Test
  void keyUsingNoParameterIsAnError() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(",
            "      key = \"user\")",
            "  public String user(long id) { return \"\"; }",
            "}");
    assertSingleError(
        src,
        "[CacheGenConstantKey] key template \"user\" uses no parameter of user(long),"
            + " so every call shares one cache entry. Name the parameters in placeholders, e.g."
            + " key = \"user:{id}\", or write constantKey = true if"
            + " one entry for all arguments is what you want",
        "key = \"user\"");
  }

  @Test
  void keyUsingNoParameterOnCachePutIsAnError() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CachePut;",
            "public class S {",
            "  @CachePut(",
            "      key = \"config\")",
            "  public String save(String name, int version) { return \"\"; }",
            "}");
    assertSingleError(
        src,
        "[CacheGenConstantKey] key template \"config\" uses no parameter of save(String,int),"
            + " so every call shares one cache entry. Name the parameters in placeholders, e.g."
            + " key = \"config:{name}:{version}\"",
        "key = \"config\"");
  }

  @Test
  void constantKeyTrueAllowsAKeyUsingNoParameter() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CacheEvict;",
            "import io.cachegen.annotations.CachePut;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"config\", constantKey = true)",
            "  public String config(String ignored) { return \"\"; }",
            "  @CachePut(key = \"config\", constantKey = true)",
            "  public String reload(String reason) { return \"\"; }",
            "  @CacheEvict(key = \"config\")", // a constant evict key is normal: no attribute
            // needed
            "  public void forget(String reason) {}",
            "  @Cached(key = \"all\")", // no parameters: constant anyway
            "  public String all() { return \"\"; }",
            "}");
    assertThat(compile(src)).succeededWithoutWarnings();
  }

  @Test
  void constantKeyTrueWithPlaceholdersIsAnError() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"user:{id}\",",
            "      constantKey = true)",
            "  public String user(long id) { return \"\"; }",
            "}");
    assertSingleError(
        src,
        "[CacheGenNotConstant] constantKey = true, but key template \"user:{id}\" uses the"
            + " arguments of user(long), so calls with different arguments get different entries."
            + " Remove constantKey = true, or write a key without placeholders",
        "constantKey = true");
  }

  @Test
  void constantKeyTrueWithTheDefaultKeyIsAnError() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(constantKey = true)",
            "  public String user(long id) { return \"\"; }",
            "}");
    assertSingleError(
        src,
        "[CacheGenNotConstant] constantKey = true, but the default key uses the arguments of"
            + " user(long)",
        "constantKey = true");
  }

  @Test
  void cachedInALocalClass() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  public Object make() {",
            "    class Local {",
            "      @Cached(key = \"k\")",
            "      public String m() { return \"\"; }",
            "    }",
            "    return new Local();",
            "  }",
            "}");
    assertSingleError(
        src,
        "[CacheGenLocalClass] @Cached in local class Local has no effect: annotation"
            + " processors cannot see local and anonymous classes, so no caching subclass is"
            + " generated. Move the method into a top-level or static nested class",
        "@Cached");
  }

  @Test
  void cacheEvictInAnAnonymousClassInAFieldInitializer() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "public class S {",
            "  final Runnable r = new Runnable() {",
            "    @io.cachegen.annotations.CacheEvict(allEntries = true)",
            "    public void run() {}",
            "  };",
            "}");
    assertSingleError(
        src,
        "[CacheGenLocalClass] @CacheEvict in an anonymous class has no effect",
        "@io.cachegen.annotations.CacheEvict");
  }

  @Test
  void cachePutInAClassNestedInALocalClassInALambda() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.*;",
            "import java.util.function.Supplier;",
            "public class S {",
            "  static { Supplier<Object> s = () -> {",
            "    class Local {",
            "      static class Deep {",
            "        @CachePut(key = \"k\") public String m() { return \"\"; }",
            "      }",
            "    }",
            "    return new Local();",
            "  }; }",
            "}");
    assertSingleError(
        src, "[CacheGenLocalClass] @CachePut in local class Deep has no effect", "@CachePut");
  }

  @Test
  void localClassWithOtherAnnotationsNamedLikeOursIsIgnored() {
    JavaFileObject other =
        JavaFileObjects.forSourceLines(
            "other.Cached", "package other;", "public @interface Cached {}");
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import other.Cached;",
            "public class S {",
            "  public Object make() {",
            "    return new Object() {",
            "      @Cached public String m() { return \"\"; }",
            "    };",
            "  }",
            "}");
    assertThat(compile(other, src)).succeededWithoutWarnings();
  }

  @Test
  void unknownParameterName() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(",
            "      key = \"user:{userId}\")",
            "  public String m(long id, String name) { return \"\"; }",
            "}");
    assertSingleError(
        src,
        "{userId} names no parameter of m(). Valid names: id, name",
        "key = \"user:{userId}\"");
  }

  @Test
  void unknownProperty() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  public record User(long id, String email) {}",
            "  @Cached(",
            "      key = \"user:{user.mail}\")",
            "  public String m(User user) { return \"\"; }",
            "}");
    assertSingleError(
        src,
        "has no accessible property 'mail'. Valid names: email, id",
        "key = \"user:{user.mail}\"");
  }

  @Test
  void identityKeyNeedsATemplate() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  public static class Filter {}",
            "  @Cached",
            "  public String m(Filter filter) { return \"\"; }",
            "}");
    assertSingleError(
        src,
        "[CacheGenUnstableKey] cannot build a stable cache key from parameter 'filter'",
        "@Cached");
  }

  @Test
  void identityKeySuggestsAStableProperty() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  public static class Owner {}",
            "  public static class Filter {",
            "    public Owner getOwner() { return null; }",
            "    public String getName() { return \"\"; }",
            "  }",
            "  @Cached",
            "  public String m(Filter filter) { return \"\"; }",
            "}");
    assertSingleError(src, "e.g. key = \"...{filter.name}\"", "@Cached");
  }

  @Test
  void negativeTimeout() {
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public abstract class S {",
            "  @Cached(key = \"k\")",
            "  public abstract String m();",
            "}");
    assertSingleError(
        src, "[CacheGenAbstract] @Cached cannot be used on an abstract method", "@Cached");
  }

  @Test
  void sameKeyTemplateDifferentTypes() {
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
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
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CachePut;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"k\")",
            "  @CachePut(key = \"k\")",
            "  public String m() { return \"\"; }",
            "}");
    assertSingleError(
        src, "[CacheGenConflict] @Cached cannot be combined with @CachePut", "@CachePut");
  }

  @Test
  void everyErrorIsReportedInOneCompile() {
    JavaFileObject src =
        source(
            "S",
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
    assertThat(c)
        .hadErrorContaining("[CacheGenPrivate]")
        .inFile(src)
        .onLineContaining("key = \"a\"");
    assertThat(c)
        .hadErrorContaining("[CacheGenStatic]")
        .inFile(src)
        .onLineContaining("key = \"b\"");
  }

  @Test
  void recordIsFinal() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public record S(String v) {",
            "  @Cached(key = \"k\")",
            "  public String m() { return v; }",
            "}");
    assertSingleError(
        src, "[CacheGenFinalClass] test.S is final (or a record or enum)", "public record S");
  }

  @Test
  void enumIsFinal() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public enum S {",
            "  A;",
            "  @Cached(key = \"k\")",
            "  public String m() { return name(); }",
            "}");
    assertSingleError(
        src, "[CacheGenFinalClass] test.S is final (or a record or enum)", "public enum S");
  }

  @Test
  void sealedClass() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public sealed class S permits S.Sub {",
            "  @Cached(key = \"k\")",
            "  public String m() { return \"\"; }",
            "  public static final class Sub extends S {}",
            "}");
    assertSingleError(
        src,
        "[CacheGenSealed] test.S is sealed, so the generated SCached cannot extend it",
        "public sealed class S");
  }

  @Test
  void sealedInterface() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public sealed interface S permits S.Impl {",
            "  @Cached(key = \"k\")",
            "  String m();",
            "  final class Impl implements S { public String m() { return \"\"; } }",
            "}");
    assertSingleError(
        src,
        "[CacheGenSealed] test.S is sealed, so the generated SCached cannot implement it",
        "public sealed interface S");
  }

  @Test
  void nonSealedSubclassOfASealedTypeIsFine() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public sealed interface S permits S.Impl {",
            "  String m();",
            "  non-sealed class Impl implements S {",
            "    @Cached(key = \"k\")",
            "    public String m() { return \"\"; }",
            "  }",
            "}");
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.S_ImplCached");
  }

  @Test
  void emptyAlias() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"k\",",
            "      cache = \"\")",
            "  public String m() { return \"\"; }",
            "}");
    assertSingleError(src, "[CacheGenAlias] cache alias must not be empty", "cache = \"\"");
  }

  @Test
  void blankAliasOnCacheEvict() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CacheEvict;",
            "public class S {",
            "  @CacheEvict(key = \"k\",",
            "      cache = \" \")",
            "  public void m() {}",
            "}");
    assertSingleError(src, "[CacheGenAlias] cache alias must not be empty", "cache = \" \"");
  }

  @Test
  void negativeTimeoutOnCachePut() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CachePut;",
            "public class S {",
            "  @CachePut(key = \"k\",",
            "      timeout = -3)",
            "  public String m() { return \"\"; }",
            "}");
    assertSingleError(src, "[CacheGenTimeout] timeout = -3 is not allowed", "timeout = -3");
  }

  @Test
  void unknownNameInCacheEvictTemplate() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CacheEvict;",
            "public class S {",
            "  @CacheEvict(key = {\"a:{id}\",",
            "      \"b:{userId}\"})",
            "  public void m(long id) {}",
            "}");
    assertSingleError(src, "{userId} names no parameter of m(). Valid names: id", "b:{userId}");
  }

  @Test
  void badSyntaxInCacheEvictTemplate() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CacheEvict;",
            "public class S {",
            "  @CacheEvict(",
            "      key = \"user:{id\")",
            "  public void m(long id) {}",
            "}");
    assertSingleError(
        src, "[CacheGenTemplate] bad key template \"user:{id\"", "key = \"user:{id\"");
  }

  @Test
  void rawOptional() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "import java.util.Optional;",
            "public class S {",
            "  @SuppressWarnings(\"rawtypes\")",
            "  @Cached(key = \"k\")",
            "  public Optional m() { return Optional.empty(); }",
            "}");
    assertSingleError(
        src,
        "[CacheGenValueType] cannot cache java.util.Optional: a raw Optional, CompletableFuture"
            + " or CompletionStage has no element type",
        "@Cached");
  }

  @Test
  void rawCompletionStage() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "import java.util.concurrent.CompletableFuture;",
            "import java.util.concurrent.CompletionStage;",
            "public class S {",
            "  @SuppressWarnings(\"rawtypes\")",
            "  @Cached(key = \"k\")",
            "  public CompletionStage m() { return CompletableFuture.completedFuture(1); }",
            "}");
    assertSingleError(src, "has no element type to read the value back as", "@Cached");
  }

  @Test
  void wildcardFuture() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "import java.util.concurrent.CompletableFuture;",
            "public class S {",
            "  @Cached(key = \"k\")",
            "  public CompletableFuture<?> m() { return CompletableFuture.completedFuture(1); }",
            "}");
    assertSingleError(
        src,
        "[CacheGenValueType] cannot cache java.util.concurrent.CompletableFuture<?>: a wildcard"
            + " element type",
        "@Cached");
  }

  @Test
  void objectCannotBeReadBack() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"k\")",
            "  public Object m() { return \"\"; }",
            "}");
    assertSingleError(
        src,
        "[CacheGenValueType] cannot cache java.lang.Object: cached values are read back as the"
            + " declared type",
        "@Cached");
  }

  @Test
  void interfaceCannotBeReadBack() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  public interface Shape { double area(); }",
            "  @Cached(key = \"k\")",
            "  public Shape m() { return () -> 1; }",
            "}");
    assertSingleError(
        src,
        "and the interface test.S.Shape gives the codec no class to create, so every read would"
            + " miss. Declare a concrete class or a record",
        "@Cached");
  }

  @Test
  void abstractClassInsideACollectionCannotBeReadBack() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CachePut;",
            "import java.util.List;",
            "import java.util.Map;",
            "public class S {",
            "  public abstract static class Shape {}",
            "  @CachePut(key = \"k\")",
            "  public Map<String, List<Shape>> m() { return Map.of(); }",
            "}");
    assertSingleError(
        src, "the abstract class test.S.Shape gives the codec no class to create", "@CachePut");
  }

  @Test
  void unboundedWildcardArgumentCannotBeReadBack() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "import java.util.List;",
            "public class S {",
            "  @Cached(key = \"k\")",
            "  public List<?> m() { return List.of(); }",
            "}");
    assertSingleError(src, "the wildcard type argument in ? (read back as Object)", "@Cached");
  }

  @Test
  void collectionInterfacesAndJacksonPolymorphicTypesAreReadable() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import com.fasterxml.jackson.annotation.JsonSubTypes;",
            "import com.fasterxml.jackson.annotation.JsonTypeInfo;",
            "import io.cachegen.annotations.Cached;",
            "import java.util.Collection;",
            "import java.util.List;",
            "import java.util.Map;",
            "import java.util.Optional;",
            "import java.util.Set;",
            "import java.util.SortedMap;",
            "import java.util.concurrent.CompletionStage;",
            "public class S {",
            "  @JsonTypeInfo(use = JsonTypeInfo.Id.NAME)",
            "  @JsonSubTypes(@JsonSubTypes.Type(Circle.class))",
            "  public interface Shape {}",
            "  public record Circle(double r) implements Shape {}",
            "  @Cached(key = \"a\") public Map<String, List<Circle>> a() { return null; }",
            "  @Cached(key = \"b\") public Collection<Set<String>> b() { return null; }",
            "  @Cached(key = \"c\") public Optional<SortedMap<String, Long>> c() { return null; }",
            "  @Cached(key = \"d\") public List<? extends Shape> d() { return null; }",
            "  @Cached(key = \"e\") public CompletionStage<Circle[]> e() { return null; }",
            "  @Cached(key = \"f\") public Number f() { return null; }",
            "}");
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
    assertThat(c).generatedSourceFile("test.SCached");
  }

  @Test
  void helperNameClashesWithAMethodOfTheClass() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CacheEvict;",
            "import io.cachegen.annotations.Cached;",
            "import java.util.List;",
            "public class S {",
            "  @Cached(key = \"data\")",
            "  public List<String> data() { return List.of(); }",
            "  @CacheEvict(key = \"data\")",
            "  public void evictData() {}",
            "}");
    assertSingleError(
        src,
        "[CacheGenHelperName] the generated SCached adds helper methods keyForData() and"
            + " evictData() for this method, but S.evictData() has the same signature",
        "@Cached(key = \"data\")");
  }

  @Test
  void helperNameClashesWithAnInheritedMethodOfAGenericClass() {
    JavaFileObject base =
        source(
            "Base",
            "package test;",
            "public class Base<K> {",
            "  public String keyForFind(K id) { return \"mine\"; }",
            "}");
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S<T> extends Base<String> {",
            "  @Cached(key = \"find:{id}\")",
            "  public String find(String id) { return id; }",
            "}");
    Compilation c = compile(base, src);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "adds helper methods keyForFind(java.lang.String) and"
                + " evictFind(java.lang.String) for this method, but Base.keyForFind() has the same"
                + " signature")
        .inFile(src)
        .onLineContaining("@Cached");
  }

  @Test
  void helpersOfTwoMethodsClash() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"a\")",
            "  public String forX() { return \"\"; }",
            "  @Cached(key = \"b\")",
            "  public String ForX() { return \"\"; }",
            "}");
    assertSingleError(
        src, "but the helper generated for S.forX() has the same signature", "key = \"b\"");
  }

  @Test
  void helperNameWithOtherParametersIsAnOverload() {
    JavaFileObject src =
        source(
            "S",
            "package test;",
            "import io.cachegen.annotations.CacheEvict;",
            "import io.cachegen.annotations.Cached;",
            "public class S {",
            "  @Cached(key = \"data\")",
            "  public String data() { return \"\"; }",
            "  @CacheEvict(key = \"data:{reason}\")",
            "  public void evictData(String reason) {}",
            "}");
    Compilation c = compile(src);
    assertThat(c).succeededWithoutWarnings();
  }

  /** A bug in the processor for one type is an error on that type; the other types go on. */
  @Test
  void internalErrorIsPinnedToItsTypeAndOthersAreGenerated() {
    JavaFileObject broken =
        source(
            "Broken",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class Broken {",
            "  @Cached(key = \"k\")",
            "  public String m() { return \"\"; }",
            "}");
    JavaFileObject ok =
        source(
            "Ok",
            "package test;",
            "import io.cachegen.annotations.Cached;",
            "public class Ok {",
            "  @Cached(key = \"k\")",
            "  public String m() { return \"\"; }",
            "}");
    FailingOn processor = new FailingOn("test.Broken", new CachingProcessor());
    Compilation c = Compiler.javac().withProcessors(processor).compile(broken, ok);
    assertThat(c).failed();
    assertThat(c).hadErrorCount(1);
    assertThat(c)
        .hadErrorContaining(
            "[CacheGenInternal] internal error in the cachegen processor while"
                + " processing test.Broken, so no caching subclass was generated for it:"
                + " java.lang.IllegalStateException: injected failure. This is a bug in cachegen:"
                + " please report it")
        .inFile(broken)
        .onLineContaining("public class Broken");
    assertThat(c).hadErrorContaining("\tat ");
    Truth.assertThat(processor.created).containsExactly("test.OkCached");
  }

  /**
   * Runs {@code delegate} with {@link Elements#getAllMembers} failing for one type, standing in for
   * a bug in the processor, and records the source files it creates.
   */
  private static final class FailingOn implements Processor {
    final List<String> created = new ArrayList<>();
    private final String failing;
    private final Processor delegate;

    FailingOn(String failing, Processor delegate) {
      this.failing = failing;
      this.delegate = delegate;
    }

    @Override
    public void init(ProcessingEnvironment env) {
      Elements real = env.getElementUtils();
      Elements elements =
          (Elements)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {Elements.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("getAllMembers")
                        && ((TypeElement) args[0]).getQualifiedName().contentEquals(failing)) {
                      throw new IllegalStateException("injected failure");
                    }
                    try {
                      return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  });
      delegate.init(
          (ProcessingEnvironment)
              Proxy.newProxyInstance(
                  getClass().getClassLoader(),
                  new Class<?>[] {ProcessingEnvironment.class},
                  (proxy, method, args) -> {
                    if (method.getName().equals("getElementUtils")) {
                      return elements;
                    }
                    if (method.getName().equals("getFiler")) {
                      return filer(env.getFiler());
                    }
                    try {
                      return method.invoke(env, args);
                    } catch (InvocationTargetException e) {
                      throw e.getCause();
                    }
                  }));
    }

    private Filer filer(Filer real) {
      return (Filer)
          Proxy.newProxyInstance(
              getClass().getClassLoader(),
              new Class<?>[] {Filer.class},
              (proxy, method, args) -> {
                if (method.getName().equals("createSourceFile")) {
                  created.add(args[0].toString());
                }
                try {
                  return method.invoke(real, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
    }

    @Override
    public Set<String> getSupportedOptions() {
      return delegate.getSupportedOptions();
    }

    @Override
    public Set<String> getSupportedAnnotationTypes() {
      return delegate.getSupportedAnnotationTypes();
    }

    @Override
    public SourceVersion getSupportedSourceVersion() {
      return delegate.getSupportedSourceVersion();
    }

    @Override
    public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
      return delegate.process(annotations, round);
    }

    @Override
    public Iterable<? extends Completion> getCompletions(
        Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
      return delegate.getCompletions(element, annotation, member, userText);
    }
  }
}
