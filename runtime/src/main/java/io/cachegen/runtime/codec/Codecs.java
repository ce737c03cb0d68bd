package io.cachegen.runtime.codec;

import io.cachegen.runtime.CacheCodec;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.internal.Internal;
import java.util.List;

/**
 * The codecs selectable by name with {@code caches.<alias>.options.serializer}. <b>Not API:</b> the
 * handler resolves each alias's codec and hands it to the backend ({@code BackendContext.codec()});
 * code that wants a codec of its own uses {@link JacksonCodec#json()} or {@link
 * JacksonCodec#smile()}.
 */
@Internal
public final class Codecs {
  /** The names {@link #named} accepts. */
  public static final List<String> NAMES = List.of("json", "smile");

  private Codecs() {}

  /**
   * The codec {@code settings} name with {@code options.serializer}: JSON when unset.
   *
   * @throws CacheConfigurationException naming the property and the accepted names
   */
  public static CacheCodec of(CacheSettings settings) {
    return named(
        settings.stringOption("serializer", "json"), settings.describeOption("serializer"));
  }

  /**
   * The codec called {@code name}.
   *
   * @param property the property that named it, for the error message
   * @throws CacheConfigurationException naming the property and the accepted names
   */
  public static CacheCodec named(String name, String property) {
    if (name.equals("json")) {
      return JacksonCodec.json();
    }
    if (name.equals("smile")) {
      return JacksonCodec.smile();
    }
    throw new CacheConfigurationException(
        property + " = '" + name + "' is not a serializer; use one of " + NAMES);
  }
}
