package io.cachegen.runtime;

/** The single {@link BaseCache#MISS} marker. */
enum MissMarker {
  MISS
}
