package io.cachegen.spring.boot;

import io.cachegen.runtime.CacheHandler;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.config.SmartInstantiationAwareBeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.PriorityOrdered;

/**
 * Makes Spring construct a generated wrapper through its constructors that take a {@link
 * CacheHandler} first, so the wrapper caches through the context's handler bean (and depends on it)
 * rather than the process-wide one. A wrapper has each of the user's constructors twice, as written
 * and with the handler first; without this, Spring would find two constructors and no
 * {@code @Autowired} on either, and fail or pick the no-argument one.
 */
final class CachingWrapperConstructors
    implements SmartInstantiationAwareBeanPostProcessor, PriorityOrdered {

  @Override
  public int getOrder() {
    return Ordered.HIGHEST_PRECEDENCE;
  }

  @Override
  public Constructor<?>[] determineCandidateConstructors(Class<?> beanClass, String beanName) {
    if (!CachingWrappers.isWrapper(beanClass)) {
      return null;
    }
    List<Constructor<?>> handlerFirst = new ArrayList<>();
    for (Constructor<?> c : beanClass.getDeclaredConstructors()) {
      Class<?>[] parameters = c.getParameterTypes();
      if (parameters.length > 0
          && parameters[0] == CacheHandler.class
          && !Modifier.isPrivate(c.getModifiers())) {
        handlerFirst.add(c);
      }
    }
    return handlerFirst.isEmpty() ? null : handlerFirst.toArray(new Constructor<?>[0]);
  }
}
