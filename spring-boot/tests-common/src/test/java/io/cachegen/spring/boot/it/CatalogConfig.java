package io.cachegen.spring.boot.it;

import io.cachegen.runtime.CacheHandler;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Declares the wrapper of a scanned class itself, as users did before the starter. */
@Configuration(proxyBeanMethods = false)
public class CatalogConfig {
  @Bean
  CatalogCached catalogCached(CacheHandler cacheHandler) {
    return new CatalogCached(cacheHandler);
  }
}
