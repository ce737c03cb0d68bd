package io.cachegen.processor.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.internal.KeyParts;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The processor decides at compile time which template separators need an escape of their own; that
 * decision relies on the runtime escaping exactly the same characters in every form.
 */
class StructuralCharactersTest {
  @Test
  void theProcessorsCopyIsTheRuntimesSet() {
    assertThat(chars(KeyResolver.KEY_PARTS_STRUCTURAL)).isEqualTo(chars(KeyParts.STRUCTURAL));
  }

  private static Set<Character> chars(String s) {
    Set<Character> set = new TreeSet<>();
    s.chars().forEach(c -> set.add((char) c));
    return set;
  }
}
