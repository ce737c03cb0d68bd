package io.cachegen.runtime.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * How a {@code location} splits into server URLs, and each URL into its user-info and the rest.
 * <b>Not API.</b> The Redis backend parses with it and {@link Redaction} hides with it, so what is
 * hidden is exactly what is read as a secret.
 *
 * <p>Passwords are often written unencoded, so the rules let them hold any character:
 *
 * <ul>
 *   <li>A comma starts a new server only where it is followed (after optional spaces) by {@code
 *       redis://}, {@code rediss://} or {@code unix://}, or where it comes after the user-info of
 *       the URL it ends. So a password may hold {@code ,} and {@code ://}; only a password that
 *       holds a comma followed by one of those three schemes must be percent-encoded.
 *   <li>The user-info runs from the {@code ://} to the <em>last</em> {@code @} of the URL ({@code
 *       unix://}: the last {@code @/}), so a password may hold {@code @}, {@code /}, {@code ?},
 *       {@code #}, {@code :} and spaces. An {@code @} after the host (in a socket path, say) makes
 *       more text hidden, never less.
 *   <li>In the user-info, the text before the first {@code :} is a user name only if it is made of
 *       letters, digits and {@code . _ ~ -}; otherwise, and when there is no {@code :}, the whole
 *       user-info is the password ({@code redis://pw@host}, as redis-py reads it).
 *   <li>{@code %XX} (two hex digits) in the user name or password is the byte XX (percent-encoding,
 *       UTF-8); any other {@code %} stands for itself, so {@code %} followed by two hex digits must
 *       be written {@code %25}. {@code +} is a plus sign.
 * </ul>
 */
@Internal
public final class LocationUrls {
  private static final String[] SCHEMES = {
    "redis://",
    "rediss://",
    "unix://",
    "redis-cluster://",
    "rediss-cluster://",
    "redis-sentinel://",
    "rediss-sentinel://"
  };

  private LocationUrls() {}

  /**
   * One server URL of a location, as written (without surrounding spaces).
   *
   * @param position 1 for the first server of the list
   * @param scheme {@code redis}, {@code rediss} or {@code unix} (lower case), or {@code null} if
   *     the URL starts with none of them
   * @param userInfo the raw text between the {@code ://} (or the start) and the {@code @} that ends
   *     it, or {@code null} if there is none
   * @param rest what follows the user-info (host, port, path and query), or the whole text after
   *     the {@code ://} if there is no user-info
   */
  public record Url(int position, String scheme, String userInfo, String rest) {
    /** Whether nothing at all was written for this server (e.g. between two commas). */
    public boolean empty() {
      return scheme == null && userInfo == null && rest.isEmpty();
    }

    /** The user name, decoded, or {@code null} if the user-info names none (see class doc). */
    public String user() {
      int colon = userInfo == null ? -1 : userInfo.indexOf(':');
      if (colon <= 0) {
        return null;
      }
      String user = userInfo.substring(0, colon);
      for (int i = 0; i < user.length(); i++) {
        char c = user.charAt(i);
        boolean unreserved =
            (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || c == '.'
                || c == '_'
                || c == '~'
                || c == '-';
        if (!unreserved) {
          return null;
        }
      }
      return user;
    }

    /** The password, decoded, or {@code null} if the user-info names none (also for {@code u:}). */
    public String password() {
      if (userInfo == null) {
        return null;
      }
      String user = user();
      String password =
          user != null
              ? userInfo.substring(user.length() + 1)
              : userInfo.startsWith(":") ? userInfo.substring(1) : userInfo;
      return password.isEmpty() ? null : decode(password);
    }

    /** This URL with its password replaced by {@code ****}; the user name is kept. */
    public String redacted() {
      StringBuilder sb = new StringBuilder();
      if (scheme != null) {
        sb.append(scheme).append("://");
      }
      if (userInfo != null) {
        String user = user();
        sb.append(user == null ? "" : user + ":").append("****@");
      }
      return sb.append(rest).toString();
    }
  }

  /**
   * Splits {@code location} into its servers (see the class doc); an empty text is one empty URL.
   */
  public static List<Url> split(String location) {
    List<Url> out = new ArrayList<>();
    int from = 0;
    for (int i = location.indexOf(','); i >= 0; i = location.indexOf(',', i + 1)) {
      if (schemeAt(location, skipSpaces(location, i + 1)) != null) {
        splitChunk(location.substring(from, i), out);
        from = i + 1;
      }
    }
    splitChunk(location.substring(from), out);
    return out;
  }

  /**
   * Adds the URL that starts {@code chunk}, then one (malformed) URL per comma after its user-info.
   */
  private static void splitChunk(String chunk, List<Url> out) {
    String text = chunk.strip();
    String prefix = schemeAt(text, 0);
    int start = prefix == null ? 0 : prefix.length();
    boolean unix = "unix://".equals(prefix);
    int at = unix ? text.lastIndexOf("@/") : text.lastIndexOf('@');
    String userInfo = at >= start ? text.substring(start, at) : null;
    int restStart = at >= start ? at + 1 : start;
    String[] pieces = text.substring(restStart).split(",", -1);
    String scheme = prefix == null ? null : prefix.substring(0, prefix.length() - 3);
    out.add(new Url(out.size() + 1, scheme, userInfo, pieces[0].strip()));
    for (int i = 1; i < pieces.length; i++) {
      out.add(new Url(out.size() + 1, null, null, pieces[i].strip()));
    }
  }

  private static int skipSpaces(String s, int i) {
    while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** The scheme prefix as written at {@code i} (e.g. {@code "REDIS://"} lower-cased), or null. */
  private static String schemeAt(String s, int i) {
    for (String scheme : SCHEMES) {
      if (s.regionMatches(true, i, scheme, 0, scheme.length())) {
        return scheme;
      }
    }
    return null;
  }

  /**
   * Decodes {@code %XX} escapes (UTF-8); any other character, {@code %} included, stands for
   * itself.
   */
  public static String decode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(s.length());
    for (int i = 0; i < s.length(); ) {
      char c = s.charAt(i);
      if (c == '%'
          && i + 2 < s.length()
          && hex(s.charAt(i + 1)) >= 0
          && hex(s.charAt(i + 2)) >= 0) {
        bytes.write(hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        i += 3;
      } else {
        int cp = s.codePointAt(i);
        bytes.writeBytes(new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8));
        i += Character.charCount(cp);
      }
    }
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
  }
}
