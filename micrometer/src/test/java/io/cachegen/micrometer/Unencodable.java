package io.cachegen.micrometer;

/** A value the JSON codec cannot encode: its one property throws. */
public final class Unencodable {
  /** Throws, so that storing this value fails. */
  public String getValue() {
    throw new IllegalStateException("cannot be encoded");
  }
}
