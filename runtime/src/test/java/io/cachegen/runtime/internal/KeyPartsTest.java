package io.cachegen.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The runtime side of key building that generated code calls (its forms and escaping). */
class KeyPartsTest {
  enum Color {
    RED,
    GREEN
  }

  record Point(int x, String label) {}

  /** What the processor generates for {@link Point}. */
  static void appendPoint(StringBuilder sb, Point value) {
    sb.append("Point[x=");
    KeyParts.append(sb, value.x());
    sb.append(",label=");
    KeyParts.append(sb, value.label());
    sb.append(']');
  }

  @Test
  void stringsEscapeTheSeparatorAndBackslash() {
    assertThat(KeyParts.string("plain")).isEqualTo("plain");
    assertThat(KeyParts.string("a:b")).isEqualTo("a\\:b");
    assertThat(KeyParts.string("a\\")).isEqualTo("a\\\\");
    assertThat(KeyParts.string("a:b") + ":" + KeyParts.string("c"))
        .isNotEqualTo(KeyParts.string("a") + ":" + KeyParts.string("b:c"));
  }

  @Test
  void exactlyTheStructuralSetIsEscapedInStringsAndChars() {
    List<String> wrong = new ArrayList<>();
    for (int i = Character.MIN_VALUE; i <= Character.MAX_VALUE; i++) {
      char c = (char) i;
      char code = c == '{' ? 'o' : c == '}' ? 'c' : c;
      String expected = KeyParts.STRUCTURAL.indexOf(c) >= 0 ? "\\" + code : String.valueOf(c);
      if (!KeyParts.string(String.valueOf(c)).equals(expected)
          || !KeyParts.character(c).equals(expected)) {
        wrong.add("U+" + Integer.toHexString(i));
      }
    }
    assertThat(wrong).isEmpty();
    assertThat(KeyParts.STRUCTURAL).hasSize(8).contains("\\", ":", ",", "[", "]", "=", "{", "}");
  }

  @Test
  void stringsEscapeEveryStructuralCharacter() {
    assertThat(KeyParts.string("a,b[c]d=e{f}g")).isEqualTo("a\\,b\\[c\\]d\\=e\\of\\cg");
  }

  /** Values with braces, of every shape KeyParts renders by itself. */
  private static List<Object> valuesWithBraces() {
    Map<String, Object> map = new HashMap<>();
    map.put("{k}", List.of("}v{"));
    map.put("k", Map.of("{", "}"));
    return List.of(
        "{",
        "}",
        "{}",
        "a{b}c",
        "{{id}}",
        '{',
        Character.valueOf('}'),
        new char[] {'{', '}'},
        List.of("{x}", "y}"),
        Set.of("{", "}", "{}"),
        map,
        Map.of(),
        Optional.of("{tag}"),
        new Object[] {"{", List.of("}")},
        new StringBuilder("{from toString()}"));
  }

  @Test
  void noFormHoldsABrace() {
    for (Object value : valuesWithBraces()) {
      assertThat(KeyParts.of(value)).as("%s", value).doesNotContain("{", "}");
    }
    assertThat(KeyParts.of(new Point(1, "{x}"), KeyPartsTest::appendPoint))
        .isEqualTo("Point[x=1,label=\\ox\\c]");
    assertThat(KeyParts.of(Map.of("{a}", "b"))).isEqualTo("[\\oa\\c=b]");
    StringBuilder sb = new StringBuilder();
    KeyParts.append(sb, '{');
    KeyParts.append(sb, '}');
    assertThat(sb).hasToString("\\o\\c");
  }

  @Test
  void bracesNeverCollideWithTheTextOfTheirEscapes() {
    List<String> strings =
        List.of("{", "}", "o", "c", "\\o", "\\c", "\\{", "\\}", "{}", "}{", "\\", "", "\\e", "e");
    Set<String> forms = new HashSet<>();
    for (String s : strings) {
      forms.add(KeyParts.string(s));
    }
    assertThat(forms).hasSameSizeAs(strings);
    assertThat(KeyParts.string("a{b}")).isEqualTo("a\\ob\\c");
    assertThat(KeyParts.string("a\\ob\\c")).isEqualTo("a\\\\ob\\\\c");
    assertThat(KeyParts.of(List.of("{", "}"))).isNotEqualTo(KeyParts.of(List.of("{,}")));
    assertThat(KeyParts.of(Map.of("a", "{b=c}")))
        .isNotEqualTo(KeyParts.of(Map.of("a", "b", "c", "")));
    assertThat(KeyParts.escape(KeyParts.string("x{-y"), '-') + "-" + KeyParts.string("z"))
        .isNotEqualTo(KeyParts.escape(KeyParts.string("x{"), '-') + "-" + KeyParts.string("y-z"))
        .isEqualTo("x\\o\\-y-z");
  }

