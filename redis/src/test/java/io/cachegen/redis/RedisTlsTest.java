package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code rediss://} against a private TLS-only server (Debian's redis-server 7.0 is built with TLS)
 * whose certificates the fixture makes with openssl, plus a password.
 */
@Tag("redis")
class RedisTlsTest {
  private static RedisFixture.Server server;

  @BeforeAll
  static void start() {
    server = RedisFixture.startTls("--requirepass", "tls-pw-987");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  @Test
  void rediss_withTheTestCa() {
    try (RedisCache cache =
        RedisFixture.cache(
            "rediss://:tls-pw-987@localhost:" + server.tlsPort() + "/0",
            Map.of("options.ssl_ca_certs", server.caFile().toString()))) {
      cache.set("k", "over tls");
      assertThat(cache.get("k", String.class)).isEqualTo("over tls");
      assertThat(cache.client().servers()).containsExactly("localhost:" + server.tlsPort());
    }
  }

  @Test
  void anUntrustedCertificateIsAConnectionError() {
    try (RedisCache cache =
        RedisFixture.cache(
            "rediss://:tls-pw-987@localhost:" + server.tlsPort() + "/0",
            Map.of("options.socket_timeout", "1"))) {
      assertThatThrownBy(() -> cache.get("k", String.class))
          .isInstanceOf(RedisConnectionException.class)
          .hasMessageContaining("localhost:" + server.tlsPort())
          .hasMessageNotContaining("tls-pw-987");
    }
  }

  @Test
  void theHostnameIsCheckedUnlessSwitchedOff() {
    // the certificate names localhost only, not 127.0.0.1
    String byIp = "rediss://:tls-pw-987@127.0.0.1:" + server.tlsPort() + "/0";
    try (RedisCache cache =
        RedisFixture.cache(
            byIp,
            Map.of(
                "options.ssl_ca_certs",
                server.caFile().toString(),
                "options.socket_timeout",
                "1"))) {
      assertThatThrownBy(() -> cache.get("k", String.class))
          .isInstanceOf(RedisConnectionException.class);
    }
    try (RedisCache cache =
        RedisFixture.cache(
            byIp,
            Map.of(
                "options.ssl_ca_certs",
                server.caFile().toString(),
                "options.ssl_check_hostname",
                "false"))) {
      cache.set("k", "no name check");
      assertThat(cache.get("k", String.class)).isEqualTo("no name check");
    }
  }

  @Test
  void plainTextToTheTlsPortFails() {
    try (RedisCache cache =
        RedisFixture.cache(
            "redis://:tls-pw-987@localhost:" + server.tlsPort() + "/0",
            Map.of("options.socket_timeout", "1"))) {
      assertThatThrownBy(() -> cache.get("k", String.class))
          .isInstanceOf(RedisConnectionException.class);
    }
  }
}
