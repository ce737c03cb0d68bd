package io.cachegen.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.spring.boot.cache.CachegenCacheManager;
import org.junit.jupiter.api.Test;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.cache.CacheManager;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * When the starter's optional parts are registered: the health contributor only with a Redis alias
 * (and not when turned off), the {@code CacheManager} only when asked for.
 */
class RegisteredBeansTest {
  private static final String HEALTH = "cachegenHealthIndicator";

  private static ConfigurableApplicationContext start(String... args) {
    return new SpringApplicationBuilder(GreetingApp.class)
        .web(WebApplicationType.NONE)
        .properties(
            "cachegen.process-wide=false", "cachegen.caches.redis.location=" + PrivateRedis.url())
        .run(args);
  }

  @Test
  void aRedisAliasBringsTheHealthContributor() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.containsBean(HEALTH)).isTrue();
    }
  }

  @Test
  void withoutARedisAliasThereIsNoHealthContributor() {
    // no application.yml, so no alias 'redis': default alone, on locmem
    try (ConfigurableApplicationContext context =
        start("--spring.config.location=optional:classpath:/no-such-file.yml")) {
      assertThat(context.getEnvironment().getProperty("cachegen.caches.redis.backend")).isNull();
      assertThat(context.containsBean(HEALTH)).isFalse();
    }
  }

  @Test
  void theHealthContributorCanBeTurnedOff() {
    try (ConfigurableApplicationContext context =
        start("--management.health.cachegen.enabled=false")) {
      assertThat(context.containsBean(HEALTH)).isFalse();
    }
  }

  @Test
  void noCacheManagerUnlessEnabled() {
    try (ConfigurableApplicationContext context = start()) {
      assertThat(context.getBeanNamesForType(CacheManager.class)).isEmpty();
    }
    try (ConfigurableApplicationContext context = start("--cachegen.cache-manager.enabled=true")) {
      assertThat(context.getBean(CacheManager.class)).isInstanceOf(CachegenCacheManager.class);
    }
  }
}
