package io.cachegen.micrometer;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import java.util.Set;
import java.util.stream.Collectors;

/** Reading meters in tests. */
final class Meters {
  private Meters() {}

  /** The value of the function counter {@code name} with {@code tags} (key, value, ...). */
  static double count(MeterRegistry registry, String name, String... tags) {
    return registry.get(name).tags(tags).functionCounter().count();
  }

  /** The tag keys of every meter named {@code name}, one set per distinct tag-key set. */
  static Set<Set<String>> tagKeys(MeterRegistry registry, String name) {
    return registry.find(name).meters().stream()
        .map(Meter::getId)
        .map(id -> id.getTags().stream().map(Tag::getKey).collect(Collectors.toSet()))
        .collect(Collectors.toSet());
  }

  /** Whether any meter is tagged {@code cache}={@code alias}. */
  static boolean hasMetersOf(MeterRegistry registry, String alias) {
    return registry.getMeters().stream().anyMatch(m -> alias.equals(m.getId().getTag("cache")));
  }
}
