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

/** What a {@link ValueType} describes, and what codecs keep inside it. */
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
   * Codecs of several aliases share one {@code ValueType} constant and race to keep their reader in
   * it: a codec must never be handed another codec's reader (with two separate fields, "value of B,
   * owner A" is a state two racing writers leave behind).
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
        results.add(
            pool.submit(
                (Callable<Long>)
                    () -> {
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

  @Test
  void primitivesAreDescribedByTheirBoxes() {
    assertThat(ValueType.of(int.class)).isEqualTo(ValueType.of(Integer.class));
    assertThat(ValueType.of(long.class).rawType()).isEqualTo(Long.class);
    assertThat(ValueType.of(boolean.class).rawType()).isEqualTo(Boolean.class);
    assertThat(ValueType.of(double.class).rawType()).isEqualTo(Double.class);
    assertThat(ValueType.of(float.class).rawType()).isEqualTo(Float.class);
    assertThat(ValueType.of(short.class).rawType()).isEqualTo(Short.class);
    assertThat(ValueType.of(byte.class).rawType()).isEqualTo(Byte.class);
    assertThat(ValueType.of(char.class).rawType()).isEqualTo(Character.class);
    assertThat(ValueType.of(void.class).rawType()).isEqualTo(Void.class);
    assertThat(ValueType.ofType(int.class).rawType()).isEqualTo(Integer.class);
    assertThat(ValueType.of(String.class).rawType()).isEqualTo(String.class);
  }

  @Test
  void genericTypesKeepTheirArgumentsAndRawClass() {
    ValueType<List<String>> strings = new ValueType<List<String>>() {};
    assertThat(strings.rawType()).isEqualTo(List.class);
    assertThat(strings.type().getTypeName()).isEqualTo("java.util.List<java.lang.String>");
    assertThat(strings).hasToString("ValueType<java.util.List<java.lang.String>>");
    assertThat(ValueType.ofType(strings.type())).isEqualTo(strings).hasSameHashCodeAs(strings);
    assertThat(strings)
        .isNotEqualTo(new ValueType<List<Integer>>() {})
        .isNotEqualTo(ValueType.of(List.class))
        .isNotEqualTo("List");
    java.lang.reflect.Type variable = List.class.getTypeParameters()[0];
    assertThat(ValueType.ofType(variable).rawType()).isEqualTo(Object.class);
  }

  @Test
  void aValueTypeWithoutATypeArgumentIsAnError() {
    @SuppressWarnings("rawtypes")
    class Raw extends ValueType {}
    org.assertj.core.api.Assertions.assertThatThrownBy(Raw::new)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("type argument");
  }
}
