package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.internal.CacheSite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Redis Sentinel on private processes (a primary, a replica, three sentinels with a password of
 * their own): operations go to the primary the sentinels name, a failover is followed without a
 * restart and without an error reaching callers ({@code ignore_exceptions=true}), and bad input (a
 * wrong service name, a wrong sentinel password) is a clear error that shows no password.
 */
@Tag("redis")
class RedisSentinelTest {
  private static final String PASSWORD = "data-Pa55";
  private static final String SENTINEL_PASSWORD = "sentinel-Pa55";

  /** Detection (down-after 1 s), the vote, the promotion and the client's switch. */
  static final Duration GAP_BOUND = Duration.ofSeconds(10);

  private RedisSentinelFixture sentinel;
  private final List<CacheHandler> handlers = new ArrayList<>();

  @BeforeEach
  void start() {
    sentinel = RedisSentinelFixture.start(PASSWORD, SENTINEL_PASSWORD);
  }

  @AfterEach
  void stop() {
    handlers.forEach(CacheHandler::close);
    sentinel.close();
  }

  private CacheHandler handler(String location, String... extra) {
    Map<String, String> props = new HashMap<>();
    props.put("caches.s.backend", "redis");
    props.put("caches.s.location", location);
    props.put("caches.s.key_prefix", "st");
    props.put("caches.s.options.sentinel_password", SENTINEL_PASSWORD);
    for (int i = 0; i < extra.length; i += 2) {
      props.put("caches.s." + extra[i], extra[i + 1]);
    }
    CacheHandler h = CacheHandler.builder().config(CacheConfig.fromMap(props)).build();
    handlers.add(h);
    return h;
  }

  @Test
  void operationsGoToThePrimaryTheSentinelsNameAndFollowAFailover() throws Exception {
    CacheHandler h =
        handler(
            sentinel.location(),
            "options.ignore_exceptions",
            "true",
            "options.socket_timeout",
            "0.25",
            "options.retry_after",
            "0.2");
    RedisCache cache = (RedisCache) h.get("s");
    int keys = 20;
    for (int i = 0; i < keys; i++) {
      cache.set("k" + i, "v" + i);
    }
    assertThat(cache.get("k1", String.class)).isEqualTo("v1");
    cache.set("n", 1L);
    assertThat(cache.incr("n", 1)).isEqualTo(2);
    int firstPrimary = sentinel.currentPrimaryPort();
    // the replica has every key before the primary dies
    Eventually.within(
        Duration.ofSeconds(10),
        "the replica caught up",
        () -> {
          try (var direct =
              RedisFixture.directClient(
                  "redis://:" + PASSWORD + "@127.0.0.1:" + otherPort(firstPrimary) + "/0")) {
            return direct.exists(cache.makeKey("k" + (keys - 1)));
          }
        });
    CacheSite.Bound bound =
        CacheSite.cached("s", ValueType.of(String.class))
            .method("Probe.value(String)")
            .build()
            .bind(h);
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicLong hits = new AtomicLong();
    List<Thread> callers = new ArrayList<>();
    for (int t = 0; t < 3; t++) {
      int offset = t;
      Thread caller =
          new Thread(
              () -> {
                int i = offset;
                while (running.get()) {
                  String key = "k" + (i++ % keys);
                  try {
                    // the calls a generated @Cached(key = "{key}") method makes
                    String madeKey = bound.finishKey(bound.keyPrefix() + key);
                    long completions = bound.completions(madeKey);
                    if (bound.lookup(madeKey) != CacheSite.MISS) {
                      hits.incrementAndGet();
                    } else {
                      bound.load(madeKey, completions, () -> "v");
                    }
                  } catch (Throwable e) {
                    errors.add(e);
                  }
                }
              });
      callers.add(caller);
      caller.start();
    }
    long killedAt = System.nanoTime();
    sentinel.dataNode(firstPrimary).kill();
    Eventually.within(
        GAP_BOUND.plusSeconds(10),
        "a write and a read on the promoted replica",
        () -> {
          String probe = "probe-" + System.nanoTime();
          return cache.set(probe, "x") && "x".equals(cache.get(probe, String.class));
        });
    Duration gap = Duration.ofNanos(System.nanoTime() - killedAt);
    long hitsAfter = hits.get();
    Eventually.within(Duration.ofSeconds(5), "hits going on", () -> hits.get() > hitsAfter + 50);
    running.set(false);
    for (Thread c : callers) {
      c.join(5000);
    }
    System.out.println(
        "sentinel failover: writes and reads served again "
            + gap.toMillis()
            + " ms after SIGKILL of the primary (down-after-milliseconds 1000)");
    assertThat(sentinel.currentPrimaryPort()).isNotEqualTo(firstPrimary);
    assertThat(errors).as("no caller saw an error").isEmpty();
    assertThat(gap).isLessThan(GAP_BOUND);
    assertThat(cache.get("k1", String.class)).as("the replica kept the data").isNotNull();
  }

  private int otherPort(int primaryPort) {
    return sentinel.dataPorts().stream().filter(p -> p != primaryPort).findFirst().orElseThrow();
  }

  @Test
  void aWrongServiceNameIsAClearError() {
    String location = sentinel.location().replace(RedisSentinelFixture.SERVICE, "no-such-svc");
    CacheHandler h = handler(location);
    assertThatThrownBy(() -> h.get("s"))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("no-such-svc")
        .hasMessageNotContaining(PASSWORD)
        .hasMessageNotContaining(SENTINEL_PASSWORD);
  }

  @Test
  void aWrongSentinelPasswordIsAClearErrorShowingNoPassword() {
    CacheHandler h = handler(sentinel.location(), "options.sentinel_password", "wrong-one");
    assertThatThrownBy(() -> h.get("s"))
        .isInstanceOf(CacheException.class)
        .hasMessageContaining("sentinel")
        .hasMessageNotContaining("wrong-one")
        .hasMessageNotContaining(PASSWORD);
  }

  @Test
  void aLocationWithoutAServiceNameIsAConfigurationError() {
    assertThatThrownBy(() -> handler("redis-sentinel://127.0.0.1:26379"))
        .isInstanceOf(io.cachegen.runtime.CacheConfigurationException.class)
        .hasMessageContaining("caches.s.location")
        .hasMessageContaining("serviceName");
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
