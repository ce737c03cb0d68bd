package io.cachegen.benchmarks;

import io.cachegen.annotations.Cached;
import java.util.List;

/**
 * The in-memory miss path's subject: a {@code String} parameter key {@code small:{id}} (as in the
 * issue's measurements), the user's default settings, the small payload. {@link MissPath} calls the
 * generated {@code MissPathServiceCached} with a fresh id per call.
 */
public class MissPathService {
  /** Parameter key, small payload, default timeout. */
  @Cached(key = "small:{id}")
  public List<String> small(String id) {
    return Payloads.SMALL;
  }
}
