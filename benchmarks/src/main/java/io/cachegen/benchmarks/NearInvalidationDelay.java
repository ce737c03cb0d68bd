package io.cachegen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How long after a write's reply another instance's near cache drops the key: two handlers A and B
 * (two "instances", no shared state but the server) with {@code near_cache=true} on one Redis
 * ({@link RedisTarget}). Each sample: B holds a copy of the key; A sets it; the delay is from the
 * moment A's {@code set} returned to the moment B's message reader dropped the key from L1 (noted
 * on that thread by {@link InvalidationClock}, which hooks the public {@code near_invalidation}
 * count). Then, outside the measured part, A's own message is awaited and B reads the key again (a
 * near miss that keeps a new copy), checked to be held with one more read (a near hit).
 *
 * <p>The measuring thread parks while it waits (as an idle instance would): the delay includes
 * waking B's reader thread, not the measuring thread. A delay can be negative: B's reader may drop
 * the key before A's thread has read the reply, as Redis sends both at once (the share of such
 * samples is reported). Also reported: the delay from the moment A called {@code set} (request,
 * reply and message included), and A's write itself. Percentiles are nearest-rank over the sorted
 * samples.
 *
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar -Dnear.delay.samples=10000 \
 *   io.cachegen.benchmarks.NearInvalidationDelay OUT.json
 * </pre>
 *
 * Properties: {@code near.delay.warmup} (2,000 samples not kept), {@code near.delay.samples}
 * (10,000); the server is {@code REDIS_URL}.
 */
public final class NearInvalidationDelay {
  private static final long TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(1);
  private static final String ALIAS = "near";
  private static final String KEY = "k";

  private NearInvalidationDelay() {}

  /** Runs the samples and writes their summary as JSON to {@code args[0]} (else stdout). */
  public static void main(String[] args) throws IOException {
    int warmup = Integer.getInteger("near.delay.warmup", 2_000);
    int samples = Integer.getInteger("near.delay.samples", 10_000);
    Map<String, Object> result = run(warmup, samples);
    ObjectMapper json = new ObjectMapper();
    if (args.length > 0) {
      json.writerWithDefaultPrettyPrinter().writeValue(Path.of(args[0]).toFile(), result);
    }
    System.out.println(json.writerWithDefaultPrettyPrinter().writeValueAsString(result));
  }

  private static CacheHandler handler(String prefix, InvalidationClock clock) {
    Map<String, String> m = CachegenSetup.nearAlias(ALIAS, RedisTarget.url(), prefix, true);
    return CacheHandler.builder().config(CacheConfig.fromMap(m)).metrics(clock).build();
  }

  static Map<String, Object> run(int warmup, int samples) {
    String prefix = "neardelay" + ProcessHandle.current().pid();
    InvalidationClock clockA = new InvalidationClock();
    InvalidationClock clockB = new InvalidationClock();
    long[] delays = new long[samples];
    long[] writes = new long[samples];
    long[] fromCall = new long[samples];
    int timeouts = 0;
    int notHeld = 0;
    try (CacheHandler a = handler(prefix, clockA);
        CacheHandler b = handler(prefix, clockB)) {
      BaseCache writer = a.get(ALIAS);
      BaseCache reader = b.get(ALIAS);
      NearEvents.awaitTracking(writer);
      NearEvents.awaitTracking(reader);
      long seenA0 = clockA.count();
      long seenB0 = clockB.count();
      writer.set(KEY, -1L);
      clockB.await(seenB0, System.nanoTime() + TIMEOUT_NANOS);
      clockA.await(seenA0, System.nanoTime() + TIMEOUT_NANOS);
      int kept = 0;
      for (int i = -warmup; kept < samples; i++) {
        if (!holdsCopy(reader)) {
          notHeld++;
          if (notHeld > 100 + samples / 100) {
            throw new IllegalStateException(
                "instance B keeps no near copy of the key (" + notHeld + " times)");
          }
        }
        long seenA = clockA.count();
        long seenB = clockB.count();
        long start = System.nanoTime();
        writer.set(KEY, (long) i);
        long replied = System.nanoTime();
        boolean dropped = clockB.await(seenB, replied + TIMEOUT_NANOS);
        clockA.await(seenA, System.nanoTime() + TIMEOUT_NANOS); // A's own message: not in flight
        if (i >= 0) {
          if (dropped) {
            delays[kept] = clockB.lastNanos() - replied;
            writes[kept] = replied - start;
            fromCall[kept] = clockB.lastNanos() - start;
            kept++;
          } else {
            timeouts++;
            if (timeouts > 10 + samples / 100) {
              throw new IllegalStateException(
                  "instance B's near cache got no invalidation within 1 s, "
                      + timeouts
                      + " times: is tracking set up?");
            }
          }
        }
      }
      writer.delete(KEY);
    }
    Arrays.sort(delays);
    Arrays.sort(writes);
    Arrays.sort(fromCall);
    long beforeReply = Arrays.stream(delays).filter(d -> d < 0).count();
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("samples", samples);
    r.put("warmup", warmup);
    r.put("timeouts", timeouts);
    r.put("copy_not_held", notHeld);
    r.put("min_us", micros(delays[0]));
    r.put("p50_us", micros(percentile(delays, 0.50)));
    r.put("p90_us", micros(percentile(delays, 0.90)));
    r.put("p99_us", micros(percentile(delays, 0.99)));
    r.put("p999_us", micros(percentile(delays, 0.999)));
    r.put("max_us", micros(delays[samples - 1]));
    r.put("mean_us", micros((long) Arrays.stream(delays).average().orElse(0)));
    r.put("dropped_before_reply", (double) beforeReply / samples);
    r.put("from_call_p50_us", micros(percentile(fromCall, 0.50)));
    r.put("from_call_p99_us", micros(percentile(fromCall, 0.99)));
    r.put("write_p50_us", micros(percentile(writes, 0.50)));
    r.put("write_p99_us", micros(percentile(writes, 0.99)));
    return r;
  }

  /**
   * Reads the key on B until it is served from L1 (the first read after an invalidation is a near
   * miss that keeps a copy); whether one extra read was enough.
   */
  private static boolean holdsCopy(BaseCache reader) {
    for (int attempt = 0; attempt < 3; attempt++) {
      long before = NearEvents.count(reader, NearEvents.HIT);
      reader.get(KEY, Long.class);
      if (NearEvents.count(reader, NearEvents.HIT) > before) {
        return attempt <= 1;
      }
    }
    return false;
  }

  /** Nearest rank: the smallest sample with at least {@code p} of the samples at or below it. */
  static long percentile(long[] sorted, double p) {
    int rank = (int) Math.ceil(p * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
  }

  private static double micros(long nanos) {
    return Math.round(nanos / 100.0) / 10.0;
  }
}
