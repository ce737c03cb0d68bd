package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.CacheHandler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A randomized consistency check of the near cache: one writer on instance A sets a handful of keys
 * to increasing integers while readers on A and on instance B (its own handler: nothing shared but
 * the server) read them, and every read is checked against the history of writes.
 *
 * <p>The rule: a read that started at {@code t0} returns a value at least as new as every write
 * that completed before {@code t0 - BOUND}. {@code BOUND} is the documented bound, one {@code
 * near_liveness_interval}: a copy is dropped when Redis's invalidation arrives (milliseconds), or,
 * should invalidations stop coming, when the watchdog notices and flushes the near cache, within
 * one interval (see {@link NearTracking}). On the writer's own instance the bound is zero: this JVM
 * drops its copy before its write returns.
 *
 * <p>The random choices are seeded and the seed printed; pass {@code -Dcachegen.seed=...} to reuse
 * one (the threads' interleaving is not reproducible, the keys chosen are).
 */
@Tag("redis")
class NearCacheConsistencyTest {
  /** The documented bound on staleness on another instance; see the class comment. */
  private static final Duration BOUND = NearCaches.INTERVAL;

  /** How often the writer picks each key: some keys change all the time, some stay cached. */
  private static final int[] KEY_WEIGHTS = {40, 30, 20, 8, 2};

  private static final int WRITES = 3_000;

  /** The writer stops early past this, so that a slow machine keeps the test short. */
  private static final Duration MAX_RUN = Duration.ofSeconds(6);

  /** The writer also reads on A after every this many writes. */
  private static final int WRITER_READS_EVERY = 4;

  private static final int READERS_ON_B = 2;
  private static final int READERS_ON_A = 1;

  private RedisFixture.Server server;
  private final List<CacheHandler> handlers = new ArrayList<>();

  @BeforeEach
  void start() {
    server = RedisFixture.startPrivate();
  }

  @AfterEach
  void stop() {
    handlers.forEach(CacheHandler::close);
    server.close();
  }

  private RedisCache instance(String prefix) {
    CacheHandler handler = NearCaches.handler(server.url(), prefix);
    handlers.add(handler);
    return NearCaches.live(handler);
  }

  /** One write: the value, when {@code set} was called and when it returned. */
  private record Write(long value, long startNanos, long endNanos) {}

  /** One read: which instance, key, when it started and ended, and what it returned. */
  private record Read(String instance, int key, long startNanos, long endNanos, Long value) {}

  /**
   * One thread's reads, kept as primitives (hundreds of thousands of them: objects would make GC
   * pauses, which show up as lag).
   */
  private static final class ReadLog {
    private static final long NULL = -1;
    final String instance;
    private long[] data = new long[4 * 65_536];
    private int size;

    ReadLog(String instance) {
      this.instance = instance;
    }

    void read(RedisCache cache, int k) {
      long start = System.nanoTime();
      Long value = cache.get(key(k), Long.class);
      long end = System.nanoTime();
      if (4 * size + 4 > data.length) {
        data = Arrays.copyOf(data, data.length * 2);
      }
      int at = 4 * size++;
      data[at] = k;
      data[at + 1] = start;
      data[at + 2] = end;
      data[at + 3] = value == null ? NULL : value;
    }

    int size() {
      return size;
    }

    Read get(int i) {
      int at = 4 * i;
      long value = data[at + 3];
      return new Read(
          instance, (int) data[at], data[at + 1], data[at + 2], value == NULL ? null : value);
    }
  }

  @Test
  void everyReadSeesEveryWriteThatCompletedMoreThanTheBoundBeforeItStarted() throws Exception {
    long seed = Long.getLong("cachegen.seed", System.nanoTime());
    System.out.println(
        "NearCacheConsistencyTest seed: " + seed + " (-Dcachegen.seed=" + seed + ")");
    String prefix = RedisFixture.uniquePrefix();
    RedisCache a = instance(prefix);
    RedisCache b = instance(prefix);
    int keys = KEY_WEIGHTS.length;

    List<List<Write>> history = new ArrayList<>();
    for (int k = 0; k < keys; k++) {
      long t = System.nanoTime();
      a.set(key(k), 0L);
      history.add(new ArrayList<>(List.of(new Write(0, t, System.nanoTime()))));
    }

    ExecutorService threads = Executors.newCachedThreadPool();
    List<Future<ReadLog>> readers = new ArrayList<>();
    Writer writer = new Writer(a, new Random(seed), history);
    try {
      for (int i = 0; i < READERS_ON_B + READERS_ON_A; i++) {
        boolean onB = i < READERS_ON_B;
        ReadLog log = new ReadLog((onB ? "B" : "A") + i);
        Random random = new Random(seed + 1 + i);
        RedisCache cache = onB ? b : a;
        readers.add(
            threads.submit(
                () -> {
                  while (!writer.done) {
                    log.read(cache, random.nextInt(KEY_WEIGHTS.length));
                  }
                  return log;
                }));
      }
      writer.run();
    } finally {
      writer.done = true;
      threads.shutdown();
    }
    List<ReadLog> reads = new ArrayList<>(List.of(writer.ownReads));
    for (Future<ReadLog> r : readers) {
      reads.add(r.get(30, TimeUnit.SECONDS));
    }
    assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

    Verdict verdict = check(reads, history);
    long nearHitsOnB = b.stats().event(NearCache.Events.NEAR_HIT);
    String report =
        String.format(
            "near cache consistency (seed %d): %d writes, %d reads (%d served by B's near cache,"
                + " %d invalidations on B); largest lag on B %.3f ms, on A %.3f ms; bound %d ms"
                + " on B, 0 on A; B's laggiest read: %s",
            seed,
            writer.written,
            reads.stream().mapToInt(ReadLog::size).sum(),
            nearHitsOnB,
            b.stats().event(NearCache.Events.NEAR_INVALIDATION),
            verdict.maxLagNanos("B") / 1e6,
            verdict.maxLagNanos("A") / 1e6,
            BOUND.toMillis(),
            verdict.laggiestOnB);
    System.out.println(report);

    assertThat(verdict.worst).as(report).isNull();
    assertThat(nearHitsOnB)
        .as("B's near cache served reads (else this checks nothing)")
        .isPositive();
  }

  private static String key(int k) {
    return "key" + k;
  }

  /** The one writer, on A: increasing integers over all keys, so each key's values increase. */
  private static final class Writer {
    final RedisCache cache;
    final Random random;
    final List<List<Write>> history;
    final ReadLog ownReads = new ReadLog("A-writer");
    volatile boolean done;
    int written;

    Writer(RedisCache cache, Random random, List<List<Write>> history) {
      this.cache = cache;
      this.random = random;
      this.history = history;
    }

    void run() {
      long deadline = System.nanoTime() + MAX_RUN.toNanos();
      for (long value = 1; value <= WRITES && System.nanoTime() - deadline < 0; value++) {
        int k = weightedKey(random);
        long start = System.nanoTime();
        assertThat(cache.set(key(k), value)).isTrue();
        history.get(k).add(new Write(value, start, System.nanoTime()));
        written++;
        if (value % WRITER_READS_EVERY == 0) {
          ownReads.read(cache, random.nextInt(history.size()));
        }
      }
      done = true;
    }
  }

  private static int weightedKey(Random random) {
    int total = 0;
    for (int w : KEY_WEIGHTS) {
      total += w;
    }
    int r = random.nextInt(total);
    for (int k = 0; k < KEY_WEIGHTS.length; k++) {
      r -= KEY_WEIGHTS[k];
      if (r < 0) {
        return k;
      }
    }
    throw new AssertionError();
  }

  /** The worst violation, and the largest lag seen per instance (with the read that had it). */
  private static final class Verdict {
    String worst;
    long worstExcessNanos = Long.MIN_VALUE;
    long maxLagOnA;
    long maxLagOnB;
    String laggiestOnB = "none";

    long maxLagNanos(String instance) {
      return instance.equals("A") ? maxLagOnA : maxLagOnB;
    }

    void violation(long excessNanos, String what) {
      if (worst == null || excessNanos > worstExcessNanos) {
        worst = what;
        worstExcessNanos = excessNanos;
      }
    }
  }

  /**
   * Checks every read against the key's history. A read's lag is how long before it started the
   * first write newer than what it returned had completed (0 if none had): over the bound is a
   * violation. A value never written to the key, or read before its write started, is one too.
   */
  private static Verdict check(List<ReadLog> logs, List<List<Write>> history) {
    Verdict verdict = new Verdict();
    for (ReadLog log : logs) {
      for (int n = 0; n < log.size(); n++) {
        check(log.get(n), history, verdict);
      }
    }
    return verdict;
  }

  private static void check(Read r, List<List<Write>> history, Verdict verdict) {
    List<Write> writes = history.get(r.key);
    if (r.value == null) {
      verdict.violation(Long.MAX_VALUE, r + " returned nothing, but the key was always set");
      return;
    }
    int i = indexOf(writes, r.value);
    if (i < 0) {
      verdict.violation(Long.MAX_VALUE, r + " returned a value never written to " + key(r.key));
      return;
    }
    if (writes.get(i).startNanos - r.endNanos > 0) {
      verdict.violation(
          Long.MAX_VALUE, r + " returned " + writes.get(i) + ", written after the read ended");
      return;
    }
    long lag = 0;
    if (i + 1 < writes.size() && r.startNanos - writes.get(i + 1).endNanos > 0) {
      lag = r.startNanos - writes.get(i + 1).endNanos;
    }
    boolean onA = r.instance.startsWith("A");
    long bound = onA ? 0 : BOUND.toNanos();
    if (onA) {
      verdict.maxLagOnA = Math.max(verdict.maxLagOnA, lag);
    } else if (lag > verdict.maxLagOnB) {
      verdict.maxLagOnB = lag;
      verdict.laggiestOnB = describe(r, writes, i, lag, bound);
    }
    if (lag > bound) {
      verdict.violation(lag - bound, describe(r, writes, i, lag, bound));
    }
  }

  /**
   * A read that returned {@code writes.get(i)} while a newer write had completed {@code lag} ago.
   */
  private static String describe(Read r, List<Write> writes, int i, long lag, long bound) {
    int newest = i + 1;
    while (newest + 1 < writes.size() && r.startNanos - writes.get(newest + 1).endNanos > 0) {
      newest++;
    }
    return String.format(
        "a read on %s of %s returned %d, %.3f ms after the write of %d had completed (bound %d"
            + " ms); %d write(s) of the key had completed when the read started, the newest %d",
        r.instance,
        key(r.key),
        r.value,
        lag / 1e6,
        writes.get(i + 1).value,
        TimeUnit.NANOSECONDS.toMillis(bound),
        newest - i,
        writes.get(newest).value);
  }

  private static int indexOf(List<Write> writes, long value) {
    int lo = 0;
    int hi = writes.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      long v = writes.get(mid).value;
      if (v < value) {
        lo = mid + 1;
      } else if (v > value) {
        hi = mid - 1;
      } else {
        return mid;
      }
    }
    return -1;
  }
}
