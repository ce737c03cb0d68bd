package io.cachegen.runtime.locmem;

/**
 * Reads an integer stored by reference as another integer box ({@code Integer} stored, {@code Long}
 * asked), as the store-by-value path does through the codec.
 */
final class IntegralBoxes {
  private IntegralBoxes() {}

  /** The value as {@code target}, or {@code null} if it is not an integer that fits. */
  static Object convert(Object value, Class<?> target) {
    if (!(value instanceof Long
        || value instanceof Integer
        || value instanceof Short
        || value instanceof Byte)) {
      return null;
    }
    long v = ((Number) value).longValue();
    if (target == Long.class) {
      return v;
    }
    if (target == Integer.class && v == (int) v) {
      return (int) v;
    }
    if (target == Short.class && v == (short) v) {
      return (short) v;
    }
    if (target == Byte.class && v == (byte) v) {
      return (byte) v;
    }
    return null;
  }
}
