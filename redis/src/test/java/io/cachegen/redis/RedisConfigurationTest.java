package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheSettings;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Location and option parsing, start-up validation and redaction; no server needed. */
class RedisConfigurationTest {
  private static CacheHandler handler(Map<String, String> settings) {
    Map<String, String> props = new HashMap<>();
    props.put("caches.default.backend", "redis");
    settings.forEach((k, v) -> props.put("caches.default." + k, v));
    return CacheHandler.builder().config(CacheConfig.fromMap(props)).build();
  }

  @Test
  void locationsParseAsDjangoRedisDoes() {
    List<RedisLocation> all =
        RedisLocation.parseAll(
            "redis://u:p%40ss@primary:6380/2, rediss://replica/3,unix:///run/redis.sock?db=4,"
                + "redis://:only-pw@[::1]:7000?db=5",
            "caches.default.location");
    assertThat(all).hasSize(4);
    assertThat(all.get(0))
        .isEqualTo(new RedisLocation("redis", "primary", 6380, null, 2, "u", "p@ss"));
    assertThat(all.get(1).tls()).isTrue();
    assertThat(all.get(1).port()).isEqualTo(6379);
    assertThat(all.get(1).db()).isEqualTo(3);
    assertThat(all.get(2).unixSocket()).isTrue();
    assertThat(all.get(2).socketPath()).isEqualTo("/run/redis.sock");
    assertThat(all.get(2).db()).isEqualTo(4);
    assertThat(all.get(3).describe()).isEqualTo("[::1]:7000");
    assertThat(all.get(3).password()).isEqualTo("only-pw");
    assertThat(all.get(3).username()).isNull();
    assertThat(all.get(3).db()).isEqualTo(5);
    assertThat(RedisLocation.parse("redis://h", "p").db()).isNull();
    assertThat(all.get(0).toString()).doesNotContain("p@ss").contains("primary:6380");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://h:6379/0|must start with redis://",
        "redis://:secret-pw@h:6379/x|has db 'x'",
        "redis://:secret-pw@h:6379/0?foo=1|unknown parameter 'foo'",
        "redis://:secret-pw@h:6379/0,,redis://h|server 2 is empty",
        "unix:///|has no socket path",
        "redis://h:99999/0|port '99999'",
        "redis://h:0/0|port '0'",
        "redis://h:-1/0|port '-1'",
        "redis://h:+80/0|port '+80'",
        "redis://h:６３７９/0|port '６３７９'",
        "redis://h:abc/0|port 'abc', which is not a number from 1 to 65535",
        "redis://:secret-pw@h:/0|has an empty port",
        "redis://:secret-pw@h:6379/0,|server 2 is empty",
        "redis://h:1/0, ,redis://h:2/0|server 2 is empty",
        ",redis://h:1/0|server 1 is empty",
        "redis://h:1/0,redis://h:2/0,,|server 3 is empty",
        "redis://h:1/0,h:2|server 2 must start with redis://",
        "redis://h:1/0,redis://:secret-pw@h:x/0|server 2 has port 'x'",
        "redis://h:1/0,redis://:secret-pw@:2/0|server 2 has no host",
        "redis://:secret-pw@h:1/0,rediss://g:2/01x|server 2 has db '01x'"
      })
  void badLocationsNameThePropertyAndHideThePassword(String location, String why) {
    assertThatThrownBy(() -> handler(Map.of("location", location)))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.location")
        .hasMessageContaining(why)
        .hasMessageNotContaining("secret-pw");
  }

  /** The location is shown redacted (as Redaction writes it), with a hint to use the option. */
  @Test
  void aLocationThatDoesNotParseIsShownRedactedWithAHint() {
    for (String password :
        new String[] {
          "pa/ss-XYZ", "p@ss-XYZ", "p%ss-XYZ", "p:ss-XYZ", "a/b@c:d%e,f-XYZ", "@@-XYZ", "/-XYZ@"
        }) {
      assertThatThrownBy(
              () ->
                  CacheHandler.create(
                      CacheConfig.fromMap(
                          Map.of(
                              "caches.default.backend",
                              "redis",
                              "caches.default.location",
                              "redis://:" + password + "@h:99999/0"))))
          .as(password)
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageContaining("caches.default.location")
          .hasMessageContaining("'redis://****@h:99999/0'")
          .hasMessageNotContaining("XYZ")
          .hasMessageContaining("options.password");
    }
  }

  @Test
  void aUserNameWithoutAPasswordFailsAtStartUpNamingWhereTheNameCameFrom() {
    assertThatThrownBy(
            () -> handler(Map.of("location", "redis://h:6379/0", "options.username", "alice")))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.username")
        .hasMessageContaining("'alice'")
        .hasMessageContaining("caches.default.options.password");
    assertThatThrownBy(
            () ->
                handler(
                    Map.of(
                        "location",
                        "redis://h:6379/0,redis://bob:@r:6380/0",
                        "options.username",
                        "alice",
                        "options.password",
                        "")))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options.username");
    assertThatThrownBy(
            () ->
                handler(
                    Map.of(
                        "location",
                        "redis://h:6379/0,redis://bob:@r:6380/0",
                        "options.password",
                        "")))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.location")
        .hasMessageContaining("'bob'")
        .hasMessageContaining("r:6380");
    // with a password from either place, it starts (no server is contacted at start-up)
    handler(
            Map.of(
                "location",
                "redis://h:6379/0",
                "options.username",
                "alice",
                "options.password",
                "pw"))
        .close();
    handler(Map.of("location", "redis://alice:pw@h:6379/0")).close();
  }

  private static CacheHandler withKeyFunctions(Map<String, String> settings) {
    Map<String, String> props = new HashMap<>();
    props.put("caches.default.backend", "redis");
    props.put("caches.default.location", "redis://h:6379/0");
    settings.forEach((k, v) -> props.put("caches.default." + k, v));
    return CacheHandler.builder()
        .config(CacheConfig.fromMap(props))
        .keyFunction(
            "reversed",
            (key, prefix, version) ->
                new StringBuilder(key).reverse() + "|" + prefix + "|" + version)
        .keyFunction("slashes", (key, prefix, version) -> prefix + "/v" + version + "/" + key)
        .keyFunction(
            "hashed",
            (key, prefix, version) ->
                prefix + ":" + version + ":" + Integer.toHexString(key.hashCode()))
        .build();
  }

  private static String clearPattern(Map<String, String> settings) {
    try (CacheHandler h = withKeyFunctions(settings)) {
      return ((RedisCache) h.get("default")).clearPattern();
    }
  }

  @Test
  void clearPatternsCoverEveryVersionOfThisPrefixOnly() {
    assertThat(clearPattern(Map.of("key_prefix", "web"))).isEqualTo("web:[-0-9]*:*");
    assertThat(clearPattern(Map.of("key_prefix", "a*b?[c]")))
        .isEqualTo("a\\*b\\?\\[c\\]:[-0-9]*:*");
    assertThat(clearPattern(Map.of("key_prefix", "kf", "key_function", "reversed")))
        .isEqualTo("*|kf|*");
    assertThat(clearPattern(Map.of("key_prefix", "p", "key_function", "slashes", "version", "9")))
        .isEqualTo("p/v*/*");
    assertThat(clearPattern(Map.of("key_prefix", "p", "options.clear_flushes_db", "true")))
        .isNull();
  }

  @Test
  void aClearThatCouldNotBeConfinedFailsAtStartUp() {
    assertThatThrownBy(() -> withKeyFunctions(Map.of("key_function", "reversed")))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.key_prefix is empty")
        .hasMessageContaining("caches.default.options.clear_flushes_db=true");
    assertThatThrownBy(() -> withKeyFunctions(Map.of("key_prefix", "p", "key_function", "hashed")))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.key_function")
        .hasMessageContaining("'hashed'")
        .hasMessageContaining("clear()");
    // a database that belongs to the alias alone may be flushed instead
    withKeyFunctions(Map.of("key_function", "reversed", "options.clear_flushes_db", "true"))
        .close();
    withKeyFunctions(
            Map.of("key_prefix", "p", "key_function", "hashed", "options.clear_flushes_db", "true"))
        .close();
  }

  @Test
  void anEmptyPrefixIsWarnedAboutAtStartUp() {
    try (io.cachegen.runtime.LogCapture log = io.cachegen.runtime.LogCapture.start()) {
      withKeyFunctions(Map.of("location", "redis://:Secret-Pw@h:6379/4")).close();
      assertThat(log.count("caches.default.key_prefix is empty")).isEqualTo(1);
      assertThat(log.text())
          .contains("':[-0-9]*:*'")
          .contains("h:6379 (db 4)")
          .doesNotContain("Secret-Pw");
      withKeyFunctions(Map.of("key_prefix", "web")).close();
      withKeyFunctions(Map.of("options.clear_flushes_db", "true")).close();
      assertThat(log.count("key_prefix is empty")).isEqualTo(1);
    }
  }

  @Test
  void aMissingLocationSaysWhatToWrite() {
    assertThatThrownBy(() -> handler(Map.of()))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.location")
        .hasMessageContaining("redis://127.0.0.1:6379/0");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "socket_timeout|0|at least 0.001",
        "socket_timeout|soon|number of seconds",
        "socket_connect_timeout|-1|number of seconds",
        "retry_after|-1|number of seconds",
        "retry_after|later|number of seconds",
        "max_connections|0|>= 1",
        "min_idle|99|more than max_idle",
        "compressor|lz4|not a compressor",
        "serializer|pickle|not a serializer",
        "ignore_exceptions|yes|true or false",
        "clear_flushes_db|1|true or false",
        "client_name|has space|client names",
        "ssl_ca_certs|/nonexistent/ca.pem|cannot be read",
        "max_value_size|0|>= 1",
        "max_concurrent_inflations|0|>= 1",
        "db|-1|>= 0"
      })
  void badOptionsFailAtStartUpNamingTheProperty(String option, String value, String why) {
    assertThatThrownBy(
            () ->
                handler(
                    Map.of(
                        "location",
                        "redis://127.0.0.1:1/0",
                        "options." + option,
                        value,
                        "options.password",
                        "hidden-pw")))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.default.options." + option)
        .hasMessageContaining(why)
        .hasMessageNotContaining("hidden-pw");
  }

  @Test
  void unknownOptionsAreRejected() {
    assertThatThrownBy(
            () ->
                handler(Map.of("location", "redis://127.0.0.1:1/0", "options.sokcet_timeout", "1")))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("sokcet_timeout");
  }

  @Test
  void defaultsAndDecimalSeconds() {
    CacheSettings s =
        CacheSettings.defaults("default", "redis")
            .withOption("socket_timeout", "0.25")
            .withOption("password", "pw-123");
    RedisOptions o = RedisOptions.from(s);
    assertThat(o.socketTimeoutMillis()).isEqualTo(250);
    assertThat(o.connectTimeoutMillis()).isEqualTo(250);
    assertThat(o.maxConnections()).isEqualTo(16);
    assertThat(o.compressor()).isEqualTo(Compressor.Builtin.NONE);
    assertThat(o.maxValueSize()).isEqualTo(16 * 1024 * 1024);
    assertThat(o.maxConcurrentInflations()).isEqualTo(4);
    assertThat(o.ignoreExceptions()).isFalse();
    assertThat(o.clearFlushesDb()).isFalse();
    assertThat(o.retryAfterMillis()).isEqualTo(1000);
    assertThat(RedisOptions.from(s.withOption("retry_after", "0.25")).retryAfterMillis())
        .isEqualTo(250);
    assertThat(RedisOptions.from(s.withOption("retry_after", "0")).retryAfterMillis())
        .as("0 turns the breaker off")
        .isZero();
    assertThat(o.toString()).doesNotContain("pw-123").contains("password=****");
    assertThat(new RedisBackendProvider().options()).containsAll(RedisOptions.NAMES);
  }

  @Test
  void theProviderIsRegistered() {
    // a cache is created lazily, so a handler on an unreachable server builds fine
    try (CacheHandler h = handler(Map.of("location", "redis://127.0.0.1:1/0"))) {
      assertThat(h.get("default")).isInstanceOf(RedisCache.class);
    }
  }

  @Test
  void plainIntegersAreRecognised() {
    assertThat(RedisPayloads.isPlainInteger("42".getBytes())).isTrue();
    assertThat(RedisPayloads.isPlainInteger("-9223372036854775808".getBytes())).isTrue();
    assertThat(RedisPayloads.isPlainInteger("-".getBytes())).isFalse();
    assertThat(RedisPayloads.isPlainInteger("1.5".getBytes())).isFalse();
    assertThat(RedisPayloads.isPlainInteger("\"42\"".getBytes())).isFalse();
    assertThat(RedisPayloads.isPlainInteger(new byte[0])).isFalse();
  }
}
