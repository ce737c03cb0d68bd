package io.cachegen.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheHandler;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * {@code /actuator/cachegen}: aliases with their settings and counters, never a password; clearing
 * one alias. The Redis aliases with passwords point at a port nothing listens on: reading the
 * endpoint never connects.
 */
@SpringBootTest(
    classes = GreetingApp.class,
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cachegen.process-wide=false",
      "cachegen.caches.guarded.backend=redis",
      "cachegen.caches.guarded.location=redis://127.0.0.1:1/0",
      "cachegen.caches.guarded.options.username=app",
      "cachegen.caches.guarded.options.password=" + ActuatorTest.OPTION_PASSWORD,
      "cachegen.caches.in-url.backend=redis",
      "cachegen.caches.in-url.location=redis://app:" + ActuatorTest.URL_PASSWORD + "@127.0.0.1:1/1",
      "cachegen.caches.counted.timeout=none",
      "cachegen.caches.counted.options.max_entries=50",
      "cachegen.caches.first.version=3",
      "cachegen.caches.second.key_prefix=two",
    })
class ActuatorTest {
  static final String OPTION_PASSWORD = "opt-Secret-41";
  static final String URL_PASSWORD = "url-Secret-42";

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("cachegen.caches.redis.location", PrivateRedis::url);
  }

  @Value("${local.server.port}")
  int port;

  @Autowired CacheHandler handler;

  @Test
  void listsEveryAliasWithItsSettingsAndNeverAPassword() throws Exception {
    Http.Answer answer = Http.get(port, "/actuator/cachegen");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.body()).doesNotContain(OPTION_PASSWORD).doesNotContain(URL_PASSWORD);
    JsonNode aliases = answer.json().get("aliases");
    assertThat(aliases.fieldNames())
        .toIterable()
        .containsExactly("counted", "default", "first", "guarded", "in-url", "redis", "second");
    JsonNode guarded = aliases.get("guarded");
    assertThat(guarded.get("backend").asText()).isEqualTo("redis");
    assertThat(guarded.get("location").asText()).isEqualTo("redis://127.0.0.1:1/0");
    assertThat(guarded.get("options").get("password").asText()).isEqualTo("****");
    assertThat(guarded.get("options").get("username").asText()).isEqualTo("app");
    assertThat(aliases.get("in-url").get("location").asText())
        .isEqualTo("redis://app:****@127.0.0.1:1/1");
    JsonNode redis = aliases.get("redis");
    assertThat(redis.get("keyPrefix").asText()).isEqualTo("boot-it");
    assertThat(redis.get("timeout").asText()).isEqualTo("60");
    assertThat(redis.get("options").get("max_value_size").asText()).isEqualTo("1048576");
    assertThat(aliases.get("default").get("timeout").asText()).isEqualTo("120");
    assertThat(aliases.get("counted").get("timeout").asText()).isEqualTo("none");
    assertThat(aliases.get("first").get("version").asInt()).isEqualTo(3);
    assertThat(aliases.get("second").get("version").asInt()).isEqualTo(1);
    assertThat(aliases.get("second").get("keyPrefix").asText()).isEqualTo("two");
  }

  @Test
  void oneAliasShowsWhatItCounted() throws Exception {
    BaseCache counted = handler.get("counted");
    counted.set("k", "v");
    counted.get("k", String.class);
    counted.get("k", String.class);
    counted.get("absent", String.class);
    counted.getOrSet("loaded", String.class, () -> "computed");

    Http.Answer answer = Http.get(port, "/actuator/cachegen/counted");

    assertThat(answer.status()).isEqualTo(200);
    JsonNode json = answer.json();
    assertThat(json.get("backend").asText()).isEqualTo("locmem");
    assertThat(json.get("options").get("max_entries").asText()).isEqualTo("50");
    JsonNode stats = json.get("stats");
    assertThat(stats.get("hits").asLong()).isEqualTo(2);
    assertThat(stats.get("misses").asLong()).isEqualTo(2);
    assertThat(stats.get("hitRate").asDouble()).isEqualTo(0.5);
    assertThat(stats.get("loads").asLong()).isEqualTo(1);
    assertThat(stats.get("loadFailures").asLong()).isZero();
    assertThat(stats.get("evictions").asLong()).isZero();
    assertThat(stats.has("events")).isTrue();
  }

  @Test
  void anUnknownAliasIsNotFound() throws Exception {
    assertThat(Http.get(port, "/actuator/cachegen/nope").status()).isEqualTo(404);
  }

  @Test
  void deleteClearsThatAliasOnly() throws Exception {
    handler.get("first").set("k", "one");
    handler.get("second").set("k", "two");

    Http.Answer answer = Http.delete(port, "/actuator/cachegen/first");

    assertThat(answer.status()).isEqualTo(200);
    assertThat(answer.json().get("alias").asText()).isEqualTo("first");
    assertThat(answer.json().get("cleared").asBoolean()).isTrue();
    assertThat(handler.get("first").hasKey("k")).isFalse();
    assertThat(handler.get("second").get("k", String.class)).isEqualTo("two");
  }

  @Test
  void deletingAnUnknownAliasClearsNothingAndAnswersNoContent() throws Exception {
    handler.get("second").set("kept", "yes");

    assertThat(Http.delete(port, "/actuator/cachegen/nope").status()).isEqualTo(204);

    assertThat(handler.get("second").get("kept", String.class)).isEqualTo("yes");
  }
}
