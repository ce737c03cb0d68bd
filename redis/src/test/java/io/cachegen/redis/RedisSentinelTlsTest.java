package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code rediss-sentinel://}: sentinels and data nodes that speak TLS only (one test CA, a
 * certificate for {@code localhost}, which the sentinels announce, so the host name is checked).
 */
@Tag("redis")
class RedisSentinelTlsTest {
  private static final String PASSWORD = "tls-data-Pa55";
  private static final String SENTINEL_PASSWORD = "tls-sentinel-Pa55";
  private static final String SERVICE = "tls-svc";
  private static Path tls;
  private static final List<RedisFixture.Server> servers = new ArrayList<>();

  @BeforeAll
  static void start() {
    RedisFixture.assumeRedisServerOnPath();
    tls = RedisFixture.tempDir("redis-sentinel-tls-");
    RedisFixture.TlsFiles.make(tls);
    RedisFixture.Server primary =
        RedisFixture.startTlsNode(
            tls,
            "--requirepass",
            PASSWORD,
            "--masterauth",
            PASSWORD,
            "--replica-announce-ip",
            "localhost");
    servers.add(primary);
    for (int i = 0; i < 3; i++) {
      servers.add(
          RedisFixture.startTlsSentinel(
              tls,
              primary.tlsPort(),
              SERVICE,
              2,
              "sentinel auth-pass " + SERVICE + " " + PASSWORD,
              "requirepass " + SENTINEL_PASSWORD,
              "sentinel sentinel-pass " + SENTINEL_PASSWORD));
    }
  }

  @AfterAll
  static void stop() {
    servers.forEach(RedisFixture.Server::close);
    RedisFixture.deleteTree(tls);
  }

  @Test
  void operationsGoOverTlsToThePrimaryTheSentinelsName() {
    StringBuilder location = new StringBuilder("rediss-sentinel://:" + PASSWORD + "@");
    for (int i = 1; i < servers.size(); i++) {
      location.append(i == 1 ? "" : ",").append("localhost:").append(servers.get(i).tlsPort());
    }
    location.append('/').append(SERVICE);
    Map<String, String> props = new LinkedHashMap<>();
    props.put("caches.s.backend", "redis");
    props.put("caches.s.location", location.toString());
    props.put("caches.s.key_prefix", RedisFixture.uniquePrefix());
    props.put("caches.s.options.sentinel_password", SENTINEL_PASSWORD);
    props.put("caches.s.options.ssl_ca_certs", tls.resolve("ca.crt").toString());
    try (CacheHandler handler = CacheHandler.builder().config(CacheConfig.fromMap(props)).build()) {
      RedisCache c = (RedisCache) handler.get("s");
      Eventually.within(
          Duration.ofSeconds(10),
          "a write through the sentinels' primary",
          () -> {
            try {
              return c.set("k", "over tls");
            } catch (RuntimeException e) {
              return false;
            }
          });
      assertThat(c.get("k", String.class)).isEqualTo("over tls");
      assertThat(c.client().servers().get(0)).contains("sentinel service 'tls-svc'");
    }
  }
}