  @Test
  void aHashTagsContentIsTheFormAndNeverEmpty() {
    String form = KeyParts.string("ann");
    assertThat(KeyParts.tag(form)).isSameAs(form);
    assertThat(KeyParts.tag(KeyParts.string(""))).isEqualTo(KeyParts.EMPTY_TAG).isEqualTo("\\e");
    assertThat(KeyParts.tag(KeyParts.of(Optional.of("")))).isEqualTo(KeyParts.EMPTY_TAG);
    // no form is \e: the empty value's tag is its own
    assertThat(KeyParts.tag(KeyParts.string("\\e"))).isNotEqualTo(KeyParts.EMPTY_TAG);
    assertThat(KeyParts.tag(KeyParts.string("e"))).isNotEqualTo(KeyParts.EMPTY_TAG);
    assertThat(KeyParts.tag(KeyParts.NULL)).isEqualTo("\\0");
  }

  @Test
  void idsUuidsAndEnumNamesStayReadable() {
    UUID id = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertThat("user:" + KeyParts.string("42")).isEqualTo("user:42");
    assertThat(KeyParts.of(id)).isEqualTo("123e4567-e89b-12d3-a456-426614174000");
    assertThat(KeyParts.string("a-b_c.d/e@f")).isEqualTo("a-b_c.d/e@f");
    assertThat(KeyParts.name(Color.RED)).isEqualTo("RED");
    assertThat(KeyParts.of(Color.RED)).isEqualTo("RED");
    assertThat(KeyParts.of(42L)).isEqualTo("42");
    assertThat(KeyParts.of(-1.5)).isEqualTo("-1.5");
  }

  @Test
  void nullIsDistinctFromTheStringNullAndFromEscapedText() {
    assertThat(KeyParts.string(null)).isNotEqualTo(KeyParts.string("null"));
    assertThat(KeyParts.of(null)).isEqualTo(KeyParts.NULL);
    assertThat(KeyParts.name(null)).isEqualTo(KeyParts.NULL);
    assertThat(KeyParts.string("\\0")).isNotEqualTo(KeyParts.NULL);
    assertThat(KeyParts.of(Arrays.asList("a", null)))
        .isNotEqualTo(KeyParts.of(List.of("a", "\\0")));
  }

  @Test
  void boxesRenderLikeTheirPrimitivesAndNullAsNull() {
    assertThat(KeyParts.of(Integer.valueOf(7))).isEqualTo("7");
    assertThat(KeyParts.of((Integer) null)).isEqualTo(KeyParts.NULL);
    assertThat(KeyParts.of(Boolean.TRUE)).isEqualTo("true");
    assertThat(KeyParts.of(Character.valueOf(':')))
        .isEqualTo(KeyParts.character(':'))
        .isEqualTo("\\:");
    assertThat(KeyParts.of(Character.valueOf('x')))
        .isEqualTo(KeyParts.character('x'))
        .isEqualTo("x");
    assertThat(KeyParts.of((Character) null)).isEqualTo(KeyParts.NULL);
  }

  @Test
  void nullHasOneFormEverywhere() {
    assertThat(KeyParts.string(null)).isEqualTo(KeyParts.NULL);
    assertThat(KeyParts.of(null)).isEqualTo(KeyParts.NULL);
    assertThat(KeyParts.of(null, KeyParts.ANY)).isEqualTo(KeyParts.NULL);
    assertThat(KeyParts.name(null)).isEqualTo(KeyParts.NULL);
  }

  @Test
  void plainStringIsReturnedWithoutCopy() {
    String s = "no-escapes-here";
    assertThat(KeyParts.string(s)).isSameAs(s);
    assertThat(KeyParts.escape(s, '/')).isSameAs(s);
  }

  /** The key of template {@code {a}-{b}}, built as generated code builds it. */
  private static String dashTemplate(String a, String b) {
    return KeyParts.escape(KeyParts.string(a), '-') + "-" + KeyParts.string(b);
  }

