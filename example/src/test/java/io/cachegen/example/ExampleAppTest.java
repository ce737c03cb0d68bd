package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ExampleAppTest {
  @Test
  void portComesFromTheFlagThenTheEnvironmentThenDefaultsTo8000() {
    assertThat(ExampleApp.port(new String[0], null)).isEqualTo(8000);
    assertThat(ExampleApp.port(new String[0], "9000")).isEqualTo(9000);
    assertThat(ExampleApp.port(new String[] {"--port", "9100"}, "9000")).isEqualTo(9100);
    assertThat(ExampleApp.port(new String[] {"--port=9200"}, null)).isEqualTo(9200);
  }

  @Test
  void aBadPortOrArgumentIsAClearError() {
    assertThatThrownBy(() -> ExampleApp.port(new String[] {"--port", "http"}, null))
        .hasMessageContaining("'http'");
    assertThatThrownBy(() -> ExampleApp.port(new String[] {"--verbose"}, null))
        .hasMessageContaining("--verbose");
  }
}
