package io.cachegen.redis;

import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.internal.LocationUrls;
import io.cachegen.runtime.internal.Redaction;
import java.util.ArrayList;
import java.util.List;

/**
 * One server of a {@code location}: {@code redis://[user:password@]host[:port][/db]}, {@code
 * rediss://…} (TLS) or {@code unix:///path/redis.sock[?db=N]}. A {@code ?db=N} query is accepted on
 * every scheme; a db in the path wins over it. The port is 1 to 65535. How a password with
 * {@code @}, {@code /}, {@code ?}, {@code #}, {@code ,} or {@code %} in it is read is described in
 * {@link LocationUrls}. Immutable.
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
record RedisLocation(
    String scheme,
    String host,
    int port,
    String socketPath,
    Integer db,
    String username,
    String password) {

  /** The port used when a {@code redis://} or {@code rediss://} URL names none. */
  public static final int DEFAULT_PORT = 6379;

  /** Appended to a message about a URL with user-info, which is the usual cause of a bad URL. */
  private static final String PASSWORD_HINT =
      ". A password in the URL may hold any character"
          + " except a ',' followed by redis://, rediss:// or unix:// (write %2C), and '%' followed"
          + " by two hex digits stands for that byte (write %25 for '%'); or put it in"
          + " options.password";

  /**
   * Parses a comma-separated {@code location}: the first server is the primary, the rest are
   * replicas. How the list and each URL are split is described in {@link LocationUrls}.
   *
   * @param property the property holding the value, for error messages
   * @throws CacheConfigurationException naming {@code property}, the server's position and the
   *     fault if any part is not a Redis URL; the message never shows a password
   */
  public static List<RedisLocation> parseAll(String location, String property) {
    if (location == null || location.isBlank()) {
      throw new CacheConfigurationException(
          property
              + " is required for backend=redis, e.g. redis://127.0.0.1:6379/0"
              + " (a comma-separated list: primary first, then replicas)");
    }
    List<LocationUrls.Url> urls = LocationUrls.split(location);
    Problems problems = new Problems(property, Redaction.location(location), urls.size() > 1);
    List<RedisLocation> out = new ArrayList<>(urls.size());
    for (LocationUrls.Url url : urls) {
      out.add(parse(url, problems));
    }
    return List.copyOf(out);
  }

  /**
   * Whether {@code location} names a Redis Cluster ({@code redis-cluster://} or {@code
   * rediss-cluster://}).
   */
  static boolean isCluster(String location) {
    String l = location == null ? "" : location.stripLeading();
    return l.regionMatches(true, 0, "redis-cluster://", 0, 16)
        || l.regionMatches(true, 0, "rediss-cluster://", 0, 17);
  }

  /**
   * Parses a cluster location, {@code redis-cluster://[user:password@]host:port,host:port} (or
   * {@code rediss-cluster://} for TLS): the seed nodes, each as a {@code redis://} (or {@code
   * rediss://}) location with the credentials of the URL. A cluster has only database 0, so a
   * database in the URL is an error.
   *
   * @throws CacheConfigurationException naming {@code property} and the seed at fault; never shows
   *     a password
   */
  static List<RedisLocation> parseCluster(String location, String property) {
    List<LocationUrls.Url> urls = LocationUrls.split(location);
    Problems problems = new Problems(property, Redaction.location(location), urls.size() > 1);
    LocationUrls.Url first = urls.get(0);
    boolean tls = first.scheme().equals("rediss-cluster");
    String scheme = tls ? "rediss" : "redis";
    List<RedisLocation> out = new ArrayList<>(urls.size());
    for (int i = 0; i < urls.size(); i++) {
      LocationUrls.Url url = urls.get(i);
      Problems at = problems.at(url);
      if (i > 0 && url.scheme() != null) {
        throw at.bad(
            "is not a seed node of the cluster: write every node as host:port after one "
                + first.scheme()
                + "://, e.g. "
                + first.scheme()
                + "://10.0.0.1:7000,10.0.0.2:7000");
      }
      if (url.userInfo() != null && i > 0) {
        throw at.bad("has credentials; put them once, after " + first.scheme() + "://");
      }
      String rest = url.rest();
      if (rest.contains("/") || rest.contains("?")) {
        throw at.bad(
            "names a database: a Redis Cluster has only database 0; write host:port without /db");
      }
      LocationUrls.Url plain =
          new LocationUrls.Url(url.position(), scheme, first.userInfo(), url.rest());
      out.add(parse(plain, problems));
    }
    return List.copyOf(out);
  }

  /** Whether {@code location} names Redis Sentinel ({@code redis-sentinel://}). */
  static boolean isSentinel(String location) {
    String l = location == null ? "" : location.stripLeading();
    return l.regionMatches(true, 0, "redis-sentinel://", 0, 17)
        || l.regionMatches(true, 0, "rediss-sentinel://", 0, 18);
  }

  /**
   * A Sentinel location: the sentinels (each as a {@code redis://} location carrying the data
   * nodes' credentials and database from the URL) and the service name.
   */
  record Sentinels(List<RedisLocation> sentinels, String service) {}

  /**
   * Parses {@code redis-sentinel://[user:password@]host:port,host:port/serviceName[?db=N]}: the
   * sentinels to ask, the service (master) name they monitor, and the data nodes' credentials and
   * database (the sentinels' own credentials are {@code options.sentinel_username} and {@code
   * options.sentinel_password}).
   *
   * @throws CacheConfigurationException naming {@code property} and the part at fault; never shows
   *     a password
   */
  static Sentinels parseSentinel(String location, String property) {
    List<LocationUrls.Url> urls = LocationUrls.split(location);
    Problems problems = new Problems(property, Redaction.location(location), urls.size() > 1);
    LocationUrls.Url first = urls.get(0);
    LocationUrls.Url last = urls.get(urls.size() - 1);
    String lastRest = last.rest();
    int slash = lastRest.indexOf('/');
    if (slash < 0) {
      throw problems
          .at(last)
          .bad(
              "names no service: write redis-sentinel://host:port,host:port/serviceName, with the"
                  + " name the sentinels monitor (sentinel monitor <name> ...)");
    }
    int question = lastRest.indexOf('?', slash);
    String service = lastRest.substring(slash + 1, question < 0 ? lastRest.length() : question);
    if (service.isEmpty() || service.contains("/")) {
      throw problems.at(last).bad("names no service after the last sentinel's host:port");
    }
    String query = question < 0 ? "" : lastRest.substring(question);
    String scheme = first.scheme().equals("rediss-sentinel") ? "rediss" : "redis";
    List<RedisLocation> out = new ArrayList<>(urls.size());
    for (int i = 0; i < urls.size(); i++) {
      LocationUrls.Url url = urls.get(i);
      Problems at = problems.at(url);
      if (i > 0 && url.scheme() != null) {
        throw at.bad(
            "is not a sentinel: write every sentinel as host:port after one redis-sentinel://,"
                + " e.g. redis-sentinel://10.0.0.1:26379,10.0.0.2:26379/mymaster");
      }
      if (url.userInfo() != null && i > 0) {
        throw at.bad("has credentials; put them once, after redis-sentinel://");
      }
      String rest = i == urls.size() - 1 ? lastRest.substring(0, slash) : url.rest();
      if (rest.contains("/") || rest.contains("?")) {
        throw at.bad("has a path or query; only the last sentinel is followed by /serviceName");
      }
      LocationUrls.Url plain =
          new LocationUrls.Url(url.position(), scheme, first.userInfo(), rest + "/" + query);
      out.add(parse(plain, problems));
    }
    return new Sentinels(List.copyOf(out), service);
  }

  /**
   * Parses one server URL.
   *
   * @throws CacheConfigurationException naming {@code property} if it is not one Redis URL
   */
  public static RedisLocation parse(String url, String property) {
    List<RedisLocation> all = parseAll(url, property);
    if (all.size() != 1) {
      throw new CacheConfigurationException(
          property
              + " = '"
              + Redaction.location(url)
              + "' names "
              + all.size()
              + " servers; only one is allowed here");
    }
    return all.get(0);
  }

  private static RedisLocation parse(LocationUrls.Url url, Problems problems) {
    Problems at = problems.at(url);
    if (url.empty()) {
      throw at.bad("is empty (two commas in a row, or one at an end?)");
    }
    if (url.scheme() == null) {
      throw at.bad("must start with redis://, rediss://, unix:// or redis-cluster://");
    }
    String rest = url.rest();
    int question = rest.indexOf('?');
    Integer queryDb = question < 0 ? null : queryDb(rest.substring(question + 1), at);
    String beforeQuery = question < 0 ? rest : rest.substring(0, question);
    String user = url.user() == null ? null : LocationUrls.decode(url.user());
    String pass = url.password();
    if (url.scheme().equals("unix")) {
      String path = LocationUrls.decode(beforeQuery);
      if (!path.startsWith("/") || path.equals("/")) {
        throw at.bad("has no socket path; write unix:///path/redis.sock");
      }
      return new RedisLocation("unix", null, 0, path, queryDb, user, pass);
    }
    int slash = beforeQuery.indexOf('/');
    String authority = slash < 0 ? beforeQuery : beforeQuery.substring(0, slash);
    String host;
    String portText;
    if (authority.startsWith("[")) {
      int close = authority.indexOf(']');
      if (close < 0 || (close + 1 < authority.length() && authority.charAt(close + 1) != ':')) {
        throw at.bad("has host '" + authority + "', which is not [IPv6 address]:port");
      }
      host = authority.substring(1, close);
      portText = close + 1 < authority.length() ? authority.substring(close + 2) : null;
    } else {
      int colon = authority.indexOf(':');
      host = colon < 0 ? authority : authority.substring(0, colon);
      portText = colon < 0 ? null : authority.substring(colon + 1);
    }
    if (host.isEmpty()) {
      throw at.bad("has no host");
    }
    if (!isHostName(host)) {
      throw at.bad("has host '" + host + "', which is not a host name or IP address");
    }
    int port = portText == null ? DEFAULT_PORT : port(portText, at);
    Integer db = slash < 0 ? null : pathDb(beforeQuery.substring(slash), at);
    return new RedisLocation(url.scheme(), host, port, null, db != null ? db : queryDb, user, pass);
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
    return "RedisLocation["
        + scheme
        + "://"
        + (username == null ? "" : username + "@")
        + describe()
        + (db == null ? "" : "/" + db)
        + (password == null ? "" : ", password=****")
        + "]";
  }

  private static boolean isHostName(String host) {
    for (int i = 0; i < host.length(); i++) {
      char c = host.charAt(i);
      boolean ok =
          (c >= 'a' && c <= 'z')
              || (c >= 'A' && c <= 'Z')
              || (c >= '0' && c <= '9')
              || c == '.'
              || c == '-'
              || c == '_'
              || c == ':'
              || c == '%';
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A port: 1 to 65535, ASCII digits only. */
  private static int port(String text, Problems at) {
    if (text.isEmpty()) {
      throw at.bad("has an empty port after ':'; write host:6379 or leave out the ':'");
    }
    if (text.length() <= 5 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      int port = Integer.parseInt(text);
      if (port >= 1 && port <= 65535) {
        return port;
      }
    }
    throw at.bad("has port '" + text + "', which is not a number from 1 to 65535");
  }

  private static Integer pathDb(String path, Problems at) {
    return path.equals("/") ? null : dbNumber(LocationUrls.decode(path.substring(1)), at);
  }

  private static Integer queryDb(String query, Problems at) {
    Integer db = null;
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      String name = eq < 0 ? pair : pair.substring(0, eq);
      if (name.equals("db")) {
        db = dbNumber(eq < 0 ? "" : LocationUrls.decode(pair.substring(eq + 1)), at);
      } else if (!name.isEmpty()) {
        throw at.bad(
            "has an unknown parameter '"
                + name
                + "' (only db is accepted;"
                + " put other settings in options.*)");
      }
    }
    return db;
  }

  private static int dbNumber(String text, Problems at) {
    if (!text.isEmpty() && text.length() <= 9 && text.chars().allMatch(c -> c >= '0' && c <= '9')) {
      return Integer.parseInt(text);
    }
    throw at.bad("has db '" + text + "'; use a number >= 0, e.g. redis://host:6379/0");
  }

  /**
   * Builds the start-up errors of one location: the property, the location with its passwords
   * hidden, the server's position in a list, and the fault. Faults quote only text after the
   * user-info.
   */
  private record Problems(String property, String shown, boolean list, int position) {
    Problems(String property, String shown, boolean list) {
      this(property, shown, list, 0);
    }

    Problems at(LocationUrls.Url url) {
      return new Problems(property, shown, list, url.position());
    }

    CacheConfigurationException bad(String why) {
      return new CacheConfigurationException(
          property
              + " = '"
              + shown
              + "': "
              + (list ? "server " + position + " " : "")
              + why
              + "; use redis://[user:password@]host:port/db, rediss://… or unix:///path?db=N"
              + (shown.contains("****@") ? PASSWORD_HINT : ""));
    }
  }
}
