package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import org.junit.jupiter.api.Test;

/** Django's default key format, as {@link KeyFunction} defines it for every part that uses it. */
class KeyFunctionTest {
  @Test
  void theDefaultMakesPrefixVersionKey() {
    assertThat(KeyFunction.DEFAULT.makeKey("user:42", "web", 3)).isEqualTo("web:3:user:42");
    assertThat(KeyFunction.DEFAULT.makeKey("k", "", -1)).isEqualTo(":-1:k");
  }

  @Test
  void everyDefaultKeyIsItsPrefixFollowedByTheKeyAsIs() {
    for (String prefix : new String[] {"", "web", "a:b", "p\\*"}) {
      for (int version : new int[] {Integer.MIN_VALUE, -1, 0, 1, 42, Integer.MAX_VALUE}) {
        for (String key : new String[] {"", "k", "user:42", ":"}) {
          assertThat(KeyFunction.DEFAULT.makeKey(key, prefix, version))
              .isEqualTo(KeyFunction.defaultPrefix(prefix, version) + key);
        }
      }
    }
  }

  @Test
  void theGlobMatchesEveryVersionOfItsPrefixAndNoLongerPrefix() {
    PathMatcher web = glob(KeyFunction.defaultKeyGlob("web"));
    for (int version : new int[] {Integer.MIN_VALUE, -1, 0, 1, 42, Integer.MAX_VALUE}) {
      assertThat(web.matches(Path.of(KeyFunction.DEFAULT.makeKey("user:42", "web", version))))
          .isTrue();
      assertThat(web.matches(Path.of(KeyFunction.DEFAULT.makeKey("k", "web:sessions", version))))
          .isFalse();
    }
    assertThat(web.matches(Path.of(KeyFunction.DEFAULT.makeKey("k", "webs", 1)))).isFalse();
  }

  /** Redis's SCAN MATCH glob, for keys without '/' (which file globs treat specially). */
  private static PathMatcher glob(String pattern) {
    return FileSystems.getDefault().getPathMatcher("glob:" + pattern);
  }
}
