package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMember;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import io.cachegen.runtime.internal.Internal;
import java.net.URL;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Pins cachegen-redis's public surface, read from the compiled classes, as the runtime's {@code
 * PublicApiTest} pins cachegen-runtime's: every public type of {@code io.cachegen.redis} (nested
 * ones as {@code Outer.Inner}), and that none of it is {@link Internal}. A type made public,
 * hidden, moved or marked fails here until the list below says so: change it on purpose, with
 * {@code package-info.java} and the "Public API" section of docs/ARCHITECTURE.md. The client, the
 * options, locations, payloads, compressors and circuit breakers stay package-private: they are
 * configured through settings, never in code.
 */
class RedisPublicApiTest {
  private static final String ROOT = "io.cachegen.redis";

  /** The public types: the cache, its lock and exceptions, and the provider ServiceLoader makes. */
  private static final List<String> PUBLIC_TYPES =
      List.of(
          "RedisBackendProvider",
          "RedisCache",
          "RedisConnectionException",
          "RedisLock",
          "RedisLockException",
          "RedisUnavailableException");

  private static JavaClasses redis;

  @BeforeAll
  static void importRedis() {
    // Only where the main classes are (a directory here, cachegen-redis's jar when redis-compat
    // runs this suite from the test-jar, whose classes DO_NOT_INCLUDE_TESTS cannot tell apart).
    URL main = RedisCache.class.getProtectionDomain().getCodeSource().getLocation();
    redis =
        new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(location -> location.contains(main.toString()))
            .importPackages(ROOT);
    assertThat(redis.contain(RedisCache.class)).isTrue();
  }

  @Test
  void thePublicTypesAreTheListedOnes() {
    Set<String> actual = new TreeSet<>();
    for (JavaClass type : redis) {
      if (isPublic(type)) {
        actual.add(type.getName().substring(ROOT.length() + 1).replace('$', '.'));
      }
    }
    assertThat(actual).containsExactlyInAnyOrderElementsOf(PUBLIC_TYPES);
  }

  @Test
  void nothingIsMarkedInternal() {
    Set<String> marked = new TreeSet<>();
    for (JavaClass type : redis) {
      if (type.isAnnotatedWith(Internal.class)) {
        marked.add(type.getName());
      }
      for (JavaMember member : type.getMembers()) {
        if (member.isAnnotatedWith(Internal.class)) {
          marked.add(type.getName() + "." + member.getName());
        }
      }
    }
    assertThat(marked).as("cachegen-redis exposes nothing for generated code").isEmpty();
  }

  /** Public, and nested (if at all) only in public types: reachable from any package. */
  private static boolean isPublic(JavaClass type) {
    Optional<JavaClass> t = Optional.of(type);
    while (t.isPresent()) {
      if (!t.get().getModifiers().contains(JavaModifier.PUBLIC)) {
        return false;
      }
      t = t.get().getEnclosingClass();
    }
    return true;
  }
}
