package io.cachegen.spring.boot.it;

import io.cachegen.annotations.Cached;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@code @Transactional} on a class with an interface, with {@code spring.aop.proxy-target-class}
 * false: Spring proxies it with a JDK proxy, injected as {@link Directory}.
 */
@Service
@Transactional
public class DirectoryService implements Directory {
  private final Greetings greetings;

  public DirectoryService(Greetings greetings) {
    this.greetings = greetings;
  }

  @Override
  @Cached(key = "directory:{name}")
  public String lookup(String name) {
    return greetings.greet(name);
  }
}
