package io.cachegen.spring.boot;

import io.cachegen.runtime.CachingWrapper;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.util.ClassUtils;

/**
 * Finds the generated wrapper of a class, through the class loader the class itself comes from
 * (DevTools' restart loader, an application server's), so the wrapper is the same class the bean
 * class's subclass would be: by the processor's naming ({@code com.example.Users} → {@code
 * com.example.UsersCached}, {@code Outer.Inner} → {@code Outer_InnerCached}), confirmed by the
 * wrapper's {@link CachingWrapper} naming the class. No index: the processor stays isolating for
 * Gradle's incremental builds. Answers are remembered per class.
 */
final class CachingWrappers {
  private final ConcurrentHashMap<String, Optional<Class<?>>> found = new ConcurrentHashMap<>();

  /**
   * The concrete wrapper of class {@code className}, loaded by {@code classLoader}, if the
   * processor generated one.
   */
  Optional<Class<?>> wrapperOf(String className, ClassLoader classLoader) {
    return found.computeIfAbsent(className, name -> find(name, classLoader));
  }

  /** Whether {@code type} is a generated wrapper. */
  static boolean isWrapper(Class<?> type) {
    return type.isAnnotationPresent(CachingWrapper.class);
  }

  private static Optional<Class<?>> find(String className, ClassLoader classLoader) {
    if (className.startsWith("org.springframework.")
        || className.startsWith("java.")
        || className.startsWith("jdk.")) {
      return Optional.empty(); // never a user's class: saves a failed class lookup per bean
    }
    int dot = className.lastIndexOf('.');
    String wrapperName =
        className.substring(0, dot + 1) + className.substring(dot + 1).replace('$', '_') + "Cached";
    if (!ClassUtils.isPresent(wrapperName, classLoader)) {
      return Optional.empty();
    }
    Class<?> wrapper = ClassUtils.resolveClassName(wrapperName, classLoader);
    CachingWrapper marker = wrapper.getAnnotation(CachingWrapper.class);
    if (marker == null
        || !marker.value().getName().equals(className)
        || Modifier.isAbstract(wrapper.getModifiers())
        || marker.value().isInterface()) {
      return Optional.empty();
    }
    return Optional.of(wrapper);
  }
}