  @Test
  void aValueStartingWithTheSeparatorIsEscapedSoKeysDoNotCollide() {
    assertThat(KeyParts.escape("-x", '-')).isEqualTo("\\-x");
    assertThat(KeyParts.escape("-", '-')).isEqualTo("\\-");
    assertThat(dashTemplate("-", "y")).isNotEqualTo(dashTemplate("", "-y"));
    assertThat(dashTemplate("-", "y")).isEqualTo("\\--y");
    assertThat(dashTemplate("", "-y")).isEqualTo("--y");
    assertThat(KeyParts.escape("a-b-", '-')).isEqualTo("a\\-b\\-");
  }

  @Test
  void escapeAddsATemplateSeparator() {
    assertThat(KeyParts.escape("x-y", '-')).isEqualTo("x\\-y");
    assertThat(KeyParts.escape("x-y", '-') + "-" + KeyParts.escape("z", '-'))
        .isNotEqualTo(KeyParts.escape("x", '-') + "-" + KeyParts.escape("y-z", '-'));
    assertThat(KeyParts.escape(KeyParts.NULL, '-')).isEqualTo(KeyParts.NULL);
  }

  @Test
  void separatorsInsideElementsNeverCollide() {
    assertThat(KeyParts.of(List.of("a,b"))).isNotEqualTo(KeyParts.of(List.of("a", "b")));
    assertThat(KeyParts.of(List.of("a", "b"))).isEqualTo("[a,b]");
    assertThat(KeyParts.of(List.of("[a]"))).isNotEqualTo(KeyParts.of(List.of(List.of("a"))));
    assertThat(KeyParts.of(new String[] {"a,b"}))
        .isNotEqualTo(KeyParts.of(new String[] {"a", "b"}));
    assertThat(KeyParts.of(Map.of("a", "b=c"))).isNotEqualTo(KeyParts.of(Map.of("a=b", "c")));
    assertThat(KeyParts.of(Map.of("a", "1", "b", "2")))
        .isNotEqualTo(KeyParts.of(Map.of("a", "1,b=2")));
    assertThat(KeyParts.of(Set.of("a,b"))).isNotEqualTo(KeyParts.of(Set.of("a", "b")));
    assertThat(KeyParts.of(new char[] {',', 'a'}))
        .isNotEqualTo(KeyParts.of(new char[] {','}) + "a");
    assertThat(KeyParts.of(List.of(Optional.of("a,b")))).isEqualTo("[a\\,b]");
    assertThat(KeyParts.of(Map.of("k", List.of("a", "b"))))
        .isNotEqualTo(KeyParts.of(Map.of("k", List.of("a,b"))));
  }

  @Test
  void charactersAndPrimitiveArrays() {
    assertThat(KeyParts.character('a')).isEqualTo("a");
    assertThat(KeyParts.character('\\')).isEqualTo("\\\\");
    assertThat(KeyParts.of(new char[] {':', 'b'})).isEqualTo("[\\:,b]");
    assertThat(KeyParts.of(new char[] {','})).isEqualTo("[\\,]");
    assertThat(KeyParts.of(new byte[] {1, -2})).isEqualTo("[1,-2]");
    assertThat(KeyParts.of(new byte[] {1, -2})).isNotEqualTo(KeyParts.of(new byte[] {1, 2}));
    assertThat(KeyParts.of(new int[] {1, 2})).isEqualTo("[1,2]");
    assertThat(KeyParts.of(new int[] {12})).isNotEqualTo(KeyParts.of(new int[] {1, 2}));
    assertThat(KeyParts.of(new long[] {})).isEqualTo("[]");
    assertThat(KeyParts.of(new double[] {1.5})).isEqualTo("[1.5]");
    assertThat(KeyParts.of(new float[] {1.1f})).isEqualTo("[1.1]");
    assertThat(KeyParts.of(new boolean[] {true})).isEqualTo("[true]");
    assertThat(KeyParts.of(new short[] {3})).isEqualTo("[3]");
    assertThat(KeyParts.of(new Object[] {List.of(1), null}))
        .isEqualTo("[[1]," + KeyParts.NULL + "]");
  }

  @Test
  void optionalsEnumsAndUuids() {
    UUID id = UUID.fromString("00000000-0000-0000-0000-000000000001");
    assertThat(KeyParts.of(Optional.of("x"))).isEqualTo("x");
    assertThat(KeyParts.of(Optional.empty())).isEqualTo(KeyParts.NULL);
    assertThat(KeyParts.of(Optional.of(id))).isEqualTo(id.toString());
    assertThat(KeyParts.of(List.of(Color.GREEN, Color.RED))).isEqualTo("[GREEN,RED]");
    assertThat(KeyParts.of(Set.of(id))).isEqualTo("[" + id + "]");
  }

