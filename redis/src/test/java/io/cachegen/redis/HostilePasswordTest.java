package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.LogCapture;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractStringAssert;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Passwords written into a location unencoded, holding every character a URL parser trips on: each
 * parses to itself, and no part of one shows in a message, a log line or a {@code toString},
 * whether the location parses, fails to parse or is refused by a real server.
 */
@Tag("redis")
class HostilePasswordTest {
  /**
   * Each holds alphanumeric fragments of three or more characters (Kw3, Zq9Le, ...) that must never
   * appear in output, around the characters that break naive parsing.
   */
  static final List<String> PASSWORDS =
      List.of(
          "Zq9Le?akF1",
          "Jh4#frag",
          "Pw7@Lx8",
          "Sl5/Dd6",
          "Sc2://Ab3",
          "Pc1%zzQ9",
          "Cm4,Xv5",
          "Cl6:Yb7",
          "Sp8 Wq9",
          "Üñï7çødé✓",
          "/Ls3",
          ",Lc4",
          "Tq5?db=1",
          "Mx6@h:1/0?x=Hp7#Fr8",
          "Ws9 ://@,%#?Gz1",
          "Pl0+Jm2");

  private static final String RIGHT = "Ok3?#@/:,% Éq4";

  private static RedisFixture.Server server;

  @BeforeAll
  static void start() {
    server = RedisFixture.startPrivate("--requirepass", RIGHT);
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  /** The locations a user might write {@code password} into, at host {@code host}. */
  private static List<String> locations(String password, String host) {
    List<String> out =
        new ArrayList<>(
            List.of(
                "redis://:" + password + "@" + host + "/0",
                "redis://alice:" + password + "@" + host + "/0",
                "redis://:" + password + "@" + host + "/0,redis://:" + password + "@" + host + "/0",
                "rediss://:" + password + "@" + host + "?db=2"));
    if (password.indexOf(':') < 0) {
      out.add(
          "redis://" + password + "@" + host + "/0"); // the password alone, as redis-py reads it
    }
    return out;
  }

  @Test
  void eachParsesToItselfAndIsShownNowhere() {
    for (String password : PASSWORDS) {
      for (String location : locations(password, "h:6379")) {
        List<RedisLocation> all = RedisLocation.parseAll(location, "caches.default.location");
        RedisLocation first = all.get(0);
        assertThat(first.password()).as(location).isEqualTo(password);
        assertThat(first.host()).as(location).isEqualTo("h");
        assertThat(first.port()).as(location).isEqualTo(6379);
        assertNoPart(password, first.toString()).contains("h:6379");
        assertNoPart(password, first.describe());
        Map<String, String> props =
            Map.of("caches.default.backend", "redis", "caches.default.location", location);
        assertNoPart(password, CacheConfig.fromMap(props).settings("default").toString())
            .contains("h:6379");
      }
    }
  }

  @Test
  void aLocationThatDoesNotParseNamesTheFaultAndShowsNoPart() {
    for (String password : PASSWORDS) {
      for (String[] bad :
          new String[][] {
            {"h:99999", "port '99999'"}, {"h:6x79", "port '6x79'"}, {"h:/0", "empty port"},
            {"h:6379/x", "db 'x"}, {"h:6379/0?foo=1", "unknown parameter 'foo'"}, {"", "no host"}
          }) {
        for (String location : locations(password, bad[0])) {
          assertThatThrownBy(() -> handler(location))
              .as(location)
              .isInstanceOf(CacheConfigurationException.class)
              .hasMessageContaining("caches.default.location")
              .hasMessageContaining(bad[1])
              .satisfies(e -> assertNoPart(password, e.getMessage()));
        }
      }
      String trailingComma = "redis://:" + password + "@h:6379/0,";
      assertThatThrownBy(() -> handler(trailingComma))
          .as(trailingComma)
          .hasMessageContaining("caches.default.location")
          .hasMessageContaining("server 2 is empty")
          .satisfies(e -> assertNoPart(password, e.getMessage()));
    }
  }

  @Test
  void theRightPasswordIsAcceptedByARealServer() {
    for (String location : locations(RIGHT, server.hostAndPort())) {
      if (location.startsWith("rediss") || location.contains("alice")) {
        continue; // no TLS on this server, and no ACL user alice
      }
      try (RedisCache cache = RedisFixture.cache(location, Map.of())) {
        cache.set("k", "v");
        assertThat(cache.get("k", String.class)).as(location).isEqualTo("v");
        assertNoPart(RIGHT, cache.toString());
      }
    }
  }

  @Test
  void aWrongPasswordIsRefusedWithoutShowingIt() {
    try (LogCapture log = LogCapture.start()) {
      for (String password : PASSWORDS) {
        String location = "redis://:" + password + "@" + server.hostAndPort() + "/0";
        try (RedisCache cache =
            RedisFixture.cache(location, Map.of("options.socket_timeout", "1"))) {
          assertThatThrownBy(() -> cache.get("k", String.class))
              .as(location)
              .isInstanceOf(RedisConnectionException.class)
              .hasMessageContaining(server.hostAndPort())
              .satisfies(e -> assertNoPart(password, e.toString()))
              .satisfies(e -> assertNoPart(password, String.valueOf(e.getCause())));
        }
        String ignoring = "redis://:" + password + "@" + server.hostAndPort() + "/0";
        try (RedisCache cache =
            RedisFixture.cache(
                ignoring,
                Map.of("options.ignore_exceptions", "true", "options.socket_timeout", "1"))) {
          assertThat(cache.get("k", String.class)).isNull();
        }
      }
      assertThat(log.text()).contains(server.hostAndPort());
      for (String password : PASSWORDS) {
        assertNoPart(password, log.text());
      }
    }
  }

  private static CacheHandler handler(String location) {
    return CacheHandler.create(
        CacheConfig.fromMap(
            Map.of("caches.default.backend", "redis", "caches.default.location", location)));
  }

  /** Asserts that {@code shown} holds no alphanumeric run of 3+ characters of {@code password}. */
  static AbstractStringAssert<?> assertNoPart(String password, String shown) {
    for (String part : password.split("[^\\p{L}\\p{N}]+")) {
      if (part.length() >= 3) {
        assertThat(shown).as("'%s' shows part of a password", shown).doesNotContain(part);
      }
    }
    return assertThat(shown);
  }
}
