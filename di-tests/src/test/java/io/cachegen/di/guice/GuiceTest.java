package io.cachegen.di.guice;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.inject.AbstractModule;
import com.google.inject.Guice;
import com.google.inject.Injector;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.test.TestCaches;
import java.util.function.LongFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Guice: each service bound to its wrapper, the handler bound to an instance. The wrapper carries
 * the service's {@code @Singleton} (Guice's or Jakarta's), so the linked binding gives one
 * instance.
 */
class GuiceTest {
  private final TestCaches caches = TestCaches.inMemory().build();
  private final Injector injector =
      Guice.createInjector(
          new AbstractModule() {
            @Override
            protected void configure() {
              bind(GuiceScopedService.class).to(GuiceScopedServiceCached.class);
              bind(JakartaScopedService.class).to(JakartaScopedServiceCached.class);
              bind(CacheHandler.class).toInstance(caches.handler());
            }
          });

  @AfterEach
  void close() {
    caches.close();
  }

  /** Each service: its type, its wrapper's type, its key prefix. */
  static Stream<Arguments> services() {
    return Stream.of(
        Arguments.of(GuiceScopedService.class, GuiceScopedServiceCached.class, "guice"),
        Arguments.of(JakartaScopedService.class, JakartaScopedServiceCached.class, "jakarta"));
  }

  @ParameterizedTest
  @MethodSource("services")
  void injectsOneCachingInstance(Class<?> service, Class<?> wrapper, String prefix) {
    Object instance = injector.getInstance(service);

    assertThat(instance).isInstanceOf(wrapper);
    assertThat(injector.getInstance(service)).isSameAs(instance);
  }

  @ParameterizedTest
  @MethodSource("services")
  void runsTheBodyOncePerKeyThroughTheBoundHandler(
      Class<?> service, Class<?> wrapper, String prefix) {
    LongFunction<String> user = user(service);
    UserRepository repository = injector.getInstance(UserRepository.class);

    assertThat(user.apply(1)).isEqualTo("user 1");
    assertThat(user.apply(1)).isEqualTo("user 1");
    assertThat(repository.loads()).isEqualTo(1);
    assertThat(user.apply(2)).isEqualTo("user 2");
    assertThat(repository.loads()).isEqualTo(2);
    assertThat(caches.cache("default").get(prefix + ":1", String.class)).isEqualTo("user 1");
  }

  private LongFunction<String> user(Class<?> service) {
    if (service == GuiceScopedService.class) {
      return injector.getInstance(GuiceScopedService.class)::user;
    }
    return injector.getInstance(JakartaScopedService.class)::user;
  }
}
