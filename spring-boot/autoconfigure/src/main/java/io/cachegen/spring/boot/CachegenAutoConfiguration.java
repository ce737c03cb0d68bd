package io.cachegen.spring.boot;

import io.cachegen.micrometer.MicrometerCacheMetrics;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.EvictionScheduler;
import io.cachegen.runtime.spi.CacheMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.util.ClassUtils;

/**
 * cachegen in a Spring Boot application:
 *
 * <ul>
 *   <li>the {@link CacheHandler} bean (closed with the context), configured from Spring's {@code
 *       Environment} under {@code cachegen.caches.<alias>.*} ({@link EnvironmentCacheConfig}; a bad
 *       setting fails start-up naming it), also installed as the process-wide handler unless {@code
 *       cachegen.process-wide=false};
 *   <li>component-scanned classes with {@code @Cached} methods registered as their generated
 *       wrappers, constructed with the handler bean ({@link CachingWrapperRegistrar}, {@link
 *       CachingWrapperConstructors}); a warning for a bean that could not be ({@link
 *       UncachedBeanWarnings});
 *   <li>with {@code cachegen.evict-after-commit=true}, generated evictions after the surrounding
 *       transaction commits ({@link TransactionAwareEvictions});
 *   <li>with Micrometer, meters under the names of Boot's cache meters ({@link
 *       MicrometerCacheMetrics}, a {@code MeterBinder} Boot binds to every registry).
 * </ul>
 *
 * <p>Each bean backs off if the application defines its own.
 */
@AutoConfiguration
@ConditionalOnClass(CacheHandler.class)
public class CachegenAutoConfiguration {

  /** Registers scanned classes as their wrappers (static: it runs before other beans exist). */
  @Bean
  static CachingWrapperRegistrar cachegenWrapperRegistrar() {
    return new CachingWrapperRegistrar();
  }

  /** Constructs wrappers with the handler bean. */
  @Bean
  static CachingWrapperConstructors cachegenWrapperConstructors() {
    return new CachingWrapperConstructors();
  }

  /** Warns about beans whose {@code @Cached} methods will not cache. */
  @Bean
  static UncachedBeanWarnings cachegenUncachedBeanWarnings() {
    return new UncachedBeanWarnings();
  }

  /** Every alias's settings, from the Environment over {@code cache.properties}. */
  @Bean
  @ConditionalOnMissingBean
  CacheConfig cachegenCacheConfig(ConfigurableEnvironment environment) {
    return EnvironmentCacheConfig.load(environment);
  }

  /** When generated evictions run: after commit with {@code cachegen.evict-after-commit=true}. */
  @Bean
  @ConditionalOnMissingBean
  EvictionScheduler cachegenEvictionScheduler(ConfigurableEnvironment environment) {
    if (!environment.getProperty("cachegen.evict-after-commit", Boolean.class, false)) {
      return EvictionScheduler.IMMEDIATE;
    }
    if (!ClassUtils.isPresent(
        "org.springframework.transaction.support.TransactionSynchronizationManager",
        classLoader())) {
      throw new CacheConfigurationException(
          "cachegen.evict-after-commit=true needs Spring's transactions (spring-tx) on the class"
              + " path");
    }
    return new TransactionAwareEvictions();
  }

  /** The application's caches: one per alias, closed with the context. */
  @Bean(destroyMethod = "close")
  @ConditionalOnMissingBean
  CacheHandler cachegenCacheHandler(
      CacheConfig config, EvictionScheduler evictions, ObjectProvider<CacheMetrics> metrics) {
    CacheHandler.Builder builder = CacheHandler.builder().config(config);
    builder.evictionScheduler(evictions);
    metrics.ifAvailable(builder::metrics);
    return builder.build();
  }

  /** Installs the handler as the process-wide one while the context lives. */
  @Bean
  @ConditionalOnProperty(name = "cachegen.process-wide", matchIfMissing = true)
  ProcessWideHandler cachegenProcessWideHandler(CacheHandler handler) {
    return new ProcessWideHandler(handler);
  }

  private static ClassLoader classLoader() {
    return CachegenAutoConfiguration.class.getClassLoader();
  }

  /** Micrometer meters, when Micrometer and cachegen-micrometer are on the class path. */
  @Configuration(proxyBeanMethods = false)
  @ConditionalOnClass({MeterRegistry.class, MicrometerCacheMetrics.class})
  static class Metrics {
    /** The handler's counters, exported to every registry Boot binds {@code MeterBinder}s to. */
    @Bean
    @ConditionalOnMissingBean(CacheMetrics.class)
    MicrometerCacheMetrics cachegenMetrics(ConfigurableEnvironment environment) {
      return new MicrometerCacheMetrics(
          environment.getProperty("cachegen.cache-manager.name", "cachegen"));
    }
  }
}
