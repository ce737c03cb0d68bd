package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A Redis 6+ ACL user with a password, on a private server whose default user is off. */
@Tag("redis")
class RedisAclTest {
  private static RedisFixture.Server server;

  @BeforeAll
  static void start() {
    server =
        RedisFixture.startPrivate(
            "--user",
            "alice",
            "on",
            ">alice-pw-123",
            "~*",
            "&*",
            "+@all",
            "--user",
            "default",
            "off");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void anAclUserInTheUrl() {
    try (RedisCache cache =
        RedisFixture.cache("redis://alice:alice-pw-123@" + server.hostAndPort() + "/0", Map.of())) {
      cache.set("k", "v");
      assertThat(cache.get("k", String.class)).isEqualTo("v");
      assertThat(cache.toString()).doesNotContain("alice-pw-123");
    }
  }

  @Test
  void anAclUserInTheOptions() {
    try (RedisCache cache =
        RedisFixture.cache(
            "redis://" + server.hostAndPort() + "/1",
            Map.of(
                "options.username",
                "alice",
                "options.password",
                "alice-pw-123",
                "options.client_name",
                "cachegen-test"))) {
      cache.set("k", "v");
      assertThat(cache.get("k", String.class)).isEqualTo("v");
    }
  }

  @Test
  void aWrongUserOrPasswordIsRefused() {
    try (RedisCache cache =
        RedisFixture.cache(
            "redis://alice:not-her-pw@" + server.hostAndPort() + "/0",
            Map.of("options.socket_timeout", "1"))) {
      assertThatThrownBy(() -> cache.get("k", String.class))
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("credentials")
          .hasMessageNotContaining("not-her-pw");
    }
  }
}
