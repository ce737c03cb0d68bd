package io.cachegen.redis;

import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.KeyFunction;

/**
 * The SCAN pattern {@code clear()} deletes by (when {@code options.clear_flushes_db} is false): one
 * that matches every key this alias makes, at every version, and as few other keys as glob patterns
 * allow.
 *
 * <ul>
 *   <li>Django's default key function ({@code prefix:version:key}): {@code prefix:[-0-9]*:*}. The
 *       version must start with a digit (or '-'), so clearing prefix {@code web} leaves the keys of
 *       prefix {@code web:sessions} alone (a prefix such as {@code web:2fa}, which looks like a
 *       version, still matches). With an empty prefix the pattern is {@code :[-0-9]*:*}: every
 *       alias or application that uses an empty prefix on the same database shares that keyspace,
 *       so it is allowed but warned about at start-up.
 *   <li>A custom key function: the pattern is derived from the keys it makes for a marker key at
 *       two versions (the parts that change become {@code *}). It must keep the key and the
 *       (non-empty) prefix in what it makes; otherwise clear() could not be confined to this alias,
 *       and start-up fails naming {@code key_prefix} / {@code key_function}.
 * </ul>
 *
 * <p>Either failure can be waived with {@code options.clear_flushes_db=true}, which says the
 * database belongs to this alias alone (clear() then runs FLUSHDB).
 */
final class ClearPattern {
  /** A private-use character: stands for the caller's key in the keys made to derive a pattern. */
  private static final char KEY = '\uE000';

  private ClearPattern() {}

  /**
   * The pattern for {@code settings} with {@code keyFunction} ({@code null} or {@link
   * KeyFunction#DEFAULT} for Django's default).
   *
   * @throws CacheConfigurationException if no pattern confines clear() to this alias
   */
  static String of(CacheSettings settings, KeyFunction keyFunction) {
    String prefix = settings.keyPrefix();
    if (settings.keyFunction().isEmpty()
        || keyFunction == null
        || keyFunction == KeyFunction.DEFAULT) {
      return KeyFunction.defaultKeyGlob(RedisScan.globEscape(prefix));
    }
    String name = settings.keyFunction().get();
    if (prefix.isEmpty()) {
      throw unconfined(
          settings,
          settings.describe("key_prefix")
              + " is empty and "
              + settings.describe("key_function")
              + " = '"
              + name
              + "' is a custom key function");
    }
    int v1 = settings.version();
    int v2 = v1 == Integer.MAX_VALUE ? v1 - 1 : v1 + 1;
    String k = String.valueOf(KEY);
    String t1 = keyFunction.makeKey(k, prefix, v1);
    String t2 = keyFunction.makeKey(k, prefix, v2);
    if (count(t1, KEY) != 1 || count(t2, KEY) != 1 || !t1.replace(k, "").contains(prefix)) {
      throw unconfined(
          settings,
          settings.describe("key_function")
              + " = '"
              + name
              + "' makes keys that do not hold the caller's key and the key_prefix '"
              + prefix
              + "' as they are (hashed or dropped?)");
    }
    int head = 0;
    int max = Math.min(t1.length(), t2.length());
    while (head < max && t1.charAt(head) == t2.charAt(head)) {
      head++;
    }
    int tail = 0;
    while (tail < max - head
        && t1.charAt(t1.length() - 1 - tail) == t2.charAt(t2.length() - 1 - tail)) {
      tail++;
    }
    StringBuilder glob = new StringBuilder();
    for (int i = 0; i < t1.length(); i++) {
      char c = t1.charAt(i);
      if ((i >= head && i < t1.length() - tail) || c == KEY) {
        if (glob.length() == 0
            || glob.charAt(glob.length() - 1) != '*'
            || (glob.length() > 1 && glob.charAt(glob.length() - 2) == '\\')) {
          glob.append('*'); // the version's part or the key: anything
        }
      } else {
        glob.append(RedisScan.globEscape(String.valueOf(c)));
      }
    }
    return glob.toString();
  }

  private static int count(String s, char c) {
    int n = 0;
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) == c) {
        n++;
      }
    }
    return n;
  }

  private static CacheConfigurationException unconfined(CacheSettings settings, String why) {
    return new CacheConfigurationException(
        why
            + ": clear() could not be limited to this alias's"
            + " keys and would delete other keys of the database. Set "
            + settings.property("key_prefix")
            + " (and use a key function that keeps it and the key), or set "
            + settings.property("options.clear_flushes_db")
            + "=true if the database belongs to this"
            + " cache alone");
  }
}
