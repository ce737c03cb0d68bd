package io.cachegen.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** When a flight is told to look again: exactly when a flight of its stripe completed since. */
class SingleFlightTest {
  private final SingleFlight flights = new SingleFlight();
  private final List<Boolean> lookAgain = new ArrayList<>();

  private Object run(String key, long stamp) {
    return flights.run(
        key,
        stamp,
        (k, seen, unused, again, nested) -> {
          seen.add(again);
          return "v";
        },
        lookAgain,
        null);
  }

  @Test
  void aFlightWithNoCompletionSinceTheStampDoesNotLookAgain() {
    long stamp = flights.stamp("k");
    run("k", stamp);
    assertThat(lookAgain).containsExactly(false);
  }

  @Test
  void aCompletionBetweenTheStampAndTheFlightForcesALookAgain() {
    long stamp = flights.stamp("k"); // read before the caller's lookup
    run("k", flights.stamp("k")); // another caller's flight stores k and completes meanwhile
    run("k", stamp);
    assertThat(lookAgain).containsExactly(false, true);
  }

  @Test
  void aFailedFlightStoredNothingSoForcesNoLookAgain() {
    long stamp = flights.stamp("k");
    try {
      flights.run(
          "k",
          stamp,
          (k, a, b, again, nested) -> {
            throw new IllegalStateException("boom");
          },
          null,
          null);
    } catch (IllegalStateException expected) {
      // the computation's own exception
    }
    run("k", stamp);
    assertThat(lookAgain).containsExactly(false);
  }

  @Test
  void aNestedCallForTheSameKeyRunsDirectly() {
    List<String> trace = new ArrayList<>();
    Object value =
        flights.run(
            "k",
            flights.stamp("k"),
            (k, t, f, again, nested) -> {
              trace.add("outer nested=" + nested);
              Object inner =
                  f.run(
                      k,
                      f.stamp(k),
                      (k2, t2, unused, again2, nested2) -> {
                        t2.add("inner nested=" + nested2);
                        return "inner";
                      },
                      t,
                      null);
              return "outer+" + inner;
            },
            trace,
            flights);
    assertThat(value).isEqualTo("outer+inner");
    assertThat(trace).containsExactly("outer nested=false", "inner nested=true");
  }

  @Test
  void aCallerThatReadTheStampAfterACompletedFlightDoesNotLookAgain() {
    run("k", flights.stamp("k")); // stores k and completes before the next caller's lookup
    run("k", flights.stamp("k"));
    assertThat(lookAgain).containsExactly(false, false);
  }
}
