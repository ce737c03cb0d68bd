package io.cachegen.benchmarks;

import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.Jedis;

/**
 * How many times the server ran each command, from {@code INFO commandstats} ({@code INFO} itself
 * left out). Meaningful on a server of the benchmark's own, where no one else's commands count.
 */
final class RedisCommandCounts {
  private RedisCommandCounts() {}

  /** Calls per command name, e.g. {@code get -> 3}, on {@link RedisTarget}. */
  static Map<String, Long> now() {
    try (Jedis j = new Jedis(RedisTarget.host(), RedisTarget.port())) {
      return parse(j.info("commandstats"));
    }
  }

  /** Parses {@code cmdstat_get:calls=3,usec=...} lines. */
  static Map<String, Long> parse(String info) {
    Map<String, Long> calls = new HashMap<>();
    for (String line : info.split("\r?\n")) {
      if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info:")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        String rest = line.substring(line.indexOf("calls=") + "calls=".length());
        calls.put(name, Long.parseLong(rest.substring(0, rest.indexOf(','))));
      }
    }
    return calls;
  }

  /** The commands whose count grew from {@code before} to {@code after}, with the growth. */
  static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
    Map<String, Long> d = new HashMap<>();
    after.forEach(
        (k, v) -> {
          long n = v - before.getOrDefault(k, 0L);
          if (n != 0) {
            d.put(k, n);
          }
        });
    return d;
  }
}
