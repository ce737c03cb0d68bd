package io.cachegen.runtime.codec;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.smile.SmileFactory;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.cachegen.runtime.CacheCodec;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.ValueType;
import java.io.IOException;

/**
 * A {@link CacheCodec} on Jackson. Default typing is never enabled, so a payload cannot name a class
 * to instantiate; values decode into the caller's static type only.
 *
 * <p>The reader for each {@link ValueType} is resolved once and kept inside that value type, so a
 * decode does no type resolution.
 */
public final class JacksonCodec implements CacheCodec {
  private static final JacksonCodec JSON = new JacksonCodec("json", defaultMapper(new JsonFactory()));
  private static final JacksonCodec SMILE =
      new JacksonCodec("smile", defaultMapper(new SmileFactory()));

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
   */
  public static ObjectMapper defaultMapper(JsonFactory factory) {
    return JsonMapper.builder(factory)
        .addModule(new Jdk8Module())
        .addModule(new JavaTimeModule())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .build();
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
      throw new CacheValueException(
          "cannot encode a " + (value == null ? "null" : value.getClass().getName())
              + " as " + name + ": " + e.getMessage(), e);
    }
  }

  @Override
  public <T> T decode(byte[] bytes, ValueType<T> type) {
    ObjectReader reader = (ObjectReader) type.preparedBy(this);
    if (reader == null) {
      reader = mapper.readerFor(mapper.constructType(type.type()));
      type.keepPrepared(this, reader);
    }
    try {
      return reader.readValue(bytes);
    } catch (IOException | RuntimeException e) {
      throw new CacheValueException(
          "cannot decode " + bytes.length + " bytes of " + name + " as " + type.type().getTypeName()
              + ": " + e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return "JacksonCodec[" + name + "]";
  }
}
