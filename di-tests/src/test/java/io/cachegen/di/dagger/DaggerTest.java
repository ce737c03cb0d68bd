package io.cachegen.di.dagger;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.test.TestCaches;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Dagger, with cachegen's processor and Dagger's in one compile: the component binds {@link
 * UserService} to {@code UserServiceCached}, which cachegen generated, and provides the handler.
 */
class DaggerTest {
  private final TestCaches caches = TestCaches.inMemory().build();
  private final UserComponent component =
      DaggerUserComponent.builder().cacheModule(new CacheModule(caches.handler())).build();

  @AfterEach
  void close() {
    caches.close();
  }

  @Test
  void injectsOneCachingInstancePerComponent() {
    UserService service = component.userService();

    assertThat(service).isInstanceOf(UserServiceCached.class);
    assertThat(component.userService()).isSameAs(service);
    UserComponent other =
        DaggerUserComponent.builder().cacheModule(new CacheModule(caches.handler())).build();
    assertThat(other.userService()).isNotSameAs(service);
  }

  @Test
  void runsTheBodyOncePerKey() {
    UserService service = component.userService();

    assertThat(service.user(1)).isEqualTo("user 1");
    assertThat(service.user(1)).isEqualTo("user 1");
    assertThat(component.repository().loads()).isEqualTo(1);
    assertThat(service.user(2)).isEqualTo("user 2");
    assertThat(component.repository().loads()).isEqualTo(2);
  }

  @Test
  void cachesThroughTheProvidedHandler() {
    component.userService().user(7);
    component.userService().user(7);

    assertThat(caches.cache("default").get("user:7", String.class)).isEqualTo("user 7");
    assertThat(caches.methodStats("UserService.user(long)").hits()).isEqualTo(1);
    assertThat(caches.methodStats("UserService.user(long)").misses()).isEqualTo(1);
  }
}
