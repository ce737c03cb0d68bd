package io.cachegen.spring.boot;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.BeansException;
import org.springframework.beans.factory.BeanClassLoaderAware;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.beans.factory.support.AbstractBeanDefinition;
import org.springframework.beans.factory.support.BeanDefinitionRegistry;
import org.springframework.beans.factory.support.BeanDefinitionRegistryPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.type.MethodMetadata;
import org.springframework.util.ClassUtils;

/**
 * Registers each bean defined by its class (component scanning, {@code @Import}, {@code
 * registerBean}) whose class has a generated wrapper as that wrapper: a {@code @Service
 * UserService} with {@code @Cached} methods becomes a {@code UserServiceCached} bean under the same
 * name, so injection by the class, its interfaces or the name gets the caching one, and there is
 * one bean, not two.
 *
 * <p>If the application also declares the wrapper itself with a {@code @Bean} method returning
 * {@code UserServiceCached}, that bean is kept and the scanned one removed (its name becomes an
 * alias of the declared one). A {@code @Bean} method returning {@code new UserService()} cannot be
 * swapped: {@link UncachedBeanWarnings} warns about it at start-up.
 *
 * <p>Runs after the configuration classes are read (it is not {@code PriorityOrdered}), so every
 * scanned bean is seen.
 */
final class CachingWrapperRegistrar
    implements BeanDefinitionRegistryPostProcessor, BeanClassLoaderAware, Ordered {
  private static final Logger LOG = LoggerFactory.getLogger(CachingWrapperRegistrar.class);

  private final CachingWrappers wrappers = new CachingWrappers();

  /** The context's bean class loader: where the application's classes, and wrappers, load. */
  private ClassLoader classLoader = ClassUtils.getDefaultClassLoader();

  @Override
  public void setBeanClassLoader(ClassLoader classLoader) {
    this.classLoader = classLoader;
  }

  @Override
  public int getOrder() {
    return Ordered.LOWEST_PRECEDENCE;
  }

  @Override
  public void postProcessBeanDefinitionRegistry(BeanDefinitionRegistry registry)
      throws BeansException {
    Map<String, String> declaredWrappers = declaredWrappers(registry);
    for (String name : registry.getBeanDefinitionNames()) {
      BeanDefinition definition = registry.getBeanDefinition(name);
      String className = definition.getBeanClassName();
      if (definition.getFactoryMethodName() != null || className == null) {
        continue;
      }
      Optional<Class<?>> wrapper = wrappers.wrapperOf(className, classLoader);
      if (wrapper.isEmpty()) {
        continue;
      }
      String declared = declaredWrappers.get(wrapper.get().getName());
      if (declared != null) {
        registry.removeBeanDefinition(name);
        registry.registerAlias(declared, name);
        LOG.info(
            "Bean '{}' ({}) is not registered: bean '{}' already is its caching {}; '{}' now names"
                + " it",
            name,
            className,
            declared,
            wrapper.get().getSimpleName(),
            name);
        continue;
      }
      if (definition instanceof AbstractBeanDefinition abstractDefinition) {
        abstractDefinition.setBeanClass(wrapper.get());
      } else {
        definition.setBeanClassName(wrapper.get().getName());
      }
      LOG.debug("Bean '{}' is registered as {}", name, wrapper.get().getName());
    }
  }

  /** The beans {@code @Bean} methods declare with a wrapper as their return type, by wrapper. */
  private static Map<String, String> declaredWrappers(BeanDefinitionRegistry registry) {
    Map<String, String> declared = new HashMap<>();
    for (String name : registry.getBeanDefinitionNames()) {
      if (registry.getBeanDefinition(name) instanceof AnnotatedBeanDefinition annotated) {
        MethodMetadata method = annotated.getFactoryMethodMetadata();
        if (method != null && method.getReturnTypeName().endsWith("Cached")) {
          declared.putIfAbsent(method.getReturnTypeName(), name);
        }
      }
    }
    return declared;
  }

  @Override
  public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {}
}
