package io.cachegen.runtime;

import io.cachegen.runtime.internal.Internal;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Objects;

/**
 * The static type a cached value is read back as: a plain class, or a generic type such as {@code
 * List<Foo>} captured by subclassing.
 *
 * <pre>{@code
 * static final ValueType<List<Foo>> FOOS = new ValueType<List<Foo>>() {};
 * List<Foo> foos = cache.get("foos", FOOS);
 * }</pre>
 *
 * <p>Decoding follows only this type: a payload can never choose the class that is instantiated.
 * Build a {@code ValueType} once and keep it in a constant: codecs keep what they prepared for it
 * (for Jackson, a reader) inside the instance, so reusing it makes every decode after the first
 * free of type resolution. Instances are thread-safe.
 *
 * @param <T> the Java type of the value
 */
public abstract class ValueType<T> {
  private final Type type;
  private final Class<?> rawType;

  /**
   * What one codec prepared, with that codec: a single reference, so a reader never pairs one
   * codec's object with another codec. Replaced (not mutated) when another codec prepares.
   */
  private volatile Prepared prepared;

  private record Prepared(Object owner, Object value) {}

  /** Captures the type argument of an anonymous subclass: {@code new ValueType<List<Foo>>() {}}. */
  protected ValueType() {
    Type superclass = getClass().getGenericSuperclass();
    if (!(superclass instanceof ParameterizedType parameterized)) {
      throw new IllegalStateException(
          "ValueType must be created with a type argument, e.g. new ValueType<List<Foo>>() {}");
    }
    this.type = parameterized.getActualTypeArguments()[0];
    this.rawType = rawClass(type);
  }

  private ValueType(Type type) {
    this.type = Objects.requireNonNull(type, "type");
    this.rawType = rawClass(type);
  }

  /** A value type for a plain (non-generic) class; primitives are boxed. */
  public static <T> ValueType<T> of(Class<T> type) {
    return new Simple<>(box(type));
  }

  /** A value type for any reflective type, e.g. one a framework resolved. */
  public static ValueType<Object> ofType(Type type) {
    return new Simple<>(type instanceof Class<?> c ? box(c) : type);
  }

  /** The full (possibly generic) type. */
  public Type type() {
    return type;
  }

  /** The erased class of {@link #type()}. */
  public Class<?> rawType() {
    return rawType;
  }

  /**
   * What {@code owner} (a codec) prepared for this type, or {@code null} if it prepared nothing yet
   * or another codec did.
   *
   * <p>Internal: only the runtime's own codecs ({@link io.cachegen.runtime.codec.JacksonCodec}) use
   * it. A codec cannot be plugged in from outside yet ({@code options.serializer} names a built-in
   * one), and this one-slot cache (the last codec to prepare wins) is a performance detail that may
   * change; a codec SPI would document its replacement.
   */
  @Internal
  public Object preparedBy(Object owner) {
    Prepared p = prepared;
    return p != null && p.owner() == owner ? p.value() : null;
  }

  /**
   * Keeps what {@code owner} prepared for this type, replacing what any codec kept before; see
   * {@link #preparedBy(Object)}. Called once per codec change, not per decode. Internal, as {@link
   * #preparedBy(Object)}.
   */
  @Internal
  public void keepPrepared(Object owner, Object value) {
    prepared = new Prepared(owner, value);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ValueType<?> other && other.type.equals(type);
  }

  @Override
  public int hashCode() {
    return type.hashCode();
  }

  @Override
  public String toString() {
    return "ValueType<" + type.getTypeName() + ">";
  }

  private static Class<?> rawClass(Type type) {
    if (type instanceof Class<?> c) {
      return c;
    }
    if (type instanceof ParameterizedType p) {
      return (Class<?>) p.getRawType();
    }
    return Object.class;
  }

  @SuppressWarnings("unchecked")
  private static <T> Class<T> box(Class<T> type) {
    if (!type.isPrimitive()) {
      return type;
    }
    Class<?> boxed =
        type == int.class
            ? Integer.class
            : type == long.class
                ? Long.class
                : type == boolean.class
                    ? Boolean.class
                    : type == double.class
                        ? Double.class
                        : type == float.class
                            ? Float.class
                            : type == short.class
                                ? Short.class
                                : type == byte.class
                                    ? Byte.class
                                    : type == char.class ? Character.class : Void.class;
    return (Class<T>) boxed;
  }

  private static final class Simple<T> extends ValueType<T> {
    Simple(Type type) {
      super(type);
    }
  }
}
