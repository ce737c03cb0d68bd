package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Timeout's range ends, exactly, and Django's three cases. */
class TimeoutTest {

  @Test
  void theDocumentedMaximumIsAcceptedAndOneMoreIsNot() {
    assertThat(Timeout.seconds(Timeout.MAX_SECONDS).toMillis())
        .isEqualTo(Timeout.MAX_SECONDS * 1000);
    assertThat(Timeout.of(Duration.ofSeconds(Timeout.MAX_SECONDS)).toMillis())
        .isEqualTo(Timeout.MAX_SECONDS * 1000);
    assertThat(Timeout.parse(Long.toString(Timeout.MAX_SECONDS)))
        .isEqualTo(Timeout.seconds(Timeout.MAX_SECONDS));
    assertThatThrownBy(() -> Timeout.seconds(Timeout.MAX_SECONDS + 1))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("got " + (Timeout.MAX_SECONDS + 1));
    assertThatThrownBy(() -> Timeout.of(Duration.ofSeconds(Timeout.MAX_SECONDS).plusMillis(1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Timeout.parse(Long.toString(Timeout.MAX_SECONDS + 1)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'" + (Timeout.MAX_SECONDS + 1) + "'");
  }

  @Test
  void aConfiguredTimeoutOneOverTheMaximumIsRejectedNamingTheProperty() {
    String tooLong = Long.toString(Timeout.MAX_SECONDS + 1);
    assertThatThrownBy(() -> CacheConfig.fromMap(Map.of("caches.web.timeout", tooLong)))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("caches.web.timeout")
        .hasMessageContaining("'" + tooLong + "'");
    assertThat(
            CacheConfig.fromMap(Map.of("caches.web.timeout", Long.toString(Timeout.MAX_SECONDS)))
                .settings("web")
                .timeout())
        .isEqualTo(Timeout.seconds(Timeout.MAX_SECONDS));
  }

  @Test
  void zeroIsALengthOfZeroThatExpiresAtOnce() {
    assertThat(Timeout.seconds(0).toMillis()).isZero();
    assertThat(Timeout.seconds(0)).isSameAs(Timeout.NOW);
    assertThat(Timeout.of(Duration.ZERO)).isSameAs(Timeout.NOW);
    assertThat(Timeout.of(Duration.ofNanos(999_999))).as("rounded down").isSameAs(Timeout.NOW);
    assertThat(Timeout.parse("0")).isSameAs(Timeout.NOW);
    assertThat(Timeout.NOW.expiresImmediately()).isTrue();
    assertThat(Timeout.seconds(1).expiresImmediately()).isFalse();
    assertThat(Timeout.seconds(1).toMillis()).isEqualTo(1000);
  }

  @Test
  void negativeTimeoutsAreRejected() {
    assertThatThrownBy(() -> Timeout.seconds(-1)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Timeout.of(Duration.ofMillis(-1)))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> Timeout.parse("-1")).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void defaultAndNeverHaveNoLength() {
    assertThatThrownBy(Timeout.DEFAULT::toMillis)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Timeout.DEFAULT");
    assertThatThrownBy(Timeout.NEVER::toMillis)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("Timeout.NEVER");
    assertThat(Timeout.parse(" None ")).isSameAs(Timeout.NEVER);
    assertThat(Timeout.DEFAULT.orElse(Timeout.NEVER)).isSameAs(Timeout.NEVER);
    assertThat(Timeout.seconds(5).orElse(Timeout.NEVER)).isEqualTo(Timeout.seconds(5));
    assertThat(Timeout.of(Duration.ofMillis(1500))).hasToString("Timeout[1500ms]");
    assertThat(Timeout.seconds(2)).hasToString("Timeout[2s]");
    assertThat(Timeout.DEFAULT).hasToString("Timeout.DEFAULT");
    assertThat(Timeout.NEVER).hasToString("Timeout.NEVER");
  }

  @Test
  void equalLengthsAreEqual() {
    assertThat(Timeout.of(Duration.ofSeconds(5)))
        .isEqualTo(Timeout.seconds(5))
        .hasSameHashCodeAs(Timeout.seconds(5))
        .isNotEqualTo(Timeout.seconds(6))
        .isNotEqualTo(Timeout.NEVER)
        .isNotEqualTo(5000L);
    assertThat(Timeout.seconds(5).hashCode()).isNotEqualTo(Timeout.seconds(6).hashCode());
    assertThat(Timeout.DEFAULT).isNotEqualTo(Timeout.NEVER);
  }
}
