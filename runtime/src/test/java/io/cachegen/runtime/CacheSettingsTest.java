package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** One alias's settings: Django's defaults, copies, and option values checked with clear errors. */
class CacheSettingsTest {
  private final CacheSettings settings = CacheSettings.defaults("web", "locmem");

  @Test
  void defaultsAreDjangos() {
    assertThat(settings.alias()).isEqualTo("web");
    assertThat(settings.backend()).isEqualTo("locmem");
    assertThat(settings.location()).isEmpty();
    assertThat(settings.timeout()).isEqualTo(Timeout.seconds(300));
    assertThat(settings.keyPrefix()).isEmpty();
    assertThat(settings.version()).isEqualTo(1);
    assertThat(settings.keyFunction()).isEmpty();
    assertThat(settings.options()).isEmpty();
    assertThat(settings)
        .hasToString(
            "CacheSettings[alias=web, backend=locmem,"
                + " timeout=Timeout[300s], key_prefix='', version=1]");
  }

  @Test
  void copiesChangeOneThingEach() {
    CacheSettings copy =
        settings
            .with("p", 3, Timeout.NEVER)
            .withLocation("redis://h:1/0")
            .withKeyFunction("mine")
            .withOption("record_stats", "false");
    assertThat(copy.keyPrefix()).isEqualTo("p");
    assertThat(copy.version()).isEqualTo(3);
    assertThat(copy.timeout()).isEqualTo(Timeout.NEVER);
    assertThat(copy.location()).isEqualTo("redis://h:1/0");
    assertThat(copy.keyFunction()).contains("mine");
    assertThat(copy.option("record_stats")).contains("false");
    assertThat(copy)
        .hasToString(
            "CacheSettings[alias=web, backend=locmem,"
                + " location=redis://h:1/0, timeout=Timeout.NEVER, key_prefix='p', version=3,"
                + " key_function=mine, options.record_stats=false]");
    assertThat(settings.option("record_stats")).as("the original is unchanged").isEmpty();
  }

  @Test
  void booleanOptionsAreTrueOrFalse() {
    assertThat(settings.booleanOption("record_stats", true)).isTrue();
    assertThat(settings.booleanOption("record_stats", false)).isFalse();
    assertThat(settings.withOption("record_stats", " TRUE ").booleanOption("record_stats", false))
        .isTrue();
    assertThat(settings.withOption("record_stats", "false").booleanOption("record_stats", true))
        .isFalse();
    assertThatThrownBy(
            () -> settings.withOption("record_stats", "yes").booleanOption("record_stats", true))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.web.options.record_stats = 'yes'")
        .hasMessageContaining("true or false");
  }

  @Test
  void secondsOptionsAreNumbersOfSecondsInMillis() {
    assertThat(settings.secondsOptionAsMillis("socket_timeout", 250)).isEqualTo(250);
    assertThat(settings.withOption("t", "0.5").secondsOptionAsMillis("t", 1)).isEqualTo(500);
    assertThat(settings.withOption("t", " 2 ").secondsOptionAsMillis("t", 1)).isEqualTo(2000);
    assertThat(settings.withOption("t", "0").secondsOptionAsMillis("t", 1)).isZero();
    for (String bad : new String[] {"-0.5", "x", "Infinity"}) {
      assertThatThrownBy(() -> settings.withOption("t", bad).secondsOptionAsMillis("t", 1))
          .as(bad)
          .isInstanceOf(CacheConfigurationException.class)
          .hasMessageContaining("caches.web.options.t = '" + bad + "'")
          .hasMessageContaining("seconds >= 0");
    }
  }

  @Test
  void aPropertyIsDescribedWithWhereItCameFrom() {
    CacheSettings fromEnv =
        CacheConfig.load(Map.of("CACHEGEN_CACHES_WEB_OPTIONS_MAX_ENTRIES", "9"), new Properties())
            .settings("web");
    assertThat(fromEnv.describeOption("max_entries"))
        .isEqualTo(
            "caches.web.options.max_entries"
                + " (from environment variable CACHEGEN_CACHES_WEB_OPTIONS_MAX_ENTRIES)");
    assertThat(settings.describe("timeout")).isEqualTo("caches.web.timeout");
  }
}
