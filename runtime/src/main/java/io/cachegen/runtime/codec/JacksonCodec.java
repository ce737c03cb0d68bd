package io.cachegen.runtime.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.cfg.MutableCoercionConfig;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cachegen.runtime.CacheCodec;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.ValueType;
import java.io.IOException;

/**
 * A {@link CacheCodec} on Jackson. Default typing is never enabled, so a payload cannot name a
 * class to instantiate; values decode into the caller's static type only.
 *
 * <p>Decoding is strict (see {@link #defaultMapper}): a token that cachegen's own writer never
 * produces for the declared type, such as a number or a boolean where a {@code String} is declared,
 * is an error, so the value is unreadable (a miss) instead of a hit of the wrong value. Hostile
 * shapes (deep nesting, huge numbers or strings) raise an exception too.
 *
 * <p>The reader for each {@link ValueType} is resolved once and kept inside that value type, so a
 * decode does no type resolution.
 */
public final class JacksonCodec implements CacheCodec {
  private static final JacksonCodec JSON =
      new JacksonCodec("json", defaultMapper(new JsonFactory()));
  private static final JacksonCodec SMILE =
      new JacksonCodec("smile", defaultMapper(new SmileFactory()));

  /** The deepest nesting of arrays and objects a payload may have. */
  public static final int MAX_NESTING_DEPTH = 500;

  /** The most characters of one number in a payload (Jackson's own default). */
  public static final int MAX_NUMBER_LENGTH = 1000;

  /** The most characters of one string in a payload (Jackson's own default). */
  public static final int MAX_STRING_LENGTH = 20_000_000;

  private final String name;
  private final ObjectMapper mapper;
  private final ObjectWriter writer;

  /**
   * A codec on the given mapper. The mapper must not have default typing enabled.
   *
   * @param name the name users select it by
   */
  public JacksonCodec(String name, ObjectMapper mapper) {
    this.name = name;
    this.mapper = mapper;
    this.writer = mapper.writer();
  }

  /** The default JSON codec. */
  public static JacksonCodec json() {
    return JSON;
  }

  /** The binary codec: Jackson's Smile format, the same data model as JSON, smaller and faster. */
  public static JacksonCodec smile() {
    return SMILE;
  }

  /**
   * The mapper cachegen uses for a given format: Java time and {@code Optional} support, unknown
   * properties rejected (an old class shape is a miss, not a half-filled object), and dates as ISO
   * text.
   *
   * <p>Reading is strict: no scalar coercion (a number or boolean is never read as a {@code
   * String}, nor a string as a number or boolean, nor a float as an integer, nor an integer as a
   * boolean or an enum), and {@code null} is never read into a primitive. What the writer does
   * produce still reads: an integer into a {@code long}, {@code double} or {@code BigDecimal}.
   * Payloads may nest at most {@link #MAX_NESTING_DEPTH} deep and hold numbers of at most {@link
   * #MAX_NUMBER_LENGTH} and strings of at most {@link #MAX_STRING_LENGTH} characters. These limits
   * are set on {@code factory}.
   */
  public static ObjectMapper defaultMapper(JsonFactory factory) {
    factory.setStreamReadConstraints(
        StreamReadConstraints.builder()
            .maxNestingDepth(MAX_NESTING_DEPTH)
            .maxNumberLength(MAX_NUMBER_LENGTH)
            .maxStringLength(MAX_STRING_LENGTH)
            .build());
    return JsonMapper.builder(factory)
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
        .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
        .withCoercionConfig(
            LogicalType.Textual,
            c ->
                failFrom(
                    c,
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean))
        .withCoercionConfig(
            LogicalType.Integer,
            c ->
                failFrom(
                    c,
                    CoercionInputShape.String,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean))
        .withCoercionConfig(
            LogicalType.Float,
            c -> failFrom(c, CoercionInputShape.String, CoercionInputShape.Boolean))
        .withCoercionConfig(
            LogicalType.Boolean,
            c ->
                failFrom(
                    c,
                    CoercionInputShape.String,
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float))
        .withCoercionConfig(
            LogicalType.Enum,
            c ->
                failFrom(
                    c,
                    CoercionInputShape.Integer,
                    CoercionInputShape.Float,
                    CoercionInputShape.Boolean))
        .build();
  }

  private static void failFrom(MutableCoercionConfig config, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      config.setCoercion(shape, CoercionAction.Fail);
    }
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public byte[] encode(Object value) {
    try {
      return writer.writeValueAsBytes(value);
    } catch (IOException | RuntimeException e) {
      throw cannotEncode(value, e);
    }
  }

  @Override
  public byte[] encode(Object value, byte[] prefix) {
    try (ByteArrayBuilder out = new ByteArrayBuilder(prefix.length + 128)) {
      out.write(prefix);
      writer.writeValue(out, value);
      return out.toByteArray();
    } catch (IOException | RuntimeException e) {
      throw cannotEncode(value, e);
    }
  }

  private CacheValueException cannotEncode(Object value, Exception e) {
    return new CacheValueException(
        "cannot encode a "
            + (value == null ? "null" : value.getClass().getName())
            + " as "
            + name
            + ": "
            + e.getMessage(),
        e);
  }

  @Override
  public <T> T decode(byte[] bytes, ValueType<T> type) {
    return decode(bytes, 0, bytes.length, type);
  }

  @Override
  public <T> T decode(byte[] bytes, int offset, int length, ValueType<T> type) {
    ObjectReader reader = (ObjectReader) type.preparedBy(this);
    if (reader == null) {
      reader = mapper.readerFor(mapper.constructType(type.type()));
      type.keepPrepared(this, reader);
    }
    try {
      return reader.readValue(bytes, offset, length);
    } catch (IOException | RuntimeException e) {
      throw new CacheValueException(
          "cannot decode "
              + length
              + " bytes of "
              + name
              + " as "
              + type.type().getTypeName()
              + ": "
              + e.getMessage(),
          e);
    }
  }

  @Override
  public String toString() {
    return "JacksonCodec[" + name + "]";
  }
}
