package io.cachegen.runtime.internal;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * Hides passwords in what cachegen prints: log lines, messages and {@code toString}s ({@code
 * CacheSettings}, the Redis backend). <b>Not API.</b>
 */
@Internal
public final class Redaction {
  private Redaction() {}

  /** Whether an option name holds a secret, e.g. {@code password}. */
  public static boolean isSecret(String optionName) {
    String n = optionName.toLowerCase(Locale.ROOT);
    return n.contains("password") || n.contains("secret") || n.contains("token");
  }

  /**
   * A location with the password of every URL in it replaced: {@code redis://u:pw@h:6379/0} becomes
   * {@code redis://u:****@h:6379/0}, and a password alone ({@code redis://pw@h}) becomes {@code
   * ****}. The URLs are split as the Redis backend splits them ({@link LocationUrls}), so a
   * password hides whatever characters it holds; text that is not a URL has everything up to its
   * last {@code @} hidden.
   */
  public static String location(String location) {
    if (location == null || location.indexOf('@') < 0) {
      return location;
    }
    StringJoiner out = new StringJoiner(",");
    for (LocationUrls.Url url : LocationUrls.split(location)) {
      out.add(url.redacted());
    }
    return out.toString();
  }
}
