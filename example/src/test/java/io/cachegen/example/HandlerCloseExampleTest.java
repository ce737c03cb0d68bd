package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Generated code and the handler's lifecycle: a cache's close() leaves the method cached; after its
 * handler closes, the method fails naming the alias until another handler is installed (or for
 * good, when the instance was constructed with that handler).
 */
class HandlerCloseExampleTest {

  private static CacheHandler locmem() {
    return CacheHandler.create(CacheConfig.fromMap(Map.of("caches.default.backend", "locmem")));
  }

  @AfterEach
  void reset() {
    Caches.reset();
  }

  @Test
  void closingTheCacheKeepsTheMethodCached() {
    CacheHandler handler = locmem();
    Caches.install(handler);
    DataService data = new DataServiceCached();
    data.data();
    handler.cache().close();
    assertThat(data.data()).containsExactly("0", "1", "2");
    assertThat(data.computations()).as("still a hit after close()").isEqualTo(1);
  }

  @Test
  void aMethodBoundToAClosedHandlerFailsNamingTheAliasUntilAnotherIsInstalled() {
    CacheHandler first = locmem();
    Caches.install(first);
    DataService data = new DataServiceCached();
    assertThat(data.data()).containsExactly("0", "1", "2");
    first.close();

    assertThatThrownBy(data::data)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'default'")
        .hasMessageContaining("CacheHandler")
        .hasMessageContaining("closed");
    assertThat(data.computations()).as("the body did not run").isEqualTo(1);

    CacheHandler second = locmem();
    Caches.install(second);
    assertThat(data.data()).isEqualTo(List.of("0", "1", "2"));
    assertThat(data.computations()).as("a miss in the new handler's cache").isEqualTo(2);
    assertThat(data.data()).isEqualTo(List.of("0", "1", "2"));
    assertThat(data.computations()).isEqualTo(2);
  }

  @Test
  void aMethodConstructedWithAHandlerStaysWithItAfterItCloses() {
    CacheHandler own = locmem();
    Caches.install(locmem());
    DataService data = new DataServiceCached(own);
    assertThat(data.data()).containsExactly("0", "1", "2");
    own.close();

    // The installed handler is still open, but this instance caches through its own only.
    assertThatThrownBy(data::data)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'default'")
        .hasMessageContaining("closed");
    assertThat(data.computations()).isEqualTo(1);
  }
}
