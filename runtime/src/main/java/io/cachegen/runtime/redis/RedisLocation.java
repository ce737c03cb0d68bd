package io.cachegen.runtime.redis;

import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.Redaction;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One server of a {@code location}: {@code redis://[user:password@]host[:port][/db]}, {@code
 * rediss://…} (TLS) or {@code unix:///path/redis.sock[?db=N]}. A {@code ?db=N} query is accepted
 * on every scheme; a db in the path wins over it. Immutable.
 *
 * <p>{@link #toString()} and {@link #describe()} never show the password.
 *
 * @param scheme {@code redis}, {@code rediss} or {@code unix}
 * @param host the host name ({@code null} for {@code unix})
 * @param port the port ({@code 0} for {@code unix})
 * @param socketPath the Unix socket path ({@code null} for TCP)
 * @param db the database from the URL, or {@code null} if the URL names none
 * @param username the ACL user from the URL, or {@code null}
 * @param password the password from the URL, or {@code null}
 */
public record RedisLocation(
    String scheme,
    String host,
    int port,
    String socketPath,
    Integer db,
    String username,
    String password) {

  /** The port used when a {@code redis://} or {@code rediss://} URL names none. */
  public static final int DEFAULT_PORT = 6379;

  /** Appended to the shown URL when it has user-info, which is the usual cause of a bad URL. */
  private static final String PASSWORD_HINT = ". A password in the URL must have '/', '@', ':',"
      + " '%', '#', '?' and ',' percent-encoded (e.g. %2F for '/', %40 for '@'), or go in"
      + " options.password";

  /**
   * Parses a comma-separated {@code location}: the first server is the primary, the rest are
   * replicas.
   *
   * @param property the property holding the value, for error messages
   * @throws CacheConfigurationException naming {@code property} if any part is not a Redis URL
   */
  public static List<RedisLocation> parseAll(String location, String property) {
    if (location == null || location.isBlank()) {
      throw new CacheConfigurationException(
          property + " is required for backend=redis, e.g. redis://127.0.0.1:6379/0"
              + " (a comma-separated list: primary first, then replicas)");
    }
    // messages show the whole list redacted: a password holding ',' spans two parts
    String shown = Redaction.location(location);
    List<RedisLocation> out = new ArrayList<>();
    for (String part : location.split(",")) {
      if (part.isBlank()) {
        throw bad(property, shown, "has an empty server between commas");
      }
      out.add(parse(part.trim(), property, shown));
    }
    return List.copyOf(out);
  }

  /**
   * Parses one server URL.
   *
   * @throws CacheConfigurationException naming {@code property} if it is not a Redis URL
   */
  public static RedisLocation parse(String url, String property) {
    return parse(url, property, Redaction.location(url));
  }

  private static RedisLocation parse(String url, String property, String shown) {
    URI uri;
    try {
      uri = new URI(url);
    } catch (URISyntaxException e) {
      throw bad(property, shown, "is not a URL");
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    Integer queryDb = queryDb(uri.getRawQuery(), property, shown);
    String user = null;
    String pass = null;
    String userInfo = uri.getRawUserInfo();
    if (userInfo != null) {
      int colon = userInfo.indexOf(':');
      String u = colon < 0 ? userInfo : userInfo.substring(0, colon);
      user = u.isEmpty() ? null : decode(u);
      pass = colon < 0 ? null : decode(userInfo.substring(colon + 1));
      if (pass != null && pass.isEmpty()) {
        pass = null; // redis://user:@host names no password
      }
      if (colon < 0) {
        // redis://secret@host is the password alone, as redis-py reads it
        pass = user;
        user = null;
      }
    }
    switch (scheme) {
      case "redis", "rediss" -> {
        String host = uri.getHost();
        if (host == null || host.isEmpty()) {
          throw bad(property, shown, "has no host");
        }
        if (host.startsWith("[") && host.endsWith("]")) {
          host = host.substring(1, host.length() - 1);
        }
        int port = uri.getPort() < 0 ? DEFAULT_PORT : uri.getPort();
        Integer db = pathDb(uri.getPath(), property, shown);
        return new RedisLocation(scheme, host, port, null, db != null ? db : queryDb, user, pass);
      }
      case "unix" -> {
        String path = uri.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
          throw bad(property, shown, "has no socket path");
        }
        return new RedisLocation(scheme, null, 0, path, queryDb, user, pass);
      }
      default -> throw bad(property, shown, "must start with redis://, rediss:// or unix://");
    }
  }

  /** Whether this server is reached over TLS ({@code rediss://}). */
  public boolean tls() {
    return scheme.equals("rediss");
  }

  /** Whether this server is reached through a Unix socket. */
  public boolean unixSocket() {
    return scheme.equals("unix");
  }

  /** The server as {@code host:port} or {@code unix:/path}, for messages; never a password. */
  public String describe() {
    if (unixSocket()) {
      return "unix:" + socketPath;
    }
    return (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
  }

  @Override
  public String toString() {
    return "RedisLocation[" + scheme + "://" + (username == null ? "" : username + "@")
        + describe() + (db == null ? "" : "/" + db) + (password == null ? "" : ", password=****")
        + "]";
  }

  private static Integer pathDb(String path, String property, String shown) {
    if (path == null || path.isEmpty() || path.equals("/")) {
      return null;
    }
    return dbNumber(path.substring(1), property, shown);
  }

  private static Integer queryDb(String query, String property, String shown) {
    if (query == null) {
      return null;
    }
    Integer db = null;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.equals("db")) {
        db = dbNumber(eq < 0 ? "" : decode(pair.substring(eq + 1)), property, shown);
      } else if (!name.isEmpty()) {
        throw bad(property, shown, "has an unknown parameter '" + name + "' (only db is accepted;"
            + " put other settings in options.*)");
      }
    }
    return db;
  }

  private static int dbNumber(String text, String property, String shown) {
    try {
      int db = Integer.parseInt(text);
      if (db >= 0) {
        return db;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw bad(property, shown, "has db '" + text + "'; use a number >= 0, e.g. redis://host:6379/0");
  }

  private static String decode(String s) {
    return URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  private static CacheConfigurationException bad(String property, String shown, String why) {
    return new CacheConfigurationException(
        property + " = '" + shown + "' " + why
            + "; use redis://[user:password@]host:port/db, rediss://… or unix:///path?db=N"
            + (shown.contains("****@") ? PASSWORD_HINT : ""));
  }
}
