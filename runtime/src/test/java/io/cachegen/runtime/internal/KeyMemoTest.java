package io.cachegen.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The key memo only ever answers with the key remembered for exactly that argument. */
class KeyMemoTest {

  @Test
  void remembersTheSameInstanceForAnArgument() {
    KeyMemo memo = new KeyMemo();
    assertThat(memo.get(42)).isNull();
    String key = memo.put(42, "p:1:user:" + 42);
    assertThat(memo.get(42)).isSameAs(key);
    assertThat(memo.get(43)).isNull();
  }

  @Test
  void argumentsSharingASlotNeverGetEachOthersKey() {
    KeyMemo memo = new KeyMemo();
    // Four times as many arguments as slots: every slot is fought over.
    for (long round = 0; round < 3; round++) {
      for (long id = -2 * KeyMemo.SLOTS; id < 2 * KeyMemo.SLOTS; id++) {
        String remembered = memo.get(id);
        assertThat(remembered).isIn(null, "k" + id);
        memo.put(id, "k" + id);
        assertThat(memo.get(id)).isEqualTo("k" + id);
      }
    }
    assertThat(memo.get(Long.MIN_VALUE)).isNull();
    memo.put(Long.MIN_VALUE, "min");
    assertThat(memo.get(Long.MAX_VALUE)).isNull();
    assertThat(memo.get(Long.MIN_VALUE)).isEqualTo("min");
  }

  @Test
  void racingThreadsNeverSeeAKeyOfAnotherArgument() throws Exception {
    KeyMemo memo = new KeyMemo();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        long offset = t;
        wrong.add(
            pool.submit(
                () -> {
                  int bad = 0;
                  for (long i = 0; i < 200_000; i++) {
                    long id = (i * 7 + offset) % 500;
                    String key = memo.get(id);
                    if (key == null) {
                      memo.put(id, "k" + id);
                    } else if (!key.equals("k" + id)) {
                      bad++;
                    }
                  }
                  return bad;
                }));
      }
      for (Future<Integer> f : wrong) {
        assertThat(f.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }
}
