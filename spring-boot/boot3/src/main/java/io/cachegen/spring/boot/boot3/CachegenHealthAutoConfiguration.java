package io.cachegen.spring.boot.boot3;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.spring.boot.CachegenAutoConfiguration;
import io.cachegen.spring.boot.OnRedisAliasCondition;
import io.cachegen.spring.boot.actuate.RedisHealthCheck;
import org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator;
import org.springframework.boot.actuate.health.Health;
import org.springframework.boot.actuate.health.HealthIndicator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;

/**
 * The {@code cachegen} health contributor on Boot 3 ({@code
 * org.springframework.boot.actuate.health}, absent on Boot 4): {@link RedisHealthCheck}'s report as
 * a {@link Health}. Registered when an alias has {@code backend=redis} and {@code
 * management.health.cachegen.enabled} is not {@code false}. Boot adds it to no probe group; see the
 * README to add it to readiness.
 */
@AutoConfiguration(after = CachegenAutoConfiguration.class)
@ConditionalOnClass(
    name = {
      "org.springframework.boot.actuate.health.HealthIndicator",
      "org.springframework.boot.actuate.autoconfigure.health.ConditionalOnEnabledHealthIndicator",
      "io.cachegen.redis.RedisCache"
    })
@Conditional(OnRedisAliasCondition.class)
public class CachegenHealthAutoConfiguration {

  /** The contributor named {@code cachegen} (Boot drops the bean name's suffix). */
  @Bean
  @ConditionalOnEnabledHealthIndicator("cachegen")
  @ConditionalOnBean(CacheHandler.class)
  @ConditionalOnMissingBean(name = "cachegenHealthIndicator")
  HealthIndicator cachegenHealthIndicator(CacheHandler handler) {
    RedisHealthCheck check = new RedisHealthCheck(handler);
    return () -> {
      RedisHealthCheck.Report report = check.check();
      return (report.down() ? Health.down() : Health.up()).withDetails(report.details()).build();
    };
  }
}
