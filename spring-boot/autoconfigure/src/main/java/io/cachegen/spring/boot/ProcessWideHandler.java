package io.cachegen.spring.boot;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;

/**
 * {@code cachegen.process-wide=true} (the default): installs the context's handler as {@link
 * Caches#handler()}, which wrappers made with {@code new} and the static {@code evictX} helpers
 * use, and uninstalls it when the context closes if it is still the installed one (a later context
 * may have installed its own).
 */
final class ProcessWideHandler implements InitializingBean, DisposableBean {
  private final CacheHandler handler;

  ProcessWideHandler(CacheHandler handler) {
    this.handler = handler;
  }

  @Override
  public void afterPropertiesSet() {
    Caches.install(handler);
  }

  @Override
  public void destroy() {
    Caches.uninstall(handler);
  }
}
