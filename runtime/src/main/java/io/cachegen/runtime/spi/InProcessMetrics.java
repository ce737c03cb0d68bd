package io.cachegen.runtime.spi;

import io.cachegen.runtime.CacheStats;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link CacheMetrics#inProcess()}: one {@link InProcessCounters} per alias and per method; a
 * method's counters are a part of its alias's, so its counts roll up when the alias is read.
 */
final class InProcessMetrics implements CacheMetrics {
  private final ConcurrentHashMap<String, InProcessCounters> aliases = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, InProcessCounters> methods = new ConcurrentHashMap<>();

  @Override
  public Counters alias(String alias) {
    return aliases.computeIfAbsent(alias, a -> new InProcessCounters());
  }

  @Override
  public Counters method(String alias, String method) {
    InProcessCounters aliasCounters = (InProcessCounters) alias(alias);
    return methods.computeIfAbsent(
        method,
        m -> {
          InProcessCounters counters = new InProcessCounters();
          aliasCounters.addPart(counters);
          return counters;
        });
  }

  @Override
  public Map<String, CacheStats> aliasStats() {
    return snapshot(aliases);
  }

  @Override
  public Map<String, CacheStats> methodStats() {
    return snapshot(methods);
  }

  private static Map<String, CacheStats> snapshot(Map<String, InProcessCounters> counters) {
    Map<String, CacheStats> out = new TreeMap<>();
    counters.forEach((name, c) -> out.put(name, c.snapshot()));
    return out;
  }

  @Override
  public String toString() {
    return "CacheMetrics.inProcess()";
  }
}
