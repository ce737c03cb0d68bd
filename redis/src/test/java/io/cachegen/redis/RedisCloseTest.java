package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Django's close semantics on Redis, on a private server: {@code BaseCache.close()} releases the
 * pooled connections and the cache stays usable; {@code CacheHandler.close()} disposes of it.
 * Connections are counted on the server (CLIENT LIST, by the alias's {@code client_name}).
 */
@Tag("redis")
class RedisCloseTest {
  private static final String CLIENT_NAME = "cachegen-close-test";

  private RedisFixture.Server server;
  private UnifiedJedis direct;
  private CacheHandler handler;

  @BeforeEach
  void start() {
    server = RedisFixture.startPrivate();
    direct = RedisFixture.directClient(server.url());
    handler =
        CacheHandler.create(
            CacheConfig.fromMap(
                Map.of(
                    "caches.sessions.backend",
                    "redis",
                    "caches.sessions.location",
                    server.url(),
                    "caches.sessions.options.client_name",
                    CLIENT_NAME)));
  }

  @AfterEach
  void stop() {
    handler.close();
    direct.close();
    server.close();
  }

  /** How many connections the server has from the cache (not from {@link #direct}). */
  private long cacheConnections() {
    Object list = direct.sendCommand(Protocol.Command.CLIENT, "LIST");
    return SafeEncoder.encode((byte[]) list)
        .lines()
        .filter(l -> l.contains(" name=" + CLIENT_NAME + " "))
        .count();
  }

  /**
   * The server's count once it has handled the disconnects: close() returns when the client has
   * closed its sockets, and the server drops a client when its event loop next reads the socket, so
   * CLIENT LIST on another connection may still list it for a moment. Polls CLIENT LIST (no fixed
   * sleep) for at most 5 s.
   */
  private long cacheConnectionsOnceSettled(long expected) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
    long seen = cacheConnections();
    while (seen != expected && System.nanoTime() < deadline) {
      LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
      seen = cacheConnections();
    }
    return seen;
  }

  @Test
  void closeReleasesTheConnectionsAndTheNextCallOpensOneAgain() {
    BaseCache cache = handler.get("sessions");
    cache.set("k", "v");
    assertThat(cacheConnections()).isEqualTo(1);

    cache.close();
    assertThat(cacheConnectionsOnceSettled(0)).as("after close()").isZero();

    assertThat(cache.get("k", String.class)).isEqualTo("v");
    assertThat(cacheConnections()).as("the next call reconnected").isEqualTo(1);
    cache.close();
    cache.close(); // idempotent
    assertThat(cache.set("k", "w")).isTrue();
    assertThat(cache.get("k", String.class)).isEqualTo("w");
  }

  @Test
  void callsRunningWhileAnotherThreadClosesNeverFail() throws Exception {
    BaseCache cache = handler.get("sessions");
    int threads = 4;
    int callsPerThread = 2_000;
    CyclicBarrier barrier = new CyclicBarrier(threads + 1);
    AtomicBoolean done = new AtomicBoolean();
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        String key = "k" + t;
        workers.add(
            pool.submit(
                () -> {
                  barrier.await();
                  for (int i = 0; i < callsPerThread; i++) {
                    assertThat(cache.set(key, i)).isTrue();
                    assertThat(cache.get(key, Integer.class)).isEqualTo(i);
                  }
                  return null;
                }));
      }
      barrier.await();
      int closes = 0;
      while (!done.get()) {
        cache.close();
        closes++;
        done.set(workers.stream().allMatch(Future::isDone));
      }
      for (Future<?> w : workers) {
        w.get(60, TimeUnit.SECONDS); // rethrows a failed call
      }
      assertThat(closes).isPositive();
    } finally {
      pool.shutdownNow();
    }
    cache.close();
    assertThat(cacheConnections()).as("nothing in flight: close() released everything").isZero();
  }

  @Test
  void afterTheHandlerClosesTheCacheAndTheAliasFailNamingTheAlias() {
    BaseCache cache = handler.get("sessions");
    cache.set("k", "v");
    handler.close();
    assertThat(cacheConnections()).as("pools closed for good").isZero();

    assertThatThrownBy(() -> cache.get("k", String.class))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'sessions'")
        .hasMessageContaining("CacheHandler")
        .hasMessageContaining("closed");
    assertThatThrownBy(() -> cache.set("k", "w")).isInstanceOf(IllegalStateException.class);
    assertThatThrownBy(() -> ((RedisCache) cache).ttl("k"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'sessions'");
    assertThatThrownBy(() -> handler.get("sessions"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("'sessions'")
        .hasMessageContaining("closed");
    assertThat(cacheConnections()).as("nothing reconnected").isZero();
    cache.close(); // still harmless
  }
}
