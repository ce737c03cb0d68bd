package io.cachegen.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Run in a JVM of its own by {@link RedisBombTest}: {@value #READERS} threads read key {@code data}
 * at once through a gzip alias and it prints how the reads ended, then stores a fresh value and
 * prints what reads back. Arguments: the Redis URL and the key prefix.
 */
public final class BombReader {
  static final int READERS = 64;

  private BombReader() {}

  public static void main(String[] args) throws Exception {
    AtomicInteger misses = new AtomicInteger();
    AtomicInteger hits = new AtomicInteger();
    AtomicInteger errors = new AtomicInteger();
    RedisCache cache =
        RedisFixture.cache(
            args[0],
            Map.of(
                "key_prefix",
                args[1],
                "options.compressor",
                "gzip",
                "options.max_connections",
                Integer.toString(READERS)));
    CountDownLatch start = new CountDownLatch(1);
    List<Thread> readers = new ArrayList<>();
    for (int i = 0; i < READERS; i++) {
      Thread t =
          new Thread(
              () -> {
                try {
                  start.await();
                  if (cache.get("data", Object.class) == null) {
                    misses.incrementAndGet();
                  } else {
                    hits.incrementAndGet();
                  }
                } catch (Throwable e) { // report everything, OutOfMemoryError included
                  errors.incrementAndGet();
                  System.out.println("error: " + e);
                }
              },
              "reader-" + i);
      t.start();
      readers.add(t);
    }
    start.countDown();
    for (Thread t : readers) {
      t.join();
    }
    System.out.println("misses=" + misses + " hits=" + hits + " errors=" + errors);
    cache.set("data", "fresh");
    System.out.println("after-store=" + cache.get("data", String.class));
    cache.close();
  }
}
