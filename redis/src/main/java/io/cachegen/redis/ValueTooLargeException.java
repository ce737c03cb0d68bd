package io.cachegen.redis;

import io.cachegen.runtime.CacheValueException;

/**
 * A value whose stored form would be larger than {@code options.max_value_size}: stored, it would
 * read back as unreadable on every call, so it is not stored at all.
 */
final class ValueTooLargeException extends CacheValueException {
  private static final long serialVersionUID = 1L;

  ValueTooLargeException(int size, int maxValueSize) {
    super(
        "its encoded form has "
            + size
            + " bytes, more than options.max_value_size ("
            + maxValueSize
            + "), so it could not be read back");
  }
}
