package io.cachegen.spring.boot;

import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/**
 * Warns at start-up about a bean whose class has a generated wrapper but which is not the wrapper:
 * typically a {@code @Bean} method returning {@code new UserService(...)}, whose {@code @Cached}
 * methods then never cache. The bean is looked at before any proxy is made around it.
 */
final class UncachedBeanWarnings implements BeanPostProcessor, PriorityOrdered {
  private static final Logger LOG = LoggerFactory.getLogger(UncachedBeanWarnings.class);

  private final CachingWrappers wrappers = new CachingWrappers();

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Object postProcessBeforeInitialization(Object bean, String beanName) {
    Class<?> type = bean.getClass();
    if (CachingWrappers.isWrapper(type) || type.isSynthetic()) {
      return bean;
    }
    Optional<Class<?>> wrapper = wrappers.wrapperOf(type.getName(), type.getClassLoader());
    if (wrapper.isPresent()) {
      LOG.warn(
          "Bean '{}' is a plain {}, so its @Cached, @CachePut and @CacheEvict methods do nothing:"
              + " it was not registered by its class (a @Bean method returns it?). Return new {}("
              + "cacheHandler, ...) from the @Bean method, taking the CacheHandler bean as a"
              + " parameter, or let component scanning register {}",
          beanName,
          type.getName(),
          wrapper.get().getSimpleName(),
          type.getSimpleName());
    }
    return bean;
  }
}
