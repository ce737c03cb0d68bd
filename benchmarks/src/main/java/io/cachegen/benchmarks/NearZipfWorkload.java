package io.cachegen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheStats;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A skewed workload on two instances (two handlers, no shared state but the server), with the near
 * cache off and then on: {@code keys} keys already in Redis, each instance on a thread of its own
 * doing {@code ops} operations, each a write ({@code set}) with probability {@code write_ratio} and
 * otherwise a read ({@code get}), of a key drawn from Zipf({@code s}). Both run a warm-up of {@code
 * warmup} operations each first, not counted. Counted: near hits and misses (the public {@code
 * near_*} events), the server's commands ({@code INFO commandstats}: needs a server of its own),
 * and the time.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar io.cachegen.benchmarks.NearZipfWorkload OUT.json
 * </pre>
 *
 * Properties {@code near.zipf.keys} (100,000), {@code near.zipf.s} (1.0), {@code
 * near.zipf.write_ratio} (0.05), {@code near.zipf.warmup} (20,000), {@code near.zipf.ops} (60,000),
 * {@code near.zipf.seed} (13). The near options are the user's defaults ({@code
 * near_max_entries=10000}, by value).
 */
public final class NearZipfWorkload {
  private static final String ALIAS = "zipf";

  private final int keys;
  private final double s;
  private final double writeRatio;
  private final int warmup;
  private final int ops;
  private final long seed;
  private final Zipf zipf;
  private final String[] names;

  private NearZipfWorkload(int keys, double s, double writeRatio, int warmup, int ops, long seed) {
    this.keys = keys;
    this.s = s;
    this.writeRatio = writeRatio;
    this.warmup = warmup;
    this.ops = ops;
    this.seed = seed;
    this.zipf = new Zipf(keys, s);
    this.names = new String[keys];
    for (int i = 0; i < keys; i++) {
      names[i] = "z" + i;
    }
  }

