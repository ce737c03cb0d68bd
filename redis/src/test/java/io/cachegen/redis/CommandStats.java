package io.cachegen.redis;

import java.util.HashMap;
import java.util.Map;
import redis.clients.jedis.UnifiedJedis;

/**
 * How many times a server ran each command, from {@code INFO commandstats}: tests prove round trips
 * with it (one MGET, GET + SET per miss, SCAN never KEYS). Use it on private servers only, where no
 * one else's commands are counted. {@code INFO} itself is left out.
 */
public final class CommandStats {
  private CommandStats() {}

  /** Calls per command name, e.g. {@code get -> 3}. */
  public static Map<String, Long> calls(UnifiedJedis redis) {
    Map<String, Long> calls = new HashMap<>();
    for (String line : redis.info("commandstats").split("\r?\n")) {
      // cmdstat_get:calls=3,usec=...
      if (line.startsWith("cmdstat_") && !line.startsWith("cmdstat_info:")) {
        String name = line.substring("cmdstat_".length(), line.indexOf(':'));
        String rest = line.substring(line.indexOf("calls=") + "calls=".length());
        calls.put(name, Long.parseLong(rest.substring(0, rest.indexOf(','))));
      }
    }
    return calls;
  }

  /** The commands whose count changed from {@code before} to {@code after}, with the change. */
  public static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
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
