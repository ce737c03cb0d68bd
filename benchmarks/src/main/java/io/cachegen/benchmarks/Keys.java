package io.cachegen.benchmarks;

/**
 * The stored keys every subject shares: alias key prefix {@code bench}, version 1, Django's key
 * function ({@code prefix:version:key}).
 */
final class Keys {
  static final String PREFIX = "bench";
  static final String SMALL = "bench:1:data";
  static final String GRAPH = "bench:1:order";
  static final long ID = 42;

  /** The argument of the {@code String}-key subjects ({@code "small:{id}"}). */
  static final String NAME = "42";

  /** The stored key of the {@code String}-key subjects. */
  static final String STRING_KEY = PREFIX + ":1:small:" + NAME;

  private Keys() {}

  /** The i-th of the 100 keys of the batch subjects (caller key). */
  static String manyCallerKey(int i) {
    return "many:" + i;
  }

  /** The i-th of the 100 keys (stored key). */
  static String many(int i) {
    return PREFIX + ":1:" + manyCallerKey(i);
  }
}
