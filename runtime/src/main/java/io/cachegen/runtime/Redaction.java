package io.cachegen.runtime;

import java.util.Locale;
import java.util.regex.Pattern;

/** Hides passwords in what cachegen prints: log lines, messages and {@code toString}s. */
public final class Redaction {
  private static final Pattern URL_USERINFO = Pattern.compile("(?<=://)([^/@]*)@");

  private Redaction() {}

  /** Whether an option name holds a secret, e.g. {@code password}. */
  public static boolean isSecret(String optionName) {
    String n = optionName.toLowerCase(Locale.ROOT);
    return n.contains("password") || n.contains("secret") || n.contains("token");
  }

  /**
   * A location with any {@code user:password@} part replaced: {@code redis://u:pw@h:6379/0} becomes
   * {@code redis://u:****@h:6379/0}, and a bare password becomes {@code ****}.
   */
  public static String location(String location) {
    return URL_USERINFO.matcher(location).replaceAll(m -> {
      String userInfo = m.group(1);
      int colon = userInfo.indexOf(':');
      String user = colon < 0 ? "" : userInfo.substring(0, colon);
      return java.util.regex.Matcher.quoteReplacement((user.isEmpty() ? "" : user + ":") + "****@");
    });
  }
}
