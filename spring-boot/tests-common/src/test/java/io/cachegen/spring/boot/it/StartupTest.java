package io.cachegen.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfigurationException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;

/** What starting the application says: bad settings fail naming them; beans that cannot cache. */
@ExtendWith(OutputCaptureExtension.class)
class StartupTest {

  /** The application, with {@code args} as on its command line (above application.yml). */
  private static ConfigurableApplicationContext start(String... args) {
    return app().run(args);
  }

  private static SpringApplicationBuilder app() {
    return new SpringApplicationBuilder(GreetingApp.class)
        .web(WebApplicationType.NONE)
        .properties("cachegen.caches.redis.location=" + PrivateRedis.url());
  }

  @Test
  void aBadSettingFailsStartUpNamingIt(CapturedOutput output) {
    assertThatThrownBy(() -> start("--cachegen.caches.default.timeout=ten").close())
        .hasRootCauseInstanceOf(CacheConfigurationException.class)
        .rootCause()
        .hasMessageContaining("caches.default.timeout")
        .hasMessageContaining("'ten'");
    assertThat(output).contains("APPLICATION FAILED TO START").contains("caches.default.timeout");
  }

  @Test
  void aMisspeltSettingFailsStartUpWithASuggestion() {
    assertThatThrownBy(() -> start("--cachegen.caches.default.timout=10").close())
        .rootCause()
        .hasMessageContaining("cachegen.caches.default.timout")
        .hasMessageContaining("did you mean 'timeout'");
  }

  @Test
  void anUnknownStarterSettingFailsStartUp() {
    assertThatThrownBy(() -> start("--cachegen.evict-after-comit=true").close())
        .rootCause()
        .hasMessageContaining("cachegen.evict-after-comit");
  }

  @Test
  void aSecretInALocationNeverAppearsInTheFailure(CapturedOutput output) {
    assertThatThrownBy(
            () ->
                start("--cachegen.caches.redis.location=redis://:s3cret-pw@127.0.0.1:notaport/0")
                    .close())
        .rootCause()
        .isInstanceOf(CacheConfigurationException.class);
    assertThat(output).doesNotContain("s3cret-pw");
  }

  @Test
  void aBeanMethodReturningThePlainClassIsWarnedAbout(CapturedOutput output) {
    try (ConfigurableApplicationContext context = start()) {
      Plain plain = context.getBean(Plain.class);
      plain.value();
      plain.value();
      assertThat(plain.calls).as("a plain instance does not cache").hasValue(2);
    }
    assertThat(output)
        .contains("Bean 'plain' is a plain io.cachegen.spring.boot.it.Plain")
        .contains("new PlainCached(");
  }

  @Test
  void environmentVariableNamesAreReadAsTheRuntimeReadsThem() {
    try (ConfigurableApplicationContext context =
        app().environment(new VariablesEnvironment("CACHEGEN_CACHES_DEFAULT_KEY_PREFIX", "envp"))
            .run()) {
      assertThat(
              context
                  .getBean(io.cachegen.runtime.CacheHandler.class)
                  .config()
                  .settings("default")
                  .keyPrefix())
          .isEqualTo("envp");
    }
  }
}