  @Test
  void recordsRenderThroughTheirGeneratedForm() {
    assertThat(KeyParts.of(new Point(1, "a"), KeyPartsTest::appendPoint))
        .isEqualTo("Point[x=1,label=a]");
    assertThat(KeyParts.of((Point) null, KeyPartsTest::appendPoint)).isEqualTo(KeyParts.NULL);
    assertThat(KeyParts.of(new Point(1, "a, label=b"), KeyPartsTest::appendPoint))
        .isEqualTo("Point[x=1,label=a\\, label\\=b]");

    StringBuilder sb = new StringBuilder();
    KeyParts.appendAll(
        sb, List.of(new Point(2, "b"), new Point(1, "a")), KeyPartsTest::appendPoint);
    assertThat(sb).hasToString("[Point[x=2,label=b],Point[x=1,label=a]]");
    sb.setLength(0);
    KeyParts.appendAll(sb, Set.of(new Point(2, "b"), new Point(1, "a")), KeyPartsTest::appendPoint);
    assertThat(sb).hasToString("[Point[x=1,label=a],Point[x=2,label=b]]");
    sb.setLength(0);
    KeyParts.appendMap(sb, Map.of("k", new Point(1, "a")), KeyParts.ANY, KeyPartsTest::appendPoint);
    assertThat(sb).hasToString("[k=Point[x=1,label=a]]");
    sb.setLength(0);
    KeyParts.appendArray(sb, new Point[] {null, new Point(1, "a")}, KeyPartsTest::appendPoint);
    assertThat(sb).hasToString("[\\0,Point[x=1,label=a]]");
    sb.setLength(0);
    KeyParts.appendOptional(sb, Optional.of(new Point(1, "a")), KeyPartsTest::appendPoint);
    assertThat(sb).hasToString("Point[x=1,label=a]");
  }

  @Test
  void aRecordNeverFallsBackToItsToString() {
    assertThatThrownBy(() -> KeyParts.of(new Point(1, "a")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("record");
  }

  @Test
  void equalSetsAndMapsGiveEqualKeysWhateverTheirOrderOrClass() {
    var a = new LinkedHashSet<>(List.of("x", "y", "z"));
    var b = new LinkedHashSet<>(List.of("z", "y", "x"));
    TreeSet<String> reversed = new TreeSet<>(Collections.reverseOrder());
    reversed.addAll(a);
    assertThat(KeyParts.of(a))
        .isEqualTo(KeyParts.of(b))
        .isEqualTo(KeyParts.of(new HashSet<>(a)))
        .isEqualTo(KeyParts.of(reversed))
        .isEqualTo("[x,y,z]");

    Map<String, Integer> m1 = new LinkedHashMap<>();
    m1.put("b", 2);
    m1.put("a", 1);
    Map<String, Integer> m2 = new TreeMap<>(Collections.reverseOrder());
    m2.putAll(m1);
    assertThat(KeyParts.of(m1))
        .isEqualTo(KeyParts.of(m2))
        .isEqualTo(KeyParts.of(new HashMap<>(m1)))
        .isEqualTo("[a=1,b=2]");

    // Many elements: HashSet iteration order depends on capacity, the form does not.
    List<Integer> many = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      many.add(i * 7919);
    }
    HashSet<Integer> small = new HashSet<>(many);
    HashSet<Integer> large = new HashSet<>(4096);
    List<Integer> backwards = new ArrayList<>(many);
    Collections.reverse(backwards);
    large.addAll(backwards);
    assertThat(KeyParts.of(small)).isEqualTo(KeyParts.of(large));
  }

  @Test
  void nestedCollectionsByContent() {
    assertThat(KeyParts.of(List.of(List.of("a"), List.of("b", "c")))).isEqualTo("[[a],[b,c]]");
    assertThat(KeyParts.of(List.of(List.of("a", "b"))))
        .isNotEqualTo(KeyParts.of(List.of(List.of("a"), List.of("b"))));
    assertThat(KeyParts.of(Map.of("k", Set.of(2, 1)))).isEqualTo("[k=[1,2]]");
    assertThat(KeyParts.of(List.of(Map.of("a", "b"), Map.of()))).isEqualTo("[[a=b],[]]");
  }

  @Test
  void listOrderMatters() {
    assertThat(KeyParts.of(Arrays.asList("a", "b"))).isNotEqualTo(KeyParts.of(List.of("b", "a")));
  }
}
