package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cachegen.runtime.internal.Internal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins the runtime's public surface (cachegen-runtime's; cachegen-redis has its own
 * RedisPublicApiTest), read from the compiled classes: every public type by package (nested ones as
 * {@code Outer.Inner}), and which of them, and which public members of the others, are {@link
 * Internal}. A type made public, hidden, moved or (un)marked fails here until the lists below say
 * so: change them on purpose, with the package's {@code package-info.java} and the "Public API"
 * section of docs/ARCHITECTURE.md.
 */
class PublicApiTest {
  private static final String ROOT = "io.cachegen.runtime";
  private static final String MARK = " @Internal";

  /**
   * The public types, by package relative to {@code io.cachegen.runtime}; {@code @Internal} where
   * the type, or the type it is nested in, carries the annotation.
   */
  private static final List<String> PUBLIC_TYPES =
      List.of(
          // The API a user holds in their head (see package-info.java).
          "BaseCache",
          "CacheCodec",
          "CacheConfig",
          "CacheConfig.Layers",
          "CacheConfigurationException",
          "CacheConnectionException",
          "CacheException",
          "CacheHandler",
          "CacheHandler.Builder",
          "CacheKeyNotFoundException",
          "CacheSettings",
          "CacheStats",
          "CacheValueException",
          "Caches",
          "CachingWrapper",
          "EvictionScheduler",
          "KeyFunction",
          "Ticker",
          "Timeout",
          "ValueType",
          // The built-in codecs; Codecs is the handler's lookup by name.
          "codec.Codecs" + MARK,
          "codec.JacksonCodec",
          // The built-in backends: the cache and its provider (ServiceLoader needs it public). The
          // Redis backend is cachegen-redis, pinned by its own RedisPublicApiTest.
          "dummy.DummyBackendProvider",
          "dummy.DummyCache",
          "locmem.LocMemBackendProvider",
          "locmem.LocMemCache",
          // The SPI for backend authors.
          "spi.AbstractCache",
          "spi.BackendContext",
          "spi.CacheBackendProvider",
          "spi.CacheBackendProvider.Prepared",
          "spi.CacheMetrics",
          "spi.CacheMetrics.Counters",
          "spi.DistributedLocking",
          "spi.DistributedLocking.Lease",
          "spi.FailureLog",
          "spi.FailureLog.Category",
          "spi.KeyFunctionProvider",
          "spi.SetMode",
          "spi.ValueHeader",
          // Not API: for generated code and the runtime's other packages.
          "internal.CacheSite" + MARK,
          "internal.CacheSite.AsyncLoader" + MARK,
          "internal.CacheSite.Bound" + MARK,
          "internal.CacheSite.Loader" + MARK,
          "internal.HandlerClosed" + MARK,
          "internal.Internal", // the marker itself is documented for users
          "internal.KeyMemo" + MARK,
          "internal.KeyParts" + MARK,
          "internal.KeyParts.Form" + MARK,
          "internal.LocationUrls" + MARK,
          "internal.LocationUrls.Url" + MARK,
          "internal.Redaction" + MARK,
          "internal.SingleFlight" + MARK,
          "internal.SiteOptions" + MARK,
          "internal.SingleFlight.Computation" + MARK,
          "internal.SiteBindings" + MARK);

  /**
   * Public members of types that are not internal themselves which only generated code or another
   * runtime package may call.
   */
  private static final List<String> INTERNAL_MEMBERS =
      List.of(
          "BaseCache.MISS",
          "BaseCache.lookup",
          "BaseCache.lookupBypassingNear",
          "BaseCache.peek",
          "BaseCache.peekBypassingNear",
          "BaseCache.remove",
          "BaseCache.store",
          "CacheHandler.siteBindings",
          "KeyFunction.defaultKeyGlob",
          "KeyFunction.defaultPrefix",
          "ValueType.keepPrepared",
          "ValueType.preparedBy",
          "spi.AbstractCache.dispose",
          "spi.AbstractCache.lookup",
          "spi.AbstractCache.lookupBypassingNear",
          "spi.AbstractCache.peek",
          "spi.AbstractCache.peekBypassingNear",
          "spi.AbstractCache.remove",
          "spi.AbstractCache.store",
          "spi.AbstractCache.usesDefaultKeyFunction");

  /**
   * Types of {@code internal/} that are edited on another branch and get their {@code @Internal}
   * when it is merged; then empty this set and add {@code + MARK} to their lines above.
   */
  private static final Set<String> NOT_YET_MARKED = Set.of();

  private static JavaClasses runtime;

  @BeforeAll
  static void importRuntime() {
    runtime =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages(ROOT);
    assertThat(runtime.contain(Caches.class)).isTrue();
  }

  @Test
  void thePublicTypesAreTheListedOnes() {
    Set<String> actual = new TreeSet<>();
    for (JavaClass type : runtime) {
      if (isPublic(type)) {
        actual.add(name(type) + (isInternal(type) ? MARK : ""));
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES);
  }

  @Test
  void theInternalMembersOfOtherTypesAreTheListedOnes() {
    Set<String> actual = new TreeSet<>();
    for (JavaClass type : runtime) {
      if (isPublic(type) && !isInternal(type)) {
        for (JavaMember member : type.getMembers()) {
          if (member.isAnnotatedWith(Internal.class)) {
            actual.add(name(type) + "." + member.getName());
          }
        }
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(INTERNAL_MEMBERS);
  }

  @Test
  void everyPublicTypeOfInternalIsMarked() {
    Set<String> unmarked = new TreeSet<>();
    Set<String> markedAlready = new TreeSet<>();
    for (JavaClass type : runtime) {
      if (!type.getPackageName().equals(ROOT + ".internal")
          || !isPublic(type)
          || type.isNestedClass()
          || type.isEquivalentTo(Internal.class)) {
        continue;
      }
      boolean pending = NOT_YET_MARKED.contains(name(type));
      if (!isInternal(type) && !pending) {
        unmarked.add(name(type));
      } else if (isInternal(type) && pending) {
        markedAlready.add(name(type));
      }
    }
    assertThat(unmarked).as("public types of internal/ without @Internal").isEmpty();
    assertThat(markedAlready).as("marked now: remove them from NOT_YET_MARKED").isEmpty();
  }

  /** Public, and nested (if at all) only in public types: reachable from any package. */
  private static boolean isPublic(JavaClass type) {
    return selfAndEnclosing(type).stream()
        .allMatch(t -> t.getModifiers().contains(JavaModifier.PUBLIC));
  }

  /** Annotated, or nested in an annotated type. */
  private static boolean isInternal(JavaClass type) {
    return selfAndEnclosing(type).stream().anyMatch(t -> t.isAnnotatedWith(Internal.class));
  }

  private static List<JavaClass> selfAndEnclosing(JavaClass type) {
    List<JavaClass> chain = new ArrayList<>();
    Optional<JavaClass> t = Optional.of(type);
    while (t.isPresent()) {
      chain.add(t.get());
      t = t.get().getEnclosingClass();
    }
    return chain;
  }

  /** {@code locmem.LocMemCache}, {@code CacheHandler.Builder}. */
  private static String name(JavaClass type) {
    return type.getName().substring(ROOT.length() + 1).replace('$', '.');
  }
}
