package io.cachegen.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Timeout;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
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
                  .getBean(CacheHandler.class)
                  .config()
                  .settings("default")
                  .keyPrefix())
          .isEqualTo("envp");
    }
  }

  @Test
  void precedenceIsCachePropertiesThenApplicationYmlThenVariablesThenCommandLine(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("cache.properties");
    Files.writeString(
        file,
        "caches.default.version=7\ncaches.default.timeout=5\ncaches.fromfile.backend=dummy\n");
    try (ConfigurableApplicationContext context =
        app()
            .environment(new VariablesEnvironment("CACHEGEN_CACHES_DEFAULT_KEY_PREFIX", "env"))
            .run("--cachegen.config=" + file)) {
      CacheConfig config = context.getBean(CacheHandler.class).config();
      assertThat(config.settings("default").version()).as("only in the file").isEqualTo(7);
      assertThat(config.settings("default").timeout())
          .as("application.yml over the file")
          .isEqualTo(Timeout.seconds(120));
      assertThat(config.settings("default").keyPrefix()).as("a variable").isEqualTo("env");
      assertThat(config.aliases()).contains("fromfile");
    }
    try (ConfigurableApplicationContext context =
        app()
            .environment(new VariablesEnvironment("CACHEGEN_CACHES_DEFAULT_KEY_PREFIX", "env"))
            .run("--cachegen.caches.default.keyPrefix=args")) {
      assertThat(context.getBean(CacheHandler.class).config().settings("default").keyPrefix())
          .as("the command line over a variable, camelCase as Spring allows")
          .isEqualTo("args");
    }
  }

  @Test
  void kebabCaseOptionsAreTheRuntimesOptions() {
    try (ConfigurableApplicationContext context =
        start("--cachegen.caches.small.options.max-entries=3")) {
      assertThat(
              context.getBean(CacheHandler.class).config().settings("small").options())
          .containsEntry("max_entries", "3");
    }
  }

  @Test
  void aBadOptionValueFailsStartUpNamingTheOption() {
    assertThatThrownBy(() -> start("--cachegen.caches.small.options.max-entries=many").close())
        .rootCause()
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessageContaining("max_entries");
  }

  @Test
  void aProfilesFileOverridesApplicationYml() {
    try (ConfigurableApplicationContext context = start("--spring.profiles.active=short")) {
      assertThat(context.getBean(CacheHandler.class).config().settings("default").timeout())
          .isEqualTo(Timeout.seconds(7));
    }
  }
}
