package io.cachegen.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachegen.redis.RedisFixture;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The {@code cachegen} health contributor against private servers the tests kill and pause: DOWN
 * only when an alias with {@code ignore_exceptions=false} is unreachable, details without the
 * password, and not part of the readiness probe.
 */
@SpringBootTest(
    classes = GreetingApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cachegen.process-wide=false",
      "management.endpoint.health.show-details=always",
      "management.endpoint.health.probes.enabled=true",
      "cachegen.caches.strict.backend=redis",
      "cachegen.caches.strict.options.socket_timeout=0.5",
      "cachegen.caches.strict.options.retry_after=0",
      "cachegen.caches.lenient.backend=redis",
      "cachegen.caches.lenient.options.ignore_exceptions=true",
      "cachegen.caches.lenient.options.socket_timeout=0.5",
      "cachegen.caches.lenient.options.retry_after=0",
    })
class HealthTest {
  private static final String PASSWORD = "health-Secret-77";
  private static RedisFixture.Server strict;
  private static RedisFixture.Server lenient;

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    strict = RedisFixture.startPrivate("--requirepass", PASSWORD);
    lenient = RedisFixture.startPrivate();
    registry.add("cachegen.caches.redis.location", PrivateRedis::url);
    registry.add(
        "cachegen.caches.strict.location",
        () -> "redis://:" + PASSWORD + "@" + strict.hostAndPort() + "/0");
    registry.add("cachegen.caches.lenient.location", () -> lenient.url());
  }

  @AfterAll
  static void stop() {
    strict.close();
    lenient.close();
  }

  @Value("${local.server.port}")
  int port;

  @Test
  void everyRedisAliasReachableIsUpWithDetailsAndNoPassword() throws Exception {
    Http.Answer answer = Http.get(port, "/actuator/health/cachegen");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain(PASSWORD);
    JsonNode health = answer.json();
    assertThat(health.get("status").asText()).isEqualTo("UP");
    JsonNode details = health.get("details");
    assertThat(details.fieldNames()).toIterable().containsExactly("lenient", "redis", "strict");
    JsonNode s = details.get("strict");
    assertThat(s.get("backend").asText()).isEqualTo("redis");
    assertThat(s.get("location").asText()).isEqualTo("redis://****@" + strict.hostAndPort() + "/0");
    assertThat(s.get("reachable").asBoolean()).isTrue();
    assertThat(s.get("ignoreExceptions").asBoolean()).isFalse();
    assertThat(s.get("latencyMillis").asDouble()).isGreaterThanOrEqualTo(0);
    assertThat(details.get("lenient").get("ignoreExceptions").asBoolean()).isTrue();
  }

  @Test
  void anUnreachableAliasThatIgnoresExceptionsLeavesItUpAndSaysCallsAreMisses() throws Exception {
    lenient.pause();
    try {
      Http.Answer answer = Http.get(port, "/actuator/health/cachegen");

      assertThat(answer.status()).isEqualTo(200);
      JsonNode health = answer.json();
      assertThat(health.get("status").asText()).isEqualTo("UP");
      JsonNode l = health.get("details").get("lenient");
      assertThat(l.get("reachable").asBoolean()).isFalse();
      assertThat(l.get("error").asText()).contains(lenient.hostAndPort());
      assertThat(l.get("effect").asText()).contains("served as misses");
      assertThat(health.get("details").get("strict").get("reachable").asBoolean()).isTrue();
    } finally {
      lenient.resume();
    }
  }

  @Test
  void anUnreachableAliasWhoseCallsFailIsDownButReadinessStaysUp() throws Exception {
    strict.kill();
    try {
      Http.Answer answer = Http.get(port, "/actuator/health");

      assertThat(answer.status()).isEqualTo(503);
      assertThat(answer.body()).doesNotContain(PASSWORD);
      JsonNode cachegen = answer.json().get("components").get("cachegen");
      assertThat(cachegen.get("status").asText()).isEqualTo("DOWN");
      JsonNode s = cachegen.get("details").get("strict");
      assertThat(s.get("reachable").asBoolean()).isFalse();
      assertThat(s.get("error").asText()).contains(strict.hostAndPort());
      assertThat(s.get("effect").asText()).contains("calls fail");

      Http.Answer readiness = Http.get(port, "/actuator/health/readiness");
      assertThat(readiness.status()).isEqualTo(200);
      assertThat(readiness.json().get("status").asText()).isEqualTo("UP");
      assertThat(readiness.body()).doesNotContain("cachegen");
    } finally {
      strict.restart();
    }
  }
}