  /** Runs near off, then near on, and writes both as JSON to {@code args[0]} (else stdout). */
  public static void main(String[] args) throws IOException {
    NearZipfWorkload w =
        new NearZipfWorkload(
            Integer.getInteger("near.zipf.keys", 100_000),
            Double.parseDouble(System.getProperty("near.zipf.s", "1.0")),
            Double.parseDouble(System.getProperty("near.zipf.write_ratio", "0.05")),
            Integer.getInteger("near.zipf.warmup", 20_000),
            Integer.getInteger("near.zipf.ops", 60_000),
            Long.getLong("near.zipf.seed", 13));
    Map<String, Object> result = new LinkedHashMap<>();
    result.put("keys", w.keys);
    result.put("s", w.s);
    result.put("write_ratio", w.writeRatio);
    result.put("instances", 2);
    result.put("warmup_per_instance", w.warmup);
    result.put("ops_per_instance", w.ops);
    result.put("off", w.run(false));
    result.put("on", w.run(true));
    ObjectMapper json = new ObjectMapper();
    if (args.length > 0) {
      json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[0]).toFile(), result);
    }
    System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
  }

  private static CacheHandler handler(String prefix, boolean near) {
    Map<String, String> m = CachegenSetup.nearAlias(ALIAS, RedisTarget.url(), prefix, near);
    return CacheHandler.builder().config(CacheConfig.fromMap(m)).build();
  }

  /** One mode: fill Redis, warm up, count one measured phase. */
  private Map<String, Object> run(boolean near) {
    String prefix = "nearzipf" + (near ? "on" : "off") + ProcessHandle.current().pid();
    try (CacheHandler filler = handler(prefix, false)) {
      BaseCache fill = filler.get(ALIAS);
      for (int from = 0; from < keys; from += 1000) {
        Map<String, Object> batch = new HashMap<>();
        for (int i = from; i < Math.min(keys, from + 1000); i++) {
          batch.put(names[i], Payloads.SMALL);
        }
        fill.setMany(batch);
      }
      Map<String, Object> r;
      try (CacheHandler a = handler(prefix, near);
          CacheHandler b = handler(prefix, near)) {
        List<BaseCache> caches = List.of(a.get(ALIAS), b.get(ALIAS));
        if (near) {
          caches.forEach(NearEvents::awaitTracking);
        }
        phase(caches, warmup, 0);
        CacheStats before = stats(caches);
        Map<String, Long> commandsBefore = RedisCommandCounts.now();
        long start = System.nanoTime();
        long[] counted = phase(caches, ops, 1);
        long elapsed = System.nanoTime() - start;
        Map<String, Long> commands =
            RedisCommandCounts.delta(commandsBefore, RedisCommandCounts.now());
        CacheStats after = stats(caches);
        r = summary(counted, before, after, commands, elapsed);
      }
      fill.clear();
      return r;
    }
  }

  private static CacheStats stats(List<BaseCache> caches) {
    return caches.get(0).stats().plus(caches.get(1).stats());
  }

  private static Map<String, Object> summary(
      long[] counted,
      CacheStats before,
      CacheStats after,
      Map<String, Long> commands,
      long elapsedNanos) {
    long reads = counted[0];
    long writes = counted[1];
    long nearHits = after.event(NearEvents.HIT) - before.event(NearEvents.HIT);
    long nearMisses = after.event(NearEvents.MISS) - before.event(NearEvents.MISS);
    long allCommands = commands.values().stream().mapToLong(Long::longValue).sum();
    long readCommands =
        commands.getOrDefault("get", 0L)
            + commands.getOrDefault("pttl", 0L)
            + commands.getOrDefault("mget", 0L);
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("reads", reads);
    r.put("writes", writes);
    r.put("absent", counted[2]);
    r.put("near_hits", nearHits);
    r.put("near_misses", nearMisses);
    r.put(
        "near_invalidations",
        after.event(NearEvents.INVALIDATION) - before.event(NearEvents.INVALIDATION));
    r.put("near_flushes", after.event(NearEvents.FLUSH) - before.event(NearEvents.FLUSH));
    r.put("hit_ratio", (double) nearHits / reads);
    // a near miss is one round trip (GET and PTTL pipelined); without the near cache every read is
    r.put(
        "read_round_trips_per_read",
        nearHits + nearMisses == 0 ? 1.0 : (double) nearMisses / reads);
    r.put("read_commands_per_read", (double) readCommands / reads);
    r.put("commands_per_op", (double) allCommands / (reads + writes));
    r.put("commands", new TreeMap<>(commands));
    r.put("elapsed_s", elapsedNanos / 1e9);
    r.put("ops_per_s", (reads + writes) / (elapsedNanos / 1e9));
    return r;
  }

  /**
   * {@code n} operations on each cache, each on a thread of its own, started together; returns
   * reads, writes and reads that found nothing, summed.
   */
  private long[] phase(List<BaseCache> caches, int n, int phase) {
    long[][] counts = new long[caches.size()][3];
    CountDownLatch start = new CountDownLatch(1);
    AtomicReference<Throwable> failure = new AtomicReference<>();
    Thread[] threads = new Thread[caches.size()];
    for (int t = 0; t < threads.length; t++) {
      BaseCache cache = caches.get(t);
      long[] mine = counts[t];
      SplittableRandom random = new SplittableRandom(seed * 1_000_003L + phase * 101L + t);
      threads[t] =
          new Thread(
              () -> {
                try {
                  start.await();
                  for (int i = 0; i < n; i++) {
                    String key = names[zipf.next(random)];
                    if (random.nextDouble() < writeRatio) {
                      cache.set(key, Payloads.SMALL);
                      mine[1]++;
                    } else {
                      if (cache.get(key, Payloads.SMALL_TYPE) == null) {
                        mine[2]++;
                      }
                      mine[0]++;
                    }
                  }
                } catch (Throwable e) {
                  failure.compareAndSet(null, e);
                }
              },
              "zipf-instance-" + t);
      threads[t].start();
    }
    start.countDown();
    for (Thread thread : threads) {
      try {
        thread.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted", e);
      }
    }
    if (failure.get() != null) {
      throw new IllegalStateException("a workload thread failed", failure.get());
    }
    long[] sum = new long[3];
    for (long[] c : counts) {
      for (int i = 0; i < 3; i++) {
        sum[i] += c[i];
      }
    }
    return sum;
  }
}
