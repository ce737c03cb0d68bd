package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfigurationException;
import org.junit.jupiter.api.Test;

class JedisLineTest {

  @Test
  void eachSupportedVersionMapsToTheWayItOpensAClient() {
    assertThat(JedisLine.of("6.0.0")).isEqualTo(JedisLine.UNIFIED);
    assertThat(JedisLine.of("7.0.0")).isEqualTo(JedisLine.UNIFIED);
    assertThat(JedisLine.of("7.1.0")).isEqualTo(JedisLine.UNIFIED);
    assertThat(JedisLine.of("7.2.0")).isEqualTo(JedisLine.REDIS_CLIENT);
    assertThat(JedisLine.of("7.5.3")).isEqualTo(JedisLine.REDIS_CLIENT);
    assertThat(JedisLine.of("8.0.2")).isEqualTo(JedisLine.REDIS_CLIENT);
    assertThat(JedisLine.of("8.1.0-SNAPSHOT")).isEqualTo(JedisLine.REDIS_CLIENT);
  }

  @Test
  void anUnsupportedJedisIsAStartUpErrorNamingTheVersionAndTheRange() {
    for (String v : new String[] {"5.2.0", "4.4.3", "9.0.0"}) {
      assertThatThrownBy(() -> JedisLine.of(v))
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageContaining("found Jedis " + v)
          .hasMessageContaining("supports Jedis 6.0 to 8.x");
    }
    assertThatThrownBy(() -> JedisLine.of(null))
        .hasMessageContaining("found Jedis of an unknown version");
  }

  @Test
  void theJedisOnTheClassPathIsKnownAndSupported() {
    String version = JedisLine.version();
    assertThat(version).matches("[678]\\.\\d+\\.\\d+.*");
    assertThat(JedisLine.current()).isEqualTo(JedisLine.of(version));
    assertThat(System.getProperty("cachegen.expectedJedis", version))
        .as("the Jedis line this suite was asked to run on")
        .isEqualTo(version);
  }
}
