package io.cachegen.spring.boot.cache;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.spring.boot.CachegenAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.cache.CacheManager;
import org.springframework.context.annotation.Bean;

/**
 * With {@code cachegen.cache-manager.enabled=true}, Spring's {@link CacheManager} over cachegen's
 * aliases ({@link CachegenCacheManager}). Off by default: a {@code CacheManager} bean makes Boot's
 * own cache auto-configuration back off. Ordered before Boot's (its class moved from {@code
 * org.springframework.boot.autoconfigure.cache} in Boot 3 to {@code
 * org.springframework.boot.cache.autoconfigure} in Boot 4), so that Boot sees this manager and does
 * not add a second one.
 */
@AutoConfiguration(
    after = CachegenAutoConfiguration.class,
    beforeName = {
      "org.springframework.boot.autoconfigure.cache.CacheAutoConfiguration",
      "org.springframework.boot.cache.autoconfigure.CacheAutoConfiguration"
    })
@ConditionalOnClass({CacheManager.class, CacheHandler.class})
@ConditionalOnProperty(name = "cachegen.cache-manager.enabled", havingValue = "true")
public class CachegenCacheManagerAutoConfiguration {

  /** The manager over the context's handler, unless the application defines a CacheManager. */
  @Bean
  @ConditionalOnMissingBean(CacheManager.class)
  @ConditionalOnBean(CacheHandler.class)
  CachegenCacheManager cachegenCacheManager(CacheHandler handler) {
    return new CachegenCacheManager(handler);
  }
}
