package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code rediss-cluster://}: a cluster whose nodes speak TLS only, with the test CA. */
@Tag("redis")
class RedisClusterTlsTest {
  private static RedisClusterFixture cluster;

  @BeforeAll
  static void startCluster() {
    cluster = RedisClusterFixture.startTls(3, 0);
  }

  @AfterAll
  static void stopCluster() {
    cluster.close();
  }

  @Test
  void everyOperationGoesOverTlsToTheKeysNode() {
    Map<String, String> props = new LinkedHashMap<>();
    props.put("caches.c.backend", "redis");
    props.put("caches.c.location", cluster.tlsLocation());
    props.put("caches.c.key_prefix", RedisFixture.uniquePrefix());
    props.put("caches.c.options.ssl_ca_certs", cluster.caFile().toString());
    try (CacheHandler handler = CacheHandler.builder().config(CacheConfig.fromMap(props)).build()) {
      RedisCache c = (RedisCache) handler.get("c");
      Map<String, Object> values = new LinkedHashMap<>();
      for (int i = 0; i < 50; i++) {
        values.put("k" + i, "v" + i);
      }
      assertThat(c.setMany(values)).isEmpty();
      assertThat(c.getMany(List.copyOf(values.keySet()), Object.class)).isEqualTo(values);
      c.clear();
      assertThat(c.get("k1", String.class)).isNull();
    }
  }
}
