package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.internal.KeyParts;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The runtime side of key building that generated code calls. */
class KeyPartsTest {
  enum Color { RED }

  record Point(int x, String label) {}

  @Test
  void stringsEscapeTheSeparatorAndBackslash() {
    assertThat(KeyParts.string("plain")).isEqualTo("plain");
    assertThat(KeyParts.string("a:b")).isEqualTo("a\\:b");
    assertThat(KeyParts.string("a\\")).isEqualTo("a\\\\");
    assertThat(KeyParts.string("a:b") + ":" + KeyParts.string("c"))
        .isNotEqualTo(KeyParts.string("a") + ":" + KeyParts.string("b:c"));
  }

  @Test
  void nullIsDistinctFromTheStringNull() {
    assertThat(KeyParts.string(null)).isNotEqualTo(KeyParts.string("null"));
    assertThat(KeyParts.of(null)).isEqualTo(KeyParts.NULL);
  }

  @Test
  void plainStringIsReturnedWithoutCopy() {
    String s = "no-escapes-here";
    assertThat(KeyParts.string(s)).isSameAs(s);
  }

  @Test
  void enumsUuidsRecordsAndOptionals() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    assertThat(KeyParts.name(Color.RED)).isEqualTo("RED");
    assertThat(KeyParts.of(id)).isEqualTo(id.toString());
    assertThat(KeyParts.of(new Point(1, "a"))).isEqualTo(KeyParts.of(new Point(1, "a")));
    assertThat(KeyParts.of(new Point(1, "a"))).isNotEqualTo(KeyParts.of(new Point(2, "a")));
    assertThat(KeyParts.of(Optional.of("x"))).isEqualTo("x");
    assertThat(KeyParts.of(Optional.empty())).isEqualTo(KeyParts.NULL);
  }

  @Test
  void collectionsAndArraysByContent() {
    assertThat(KeyParts.of(List.of("a", "b"))).isEqualTo("[a,b]");
    assertThat(KeyParts.of(new int[] {1, 2})).isEqualTo("[1,2]");
    assertThat(KeyParts.of(new String[] {"a:", "b"})).isEqualTo("[a\\:,b]");
    assertThat(KeyParts.of(new char[] {':'})).isEqualTo("[\\:]");
    assertThat(KeyParts.of(new double[] {1.5})).isEqualTo("[1.5]");
    assertThat(KeyParts.of(new Object[] {List.of(1), null})).isEqualTo("[[1]," + KeyParts.NULL + "]");
  }

  @Test
  void equalSetsAndMapsGiveEqualKeysWhateverTheirOrder() {
    var a = new LinkedHashSet<>(List.of("x", "y", "z"));
    var b = new LinkedHashSet<>(List.of("z", "y", "x"));
    assertThat(KeyParts.of(a)).isEqualTo(KeyParts.of(b)).isEqualTo(KeyParts.of(new HashSet<>(a)));

    Map<String, Integer> m1 = new LinkedHashMap<>();
    m1.put("b", 2);
    m1.put("a", 1);
    Map<String, Integer> m2 = new TreeMap<>(m1);
    assertThat(KeyParts.of(m1)).isEqualTo(KeyParts.of(m2)).isEqualTo("{a=1,b=2}");
  }

  @Test
  void listOrderMatters() {
    assertThat(KeyParts.of(Arrays.asList("a", "b"))).isNotEqualTo(KeyParts.of(List.of("b", "a")));
  }
}
