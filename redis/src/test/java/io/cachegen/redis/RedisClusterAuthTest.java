package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A cluster whose nodes require a password: the same auth options as one server work (the password
 * in the location, or {@code options.password}), and a wrong one is an error that names the cluster
 * and never shows a password.
 */
@Tag("redis")
class RedisClusterAuthTest {
  private static final String PASSWORD = "cluster-Auth-Pa55";
  private static RedisClusterFixture cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisClusterFixture.start(3, 0, PASSWORD);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  private static CacheHandler handler(String location, String... options) {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("caches.c.backend", "redis");
    props.put("caches.c.location", location);
    props.put("caches.c.key_prefix", RedisFixture.uniquePrefix());
    for (int i = 0; i < options.length; i += 2) {
      props.put("caches.c.options." + options[i], options[i + 1]);
    }
    return CacheHandler.builder().config(CacheConfig.fromMap(props)).build();
  }

  private static void works(CacheHandler handler) {
    try (handler) {
      RedisCache c = (RedisCache) handler.get("c");
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < 30; i++) {
        values.put("k" + i, i);
      }
      assertThat(c.setMany(values)).isEmpty();
      assertThat(c.getMany(List.copyOf(values.keySet()), Object.class)).hasSize(30);
      c.clear();
      assertThat(c.get("k1", Integer.class)).isNull();
    }
  }

  @Test
  void thePasswordInTheLocationWorks() {
    works(
        handler(
            cluster.location().replace("redis-cluster://", "redis-cluster://:" + PASSWORD + "@")));
  }

  @Test
  void optionsPasswordWorks() {
    works(handler(cluster.location(), "password", PASSWORD));
  }

  @Test
  void aWrongPasswordIsAnErrorThatShowsNoPassword() {
    try (CacheHandler handler = handler(cluster.location(), "password", "not-it-1234")) {
      assertThatThrownBy(() -> handler.get("c").get("k", String.class))
          .isInstanceOf(CacheException.class)
          .hasMessageContaining("cluster")
          .hasMessageNotContaining("not-it-1234")
          .hasMessageNotContaining(PASSWORD);
    }
  }
}
