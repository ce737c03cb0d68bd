package io.cachegen.runtime.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.ValueType;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Strict decoding: a token cachegen's own writer never produces for the declared type is an error
 * (so the value is a miss), on JSON and on Smile. The payloads are written by a plain mapper from
 * the JSON text, so both formats carry exactly the same tokens. No server needed.
 */
class JacksonCodecTest {
  private static final ValueType<List<String>> STRINGS = new ValueType<List<String>>() {};
  private static final ValueType<List<Integer>> INTS = new ValueType<List<Integer>>() {};
  private static final ValueType<List<Boolean>> BOOLEANS = new ValueType<List<Boolean>>() {};
  private static final ValueType<List<Long>> LONGS = new ValueType<List<Long>>() {};
  private static final ValueType<List<Double>> DOUBLES = new ValueType<List<Double>>() {};
  private static final ValueType<List<BigDecimal>> DECIMALS = new ValueType<List<BigDecimal>>() {};
  private static final ValueType<List<Kind>> KINDS = new ValueType<List<Kind>>() {};
  private static final ValueType<Map<String, String>> STRING_MAP =
      new ValueType<Map<String, String>>() {};

  /** An enum, written by name. */
  public enum Kind {
    A,
    B
  }

  /** A record with a primitive field. */
  public record Point(int x, int y) {}

  static Stream<JacksonCodec> codecs() {
    return Stream.of(JacksonCodec.json(), JacksonCodec.smile());
  }

  /** Reads the test's JSON text without limits, to write it as Smile. */
  private static final ObjectMapper UNLIMITED =
      new ObjectMapper(
          JsonFactory.builder()
              .streamReadConstraints(
                  StreamReadConstraints.builder()
                      .maxNestingDepth(100_000)
                      .maxNumberLength(100_000)
                      .maxStringLength(Integer.MAX_VALUE)
                      .build())
              .build());

  /** The payload {@code json} in {@code codec}'s format. */
  private static byte[] payload(JacksonCodec codec, String json) throws IOException {
    if (codec.name().equals("json")) {
      return json.getBytes(StandardCharsets.UTF_8);
    }
    Object tree = UNLIMITED.readTree(json);
    return new ObjectMapper(new SmileFactory()).writeValueAsBytes(tree);
  }

  static Stream<Arguments> rejected() {
    Stream<Object[]> cases =
        Stream.of(
            new Object[] {"[0,1,2]", STRINGS},
            new Object[] {"[true,1.5,null]", STRINGS},
            new Object[] {"{\"k\":1}", STRING_MAP},
            new Object[] {"[\"1\"]", INTS},
            new Object[] {"[\"1\"]", LONGS},
            new Object[] {"[\"1.5\"]", DOUBLES},
            new Object[] {"[\"1.5\"]", DECIMALS},
            new Object[] {"[1.5]", INTS},
            new Object[] {"[1]", BOOLEANS},
            new Object[] {"[\"true\"]", BOOLEANS},
            new Object[] {"[0]", KINDS},
            new Object[] {"{\"x\":null,\"y\":1}", ValueType.of(Point.class)},
            new Object[] {"{\"x\":\"1\",\"y\":1}", ValueType.of(Point.class)},
            new Object[] {"\"\"", ValueType.of(Point.class)},
            new Object[] {"[\"a\"]", ValueType.of(String.class)},
            new Object[] {"7", ValueType.of(String.class)},
            new Object[] {"true", ValueType.of(String.class)});
    return cases.flatMap(c -> codecs().map(codec -> Arguments.of(codec, c[0], c[1])));
  }

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @MethodSource("rejected")
  void aTokenTheWriterNeverProducesForTheTypeIsAnError(
      JacksonCodec codec, String json, ValueType<?> type) throws IOException {
    byte[] bytes = payload(codec, json);
    assertThatThrownBy(() -> codec.decode(bytes, type))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("as " + type.type().getTypeName());
  }

  static Stream<Arguments> accepted() {
    Stream<Object[]> cases =
        Stream.of(
            new Object[] {"[1,2]", LONGS, List.of(1L, 2L)},
            new Object[] {"[1,2.5]", DOUBLES, List.of(1.0, 2.5)},
            new Object[] {"[1,2.5]", DECIMALS, List.of(new BigDecimal("1"), new BigDecimal("2.5"))},
            new Object[] {"[\"0\",null]", STRINGS, java.util.Arrays.asList("0", null)},
            new Object[] {"[\"B\"]", KINDS, List.of(Kind.B)},
            new Object[] {"{\"x\":1,\"y\":2}", ValueType.of(Point.class), new Point(1, 2)});
    return cases.flatMap(c -> codecs().map(codec -> Arguments.of(codec, c[0], c[1], c[2])));
  }

  @ParameterizedTest(name = "{0}: {1} as {2}")
  @MethodSource("accepted")
  void whatTheWriterProducesStillReads(
      JacksonCodec codec, String json, ValueType<?> type, Object expected) throws IOException {
    assertThat((Object) codec.decode(payload(codec, json), type)).isEqualTo(expected);
  }

  @ParameterizedTest
  @MethodSource("codecs")
  void hostileShapesRaiseAnException(JacksonCodec codec) throws IOException {
    byte[] deep =
        payload(
            codec,
            "[".repeat(JacksonCodec.MAX_NESTING_DEPTH + 1)
                + "]".repeat(JacksonCodec.MAX_NESTING_DEPTH + 1));
    byte[] deepEnough =
        payload(
            codec,
            "[".repeat(JacksonCodec.MAX_NESTING_DEPTH)
                + "]".repeat(JacksonCodec.MAX_NESTING_DEPTH));
    assertThatThrownBy(() -> codec.decode(deep, ValueType.of(Object.class)))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("nesting depth");
    assertThat((Object) codec.decode(deepEnough, ValueType.of(Object.class))).isNotNull();
    if (codec.name().equals("json")) {
      // the number length bounds text parsing; Smile carries big numbers as binary
      byte[] longNumber = payload(codec, "1".repeat(JacksonCodec.MAX_NUMBER_LENGTH + 1));
      assertThatThrownBy(() -> codec.decode(longNumber, ValueType.of(BigDecimal.class)))
          .isInstanceOf(CacheValueException.class)
          .hasMessageContaining("Number value length");
    }
    byte[] longString =
        payload(codec, "\"" + "x".repeat(JacksonCodec.MAX_STRING_LENGTH + 1) + "\"");
    assertThatThrownBy(() -> codec.decode(longString, ValueType.of(String.class)))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("String value length");
  }
}
