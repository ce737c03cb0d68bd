package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** What codecs keep inside a {@link ValueType}. */
class ValueTypeTest {

  @Test
  void preparedValuesBelongToTheirOwner() {
    ValueType<String> type = ValueType.of(String.class);
    Object a = new Object();
    Object b = new Object();
    assertThat(type.preparedBy(a)).isNull();
    type.keepPrepared(a, "for a");
    assertThat(type.preparedBy(a)).isEqualTo("for a");
    assertThat(type.preparedBy(b)).isNull();
    type.keepPrepared(b, "for b");
    assertThat(type.preparedBy(a)).isNull();
    assertThat(type.preparedBy(b)).isEqualTo("for b");
  }

  /**
   * Codecs of several aliases share one {@code ValueType} constant and race to keep their reader
   * in it: a codec must never be handed another codec's reader (with two separate fields, "value
   * of B, owner A" is a state two racing writers leave behind).
   */
  @Test
  void racingCodecsNeverSeeEachOthersPreparedValue() throws Exception {
    ValueType<String> type = ValueType.of(String.class);
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Long>> results = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Object owner = new Object();
        Object mine = "prepared by codec " + t;
        results.add(pool.submit((Callable<Long>) () -> {
          start.await();
          long foreign = 0;
          for (int i = 0; i < 200_000; i++) {
            Object seen = type.preparedBy(owner);
            if (seen == null) {
              type.keepPrepared(owner, mine);
            } else if (seen != mine) {
              foreign++;
            }
          }
          return foreign;
        }));
      }
      for (Future<Long> f : results) {
        assertThat(f.get(60, TimeUnit.SECONDS)).as("another codec's value handed out").isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
