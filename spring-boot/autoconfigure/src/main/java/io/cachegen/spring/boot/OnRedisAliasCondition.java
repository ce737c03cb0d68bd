package io.cachegen.spring.boot;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import java.util.List;
import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * Matches when the settings the starter reads ({@link EnvironmentCacheConfig}: {@code
 * cache.properties}, then Spring's {@code Environment}) configure at least one alias with {@code
 * backend=redis}; the Redis health contributor is registered only then. A {@code CacheConfig} bean
 * of the application's own is not seen here (conditions run before beans exist).
 *
 * <p>Settings that do not load (a bad setting) match, so that the handler bean, not this condition,
 * fails start-up with the message naming the setting. Public only for the glue modules of each Boot
 * line; not API.
 */
public final class OnRedisAliasCondition extends SpringBootCondition {

  @Override
  public ConditionOutcome getMatchOutcome(
      ConditionContext context, AnnotatedTypeMetadata metadata) {
    if (!(context.getEnvironment() instanceof ConfigurableEnvironment environment)) {
      return ConditionOutcome.noMatch("no ConfigurableEnvironment to read cachegen.caches from");
    }
    CacheConfig config;
    try {
      config = EnvironmentCacheConfig.load(environment);
    } catch (CacheConfigurationException e) {
      return ConditionOutcome.match(
          "cachegen's settings do not load; the handler bean reports why");
    }
    List<String> redis =
        config.aliases().stream()
            .filter(alias -> "redis".equals(config.settings(alias).backend()))
            .toList();
    return redis.isEmpty()
        ? ConditionOutcome.noMatch("no cachegen alias has backend=redis")
        : ConditionOutcome.match("cachegen aliases with backend=redis: " + redis);
  }
}
