package io.cachegen.runtime;

import java.util.Locale;

/** Hides passwords in what cachegen prints: log lines, messages and {@code toString}s. */
public final class Redaction {
  private static final String SCHEME_END = "://";

  private Redaction() {}

  /** Whether an option name holds a secret, e.g. {@code password}. */
  public static boolean isSecret(String optionName) {
    String n = optionName.toLowerCase(Locale.ROOT);
    return n.contains("password") || n.contains("secret") || n.contains("token");
  }

  /**
   * A location with the {@code user:password@} part of every URL in it replaced: {@code
   * redis://u:pw@h:6379/0} becomes {@code redis://u:****@h:6379/0}, and a bare password ({@code
   * redis://pw@h}) becomes {@code ****}.
   *
   * <p>Passwords are often written unencoded, so they may hold {@code /}, {@code @}, {@code :},
   * {@code %} or {@code ,}. The user-info of a URL is therefore taken to run from its {@code ://} up
   * to the <em>last</em> {@code @} before the next URL's {@code ://} (or the end): this may hide a
   * little more than the password (an {@code @} in a Unix socket path), never less.
   */
  public static String location(String location) {
    if (location == null || location.indexOf('@') < 0) {
      return location;
    }
    int start = location.indexOf(SCHEME_END);
    if (start < 0) {
      // not a URL at all (a typo such as "pw@host:6379"): hide everything up to the last '@'
      return "****" + location.substring(location.lastIndexOf('@'));
    }
    StringBuilder out = new StringBuilder(location.length());
    int from = 0;
    while (start >= 0) {
      int infoStart = start + SCHEME_END.length();
      int next = location.indexOf(SCHEME_END, infoStart);
      int regionEnd = next < 0 ? location.length() : next;
      int at = location.lastIndexOf('@', regionEnd - 1);
      out.append(location, from, infoStart);
      if (at >= infoStart) {
        out.append(redactUserInfo(location.substring(infoStart, at))).append('@');
        from = at + 1;
      } else {
        from = infoStart;
      }
      start = next;
    }
    out.append(location, from, location.length());
    return out.toString();
  }

  private static String redactUserInfo(String userInfo) {
    int colon = userInfo.indexOf(':');
    String user = colon < 0 ? "" : userInfo.substring(0, colon);
    // a user name never holds '/', so one that seems to is part of an unencoded password
    boolean plausibleUser = !user.isEmpty() && user.indexOf('/') < 0 && user.indexOf(',') < 0;
    return (plausibleUser ? user + ":" : "") + "****";
  }
}
