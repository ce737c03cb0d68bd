package io.cachegen.di.cdi;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheHandler;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import org.jboss.weld.proxy.WeldClientProxy;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * CDI on Weld SE. {@link UserService} and {@code UserServiceCached} are both beans of type {@code
 * UserService}; the wrapper is an alternative with a priority (the processor adds
 * {@code @Alternative @Priority}), so asking for a {@code UserService} is not ambiguous and gives
 * it.
 */
class WeldTest {
  private final SeContainer container =
      SeContainerInitializer.newInstance()
          .disableDiscovery()
          .addBeanClasses(
              UserService.class, UserServiceCached.class, UserRepository.class, CacheHandlers.class)
          .initialize();

  @AfterEach
  void close() {
    container.close();
  }

  @Test
  void resolvesTheCachingBeanWithoutAmbiguity() {
    assertThat(container.select(UserService.class).isResolvable()).isTrue();
    UserService service = container.select(UserService.class).get();

    assertThat(service).isInstanceOf(UserServiceCached.class);
  }

  @Test
  void injectsOneInstance() {
    UserService first = container.select(UserService.class).get();
    UserService second = container.select(UserService.class).get();

    // client proxies, each in front of the application's one contextual instance
    Object instance = contextualInstance(first);
    assertThat(instance).isInstanceOf(UserServiceCached.class);
    assertThat(contextualInstance(second)).isSameAs(instance);
  }

  @Test
  void runsTheBodyOncePerKeyThroughTheProducedHandler() {
    UserService service = container.select(UserService.class).get();
    UserRepository repository = container.select(UserRepository.class).get();

    assertThat(service.user(1)).isEqualTo("user 1");
    assertThat(service.user(1)).isEqualTo("user 1");
    assertThat(repository.loads()).isEqualTo(1);
    assertThat(service.user(2)).isEqualTo("user 2");
    assertThat(repository.loads()).isEqualTo(2);
    CacheHandler handler = container.select(CacheHandler.class).get();
    assertThat(handler.get("default").get("user:1", String.class)).isEqualTo("user 1");
  }

  private static Object contextualInstance(Object clientProxy) {
    return ((WeldClientProxy) clientProxy).getMetadata().getContextualInstance();
  }
}
