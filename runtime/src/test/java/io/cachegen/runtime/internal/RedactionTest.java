package io.cachegen.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Passwords never show in a redacted location, whatever they hold; {@code Redis*} tests check the
 * messages and log lines built from it.
 */
class RedactionTest {
  /** Passwords written unencoded, as people do: each character is one a naive pattern trips on. */
  static final String[] PASSWORDS = {
    "pa/ss-XYZ", "p@ss-XYZ", "p%ss-XYZ", "p:ss-XYZ", "a/b@c:d%e,f-XYZ", "@@-XYZ", "/-XYZ@"
  };

  @ParameterizedTest
  @ValueSource(
      strings = {
        "pa/ss-XYZ",
        "p@ss-XYZ",
        "p%ss-XYZ",
        "p:ss-XYZ",
        "a/b@c:d%e,f-XYZ",
        "@@-XYZ",
        "/-XYZ@"
      })
  void aPasswordWithUrlCharactersIsHiddenAndTheHostShown(String password) {
    for (String url :
        new String[] {
          "redis://:" + password + "@h:6379/0",
          "redis://user:" + password + "@h:6379/0",
          "rediss://" + password + "@h/0",
          "redis://:" + password + "@h:6379/0,redis://:" + password + "@replica:6380/0",
          ":" + password + "@h:6379"
        }) {
      String shown = Redaction.location(url);
      assertThat(shown).as(url).doesNotContain("XYZ").contains("****@h");
      assertThat(shown).doesNotContain("ss-").doesNotContain("-XYZ");
    }
    assertThat(Redaction.location("redis://user:" + password + "@h:6379/0"))
        .isEqualTo("redis://user:****@h:6379/0");
    assertThat(Redaction.location("redis://:" + password + "@h:6379/0,redis://r:6380/1"))
        .isEqualTo("redis://****@h:6379/0,redis://r:6380/1");
  }

  @Test
  void aPasswordAloneThatStartsWithSlashOrCommaIsNotTakenForAUserName() {
    for (String location :
        new String[] {
          "redis:///Lx9:Kq4@h:6379/0",
          "redis://,Lx9:Kq4@h:6379/0",
          "redis://L/x9:Kq4@h:6379/0",
          "redis://L,x9:Kq4@h:6379/0"
        }) {
      assertThat(Redaction.location(location))
          .as(location)
          .isEqualTo(location.substring(0, 8) + "****@h:6379/0");
    }
  }

  @Test
  void ordinaryOptionsAreShownAndSecretOnesHidden() {
    assertThat(Redaction.isSecret("password")).isTrue();
    assertThat(Redaction.isSecret("sentinel_password")).isTrue();
    assertThat(Redaction.isSecret("client_secret")).isTrue();
    assertThat(Redaction.isSecret("AUTH_TOKEN")).isTrue();
    assertThat(Redaction.isSecret("username")).isFalse();
    assertThat(Redaction.isSecret("socket_timeout")).isFalse();
    assertThat(Redaction.isSecret("client_name")).isFalse();
    CacheSettings s =
        CacheSettings.defaults("default", "redis")
            .withOption("socket_timeout", "1.5")
            .withOption("client_name", "web-1")
            .withOption("client_secret", "Sv4-secret")
            .withOption("auth_token", "Tk5-token");
    assertThat(s.toString())
        .contains("socket_timeout=1.5")
        .contains("client_name=web-1")
        .contains("client_secret=****")
        .contains("auth_token=****")
        .doesNotContain("Sv4")
        .doesNotContain("Tk5");
  }

  @Test
  void locationsWithoutUserInfoAreUnchanged() {
    assertThat(Redaction.location("redis://h:6379/0,rediss://r/1"))
        .isEqualTo("redis://h:6379/0,rediss://r/1");
    assertThat(Redaction.location("unix:///run/redis.sock?db=2"))
        .isEqualTo("unix:///run/redis.sock?db=2");
    assertThat(Redaction.location("")).isEmpty();
  }

  @Test
  void settingsToStringHidesEveryPassword() {
    for (String password : PASSWORDS) {
      CacheSettings s =
          CacheConfig.fromMap(
                  Map.of(
                      "caches.default.backend",
                      "redis",
                      "caches.default.location",
                      "redis://u:" + password + "@h:6379/0",
                      "caches.default.options.password",
                      password))
              .settings("default");
      assertThat(s.toString())
          .doesNotContain("XYZ")
          .contains("h:6379")
          .contains("options.password=****");
    }
  }
}
