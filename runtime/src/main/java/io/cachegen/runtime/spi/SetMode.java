package io.cachegen.runtime.spi;

/** When a write goes through: always, only if the key is absent, or only if it is present. */
public enum SetMode {
  /** Plain {@code set}. */
  ALWAYS,
  /** {@code add}, Redis's {@code NX}. */
  IF_ABSENT,
  /** Redis's {@code XX}. */
  IF_PRESENT
}
