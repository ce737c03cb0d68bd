package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.internal.CacheSite;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A primary killed under load of generated-code calls ({@code ignore_exceptions=true}): no caller
 * sees an error, hits on the healthy primaries go on, and hits on the dead primary's slots resume
 * on its promoted replica without a restart, within a bound of the node timeout. Its own cluster,
 * since it kills a node.
 */
@Tag("redis")
class RedisClusterFailoverTest {
  /**
   * The documented bound on the gap: five node timeouts (detection, election, slot map refresh).
   */
  static final Duration GAP_BOUND = RedisClusterFixture.NODE_TIMEOUT.multipliedBy(5);

  private RedisClusterFixture cluster;
  private CacheHandler handler;

  @BeforeEach
  void start() {
    cluster = RedisClusterFixture.start(3, 1);
    handler =
        cluster.handler(
            "fo", "ignore_exceptions", "true", "socket_timeout", "0.25", "retry_after", "0.2");
  }

  @AfterEach
  void stop() {
    handler.close();
    cluster.close();
  }

  /**
   * What a generated {@code @Cached} method does on a call, with the method body returning {@code
   * "v" + the key's number}: the made key, the lookup, and on a miss the load (body, store).
   * Returns {@code null} when the body ran (a miss), else the cached value.
   */
  private static String generatedCall(CacheSite.Bound bound, String key) {
    String madeKey = bound.finishKey(bound.keyPrefix() + key);
    long completions = bound.completions(madeKey);
    Object cached = bound.lookup(madeKey);
    if (cached != CacheSite.MISS) {
      return (String) cached;
    }
    bound.load(madeKey, completions, () -> key.replace('k', 'v'));
    return null;
  }

  @Test
  void aKilledPrimaryIsReplacedWithoutErrorsAndHitsResume() throws Exception {
    RedisCache cache = (RedisCache) handler.get("c");
    int keys = 60;
    for (int i = 0; i < keys; i++) {
      cache.set("k" + i, "v" + i);
    }
    RedisFixture.Server victim = cluster.primaries().get(0);
    // which keys the victim serves, as the client's slot map says before the kill
    java.util.Set<String> onVictim = new java.util.HashSet<>();
    for (int i = 0; i < keys; i++) {
      String node =
          cache.client().nodeDescription(cache.makeKey("k" + i).getBytes(StandardCharsets.UTF_8));
      if (node.endsWith(":" + victim.port())) {
        onVictim.add("k" + i);
      }
    }
    assertThat(onVictim).isNotEmpty().hasSizeLessThan(keys);
    // the calls a generated @Cached(key = "{key}") String method makes, as in the generated code
    CacheSite.Bound bound =
        CacheSite.cached("c", ValueType.of(String.class))
            .method("Probe.value(String)")
            .build()
            .bind(handler);
    AtomicBoolean killed = new AtomicBoolean();
    AtomicLong healthyMisses = new AtomicLong();
    AtomicLong healthyHitsDuringOutage = new AtomicLong();
    AtomicBoolean running = new AtomicBoolean(true);
    ConcurrentLinkedQueue<Throwable> errors = new ConcurrentLinkedQueue<>();
    AtomicLong lastMissAt = new AtomicLong();
    AtomicLong hits = new AtomicLong();
    List<Thread> callers = new ArrayList<>();
    CountDownLatch warmed = new CountDownLatch(4);
    for (int t = 0; t < 4; t++) {
      int offset = t;
      Thread caller =
          new Thread(
              () -> {
                int i = offset;
                boolean counted = false;
                while (running.get()) {
                  String key = "k" + (i++ % keys);
                  try {
                    String v = generatedCall(bound, key);
                    boolean healthy = !onVictim.contains(key);
                    if (killed.get() && healthy) {
                      if (v == null) {
                        healthyMisses.incrementAndGet();
                      } else {
                        healthyHitsDuringOutage.incrementAndGet();
                      }
                    }
                    if (v == null) {
                      lastMissAt.set(System.nanoTime());
                    } else {
                      hits.incrementAndGet();
                    }
                  } catch (Throwable e) {
                    errors.add(e);
                  }
                  if (!counted) {
                    warmed.countDown();
                    counted = true;
                  }
                }
              });
      callers.add(caller);
      caller.start();
    }
    warmed.await(10, TimeUnit.SECONDS);
    long killedAt = System.nanoTime();
    victim.kill();
    killed.set(true);
    // every key served again: the replica was promoted and the slot map refreshed
    Eventually.within(
        GAP_BOUND.plusSeconds(10),
        "every key readable after the failover",
        () -> {
          for (int i = 0; i < keys; i++) {
            if (cache.get("k" + i, String.class) == null) {
              return false;
            }
          }
          return true;
        });
    long recoveredAt = System.nanoTime();
    long hitsAfter = hits.get();
    Eventually.within(Duration.ofSeconds(5), "hits going on", () -> hits.get() > hitsAfter + 100);
    running.set(false);
    for (Thread c : callers) {
      c.join(5000);
    }
    Duration gap = Duration.ofNanos(recoveredAt - killedAt);
    System.out.println(
        "cluster failover: every key readable "
            + gap.toMillis()
            + " ms after SIGKILL of a primary (node timeout "
            + RedisClusterFixture.NODE_TIMEOUT.toMillis()
            + " ms); during it, healthy keys: "
            + healthyHitsDuringOutage.get()
            + " hits, "
            + healthyMisses.get()
            + " misses");
    assertThat(errors).as("no caller saw an error").isEmpty();
    // Keys on the healthy primaries are served all along: each node has its own breaker, and the
    // fixture's nodes run with cluster-require-full-coverage no (with Redis's default, yes, every
    // node answers
    // CLUSTERDOWN until the replica is promoted; the README says so).
    assertThat(healthyHitsDuringOutage.get()).isPositive();
    assertThat(healthyMisses.get())
        .as("keys on the healthy primaries stay hits while one primary is down")
        .isZero();
    assertThat(gap).isLessThan(GAP_BOUND);
  }
}
