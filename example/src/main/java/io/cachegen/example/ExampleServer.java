package io.cachegen.example;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheStats;
import io.cachegen.runtime.spi.CacheMetrics;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The notes' Django app over the JDK's HTTP server.
 *
 * <ul>
 *   <li>{@code GET /login?next=...}: the login page, cached 30 s per full path and query ({@code
 *       cache_page(30)}), with {@code Cache-Control: max-age=30} and a matching {@code Expires}.
 *       Other methods are answered fresh, never from the page cache.
 *   <li>{@code GET /data}: {@code {"hello": ["0","1","2"]}}, the data cached for 10 s.
 *   <li>{@code GET /stats}: what was counted per alias and per cached method (hits, misses, loads,
 *       failures).
 * </ul>
 *
 * <p>An unknown path is a 404, a malformed query a 400 with the reason; an error in a handler is a
 * 500 and the server keeps serving.
 */
public final class ExampleServer implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ExampleServer.class);

  /**
   * RFC 9110's IMF-fixdate, e.g. {@code Fri, 02 Jan 2026 03:04:35 GMT}: always two-digit days,
   * English names ({@code RFC_1123_DATE_TIME} would write {@code 2 Jan}).
   */
  private static final DateTimeFormatter HTTP_DATE =
      DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.US)
          .withZone(ZoneOffset.UTC);

  /**
   * Nagle's algorithm off on every connection. The JDK server reads this property once, when its
   * configuration class ({@code sun.net.httpserver.ServerConfig}) loads, which happens at the first
   * {@link HttpServer#create}; this class sets it first (unless it was set on the command line).
   * Without it, a keep-alive client waits ~40 ms (delayed ACK) for each small response: 168
   * requests/s from 8 clients instead of ~11,500, so the latency showed Nagle, not the cache.
   */
  static final String NODELAY = "sun.net.httpserver.nodelay";

  static {
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
  }

  /** The alias {@link DataService#data()} caches in (its {@code @Cached} default). */
  private static final String DATA_ALIAS = "default";

  private final HttpServer server;
  private final ExecutorService executor;
  private final DataService dataService;
  private final LoginPage loginPage;
  private final CacheHandler caches;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  /**
   * Starts serving on {@code port} (0 picks a free one) on all interfaces.
   *
   * @param caches the handler whose aliases {@code /stats} reports
   */
  public static ExampleServer start(
      int port, DataService dataService, LoginPage loginPage, CacheHandler caches, Clock clock)
      throws IOException {
    return new ExampleServer(port, dataService, loginPage, caches, clock);
  }

  private ExampleServer(
      int port, DataService dataService, LoginPage loginPage, CacheHandler caches, Clock clock)
      throws IOException {
    this.dataService = dataService;
    this.loginPage = loginPage;
    this.caches = caches;
    this.clock = clock;
    this.server = HttpServer.create(new InetSocketAddress(port), 0);
    this.executor = Executors.newFixedThreadPool(8);
    server.setExecutor(executor);
    server.createContext("/", this::handle);
    server.start();
  }

  /** The port served on. */
  public int port() {
    return server.getAddress().getPort();
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      try {
        route(exchange);
      } catch (BadRequestException e) {
        send(exchange, 400, "text/plain; charset=utf-8", "Bad request: " + e.getMessage() + "\n");
      } catch (RuntimeException | Error e) {
        // an Error too: uncaught, the JDK server closes the connection without an answer
        LOG.error("{} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
        send(exchange, 500, "text/plain; charset=utf-8", "Internal server error\n");
        if (e instanceof VirtualMachineError) {
          throw (VirtualMachineError) e; // answered; the JVM itself is in trouble, so let it show
        }
      }
    }
  }

  private void route(HttpExchange exchange) throws IOException {
    URI uri = exchange.getRequestURI();
    String method = exchange.getRequestMethod();
    switch (uri.getPath()) {
      case "/login" -> login(exchange, method, uri);
      case "/data" -> {
        if (!allowGet(exchange, method)) {
          return;
        }
        sendJson(exchange, Map.of("hello", data()));
      }
      case "/stats" -> {
        if (!allowGet(exchange, method)) {
          return;
        }
        sendJson(exchange, stats());
      }
      default ->
          send(exchange, 404, "text/plain; charset=utf-8", "Not found: " + uri.getPath() + "\n");
    }
  }

  /**
   * The notes' view: logs {@code cache hit} or {@code cache miss} for {@code data}, as the notes'
   * view logs {@code cache hit} / {@code cache unhit}, then gets the data through the generated
   * {@code @Cached} method.
   *
   * <p>Whether one call of a {@code @Cached} method found its value is known only inside the
   * generated method, which does not report it. So, like the notes' view, this asks the cache first
   * ({@link BaseCache#hasKey}, which does not count in the statistics): a hit means the data was
   * cached when this request asked for it. A request that misses while another computes the value
   * waits for that computation (the single-flight) and logs {@code cache miss}, as it should,
   * although the method body, which logs {@code computed data}, runs once. Nothing is kept between
   * calls or per thread. The only disagreement with the statistics is when the entry appears or
   * expires in the instant between the two looks.
   */
  private List<String> data() {
    String key = DataServiceCached.keyForData();
    boolean cached;
    try {
      cached = caches.get(DATA_ALIAS).hasKey(key);
    } catch (CacheException e) {
      cached = false; // the @Cached method below treats a failing cache as a miss too
    }
    LOG.debug("cache {} for '{}'", cached ? "hit" : "miss", key);
    return dataService.data();
  }

  private void login(HttpExchange exchange, String method, URI uri) throws IOException {
    String rawQuery = uri.getRawQuery();
    String next = Query.parse(rawQuery).getOrDefault("next", "");
    if (method.equals("GET") || method.equals("HEAD")) {
      String fullPath = uri.getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
      String page = loginPage.render(fullPath, next);
      exchange.getResponseHeaders().set("Cache-Control", "max-age=" + LoginPage.MAX_AGE);
      exchange
          .getResponseHeaders()
          .set("Expires", HTTP_DATE.format(clock.instant().plusSeconds(LoginPage.MAX_AGE)));
      send(exchange, 200, "text/html; charset=utf-8", page);
    } else {
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      send(exchange, 200, "text/html; charset=utf-8", loginPage.renderUncached(next));
    }
  }

  /**
   * {@code {"aliases": {alias: counts}, "methods": {"DataService.data()": counts}}}, from the
   * handler's metrics.
   */
  private Map<String, Object> stats() {
    CacheMetrics metrics = caches.metrics();
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("aliases", counts(metrics.aliasStats()));
    out.put("methods", counts(metrics.methodStats()));
    return out;
  }

  private static Map<String, Object> counts(Map<String, CacheStats> byName) {
    Map<String, Object> out = new TreeMap<>();
    byName.forEach((name, s) -> out.put(name, counts(s)));
    return out;
  }

  private static Map<String, Object> counts(CacheStats s) {
    Map<String, Object> out = new LinkedHashMap<>();
    out.put("hits", s.hits());
    out.put("misses", s.misses());
    out.put("puts", s.puts());
    out.put("loads", s.loads());
    out.put("loadFailures", s.loadFailures());
    out.put("averageLoadMillis", s.averageLoadPenaltyNanos() / 1_000_000);
    out.put("lookupFailures", s.lookupFailures());
    out.put("storeFailures", s.storeFailures());
    out.put("evictions", s.evictions());
    out.put("events", new TreeMap<>(s.events()));
    return out;
  }

  private static boolean allowGet(HttpExchange exchange, String method) throws IOException {
    if (method.equals("GET") || method.equals("HEAD")) {
      return true;
    }
    exchange.getResponseHeaders().set("Allow", "GET, HEAD");
    send(exchange, 405, "text/plain; charset=utf-8", "Method not allowed\n");
    return false;
  }

  private void sendJson(HttpExchange exchange, Object body) throws IOException {
    send(exchange, 200, "application/json", json.writeValueAsString(body));
  }

  private static void send(HttpExchange exchange, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().set("Content-Type", contentType);
    boolean head = exchange.getRequestMethod().equals("HEAD");
    exchange.sendResponseHeaders(status, head ? -1 : bytes.length);
    if (!head) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }
}
