package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.processor.base.Messages;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The diagnostics catalogue stays searchable: one tag per message, each constant named after it.
 */
class MessagesTest {
  @Test
  void eachConstantIsNamedAfterItsUniqueTag() {
    Set<String> tags = new HashSet<>();
    for (Messages m : Messages.values()) {
      assertThat(m.tag()).startsWith("CacheGen");
      String expected =
          m.tag()
              .substring("CacheGen".length())
              .replaceAll("([a-z])([A-Z])", "$1_$2")
              .toUpperCase();
      assertThat(m.name()).as("constant for [%s]", m.tag()).isEqualTo(expected);
      assertThat(tags.add(m.tag())).as("tag %s used once", m.tag()).isTrue();
    }
  }
}
