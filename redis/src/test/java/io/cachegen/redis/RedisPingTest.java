package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheStats;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@link RedisCache#ping()}, what health checks call: it sees an outage even where {@code
 * ignore_exceptions=true} hides it from callers, and never shows the password.
 */
@Tag("redis")
class RedisPingTest {
  private static final String PASSWORD = "ping-Pa55word";

  private RedisFixture.Server server;
  private RedisCache cache;

  @BeforeEach
  void start() {
    server = RedisFixture.startPrivate("--requirepass", PASSWORD);
  }

  @AfterEach
  void stop() {
    if (cache != null) {
      cache.close();
    }
    server.close();
  }

  private RedisCache cache(String ignoreExceptions) {
    Map<String, String> settings = new HashMap<>();
    settings.put("options.retry_after", "0");
    settings.put("options.socket_timeout", "0.4");
    if (ignoreExceptions != null) {
      settings.put("options.ignore_exceptions", ignoreExceptions);
    }
    cache =
        RedisFixture.cache("redis://:" + PASSWORD + "@" + server.hostAndPort() + "/0", settings);
    return cache;
  }

  @Test
  void aLiveServerAnswersAndNothingIsCounted() {
    RedisCache c = cache(null);
    c.ping();
    assertThat(c.stats()).isEqualTo(CacheStats.EMPTY);
  }

  @Test
  void aDeadServerFailsThePingNamingItWithoutThePasswordEvenWhenCallsIgnoreOutages() {
    RedisCache c = cache("true");
    c.ping();
    server.kill();
    assertThat(c.get("k", String.class)).isNull(); // a miss for callers
    assertThatThrownBy(c::ping)
        .isInstanceOf(RedisConnectionException.class)
        .hasMessageContaining(server.hostAndPort())
        .hasMessageNotContaining(PASSWORD);
    server.restart();
    c.ping();
  }

  @Test
  void aClusterAnswers() {
    try (RedisClusterFixture cluster = RedisClusterFixture.start(3, 0);
        CacheHandler handler = cluster.handler(RedisFixture.uniquePrefix())) {
      ((RedisCache) handler.get("c")).ping();
    }
  }

  @Test
  void ignoresExceptionsSaysWhatTheOptionSaysFalseByDefault() {
    assertThat(cache(null).ignoresExceptions()).isFalse();
    cache.close();
    assertThat(cache("true").ignoresExceptions()).isTrue();
  }
}
