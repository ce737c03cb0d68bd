package io.cachegen.example;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cachegen.annotations.Cached;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The example end to end over real HTTP on an ephemeral port, written once and run on each backend.
 */
abstract class ExampleAppContract {
  static final Instant NOW = Instant.parse("2026-01-02T03:04:05Z");

  private final HttpClient http = HttpClient.newHttpClient();
  protected CacheHandler handler;
  protected DataService data;
  protected LoginPage login;
  private ExampleServer server;

  /** A handler for the backend under test, its caches emptied. */
  protected abstract CacheHandler newHandler();

  @BeforeEach
  void start() throws IOException {
    handler = newHandler();
    handler.cache().clear();
    CacheHandler previous = Caches.install(handler);
    if (previous != null) {
      previous.close();
    }
    data = new DataServiceCached(handler);
    login = new LoginPageCached(handler);
    server = ExampleServer.start(0, data, login, handler, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** Serves with {@code service} for {@code /data} from now on. */
  protected void restartWith(DataService service) throws IOException {
    server.close();
    data = service;
    server = ExampleServer.start(0, data, login, handler, Clock.fixed(NOW, ZoneOffset.UTC));
  }

  /** A data service whose body waits for {@link #release}: holds a miss open. */
  public static class HeldDataService extends DataService {
    final CountDownLatch release = new CountDownLatch(1);

    @Override
    @Cached(timeout = 10, key = "data")
    public List<String> data() {
      try {
        if (!release.await(30, TimeUnit.SECONDS)) {
          throw new IllegalStateException("never released");
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      return super.data();
    }
  }

  @AfterEach
  void stop() {
    server.close();
    handler.cache().clear();
    Caches.reset();
  }

  protected HttpResponse<String> get(String pathAndQuery) throws Exception {
    return send(HttpRequest.newBuilder(uri(pathAndQuery)).GET().build());
  }

  protected HttpResponse<String> post(String pathAndQuery) throws Exception {
    return send(
        HttpRequest.newBuilder(uri(pathAndQuery))
            .POST(HttpRequest.BodyPublishers.ofString("username=u"))
            .build());
  }

  /** Sends a request line no URI class would build (a malformed query), returns the raw answer. */
  protected String rawGet(String pathAndQuery) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", server.port())) {
      socket.setSoTimeout(10_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      return new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  protected CompletableFuture<HttpResponse<String>> getAsync(String pathAndQuery) {
    return http.sendAsync(
        HttpRequest.newBuilder(uri(pathAndQuery)).GET().build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private URI uri(String pathAndQuery) {
    return URI.create("http://127.0.0.1:" + server.port() + pathAndQuery);
  }

  private HttpResponse<String> send(HttpRequest request) throws Exception {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void theSecondDataRequestIsAHitAndTheBodyRanOnce() throws Exception {
    HttpResponse<String> first = get("/data");
    HttpResponse<String> second = get("/data");
    assertThat(first.statusCode()).isEqualTo(200);
    assertThat(first.headers().firstValue("Content-Type")).contains("application/json");
    assertThat(first.body()).isEqualTo("{\"hello\":[\"0\",\"1\",\"2\"]}");
    assertThat(second.body()).isEqualTo(first.body());
    assertThat(data.computations()).isEqualTo(1);
    assertThat(handler.cache().stats().hits()).isGreaterThanOrEqualTo(1);
  }

  @Test
  void theLogShowsAMissThenAHitAndOneComputation() throws Exception {
    try (LogCapture log = new LogCapture()) {
      get("/data");
      get("/data");
      assertThat(log.sequenceOf("cache miss", "cache hit", "computed data"))
          .containsExactly("cache miss", "computed data", "cache hit");
    }
  }

  @Test
  void aRequestThatWaitsForAnotherRequestsComputationLogsAMiss() throws Exception {
    HeldDataService held = new ExampleAppContract_HeldDataServiceCached(handler);
    restartWith(held);
    try (LogCapture log = new LogCapture()) {
      CompletableFuture<HttpResponse<String>> first = getAsync("/data");
      CompletableFuture<HttpResponse<String>> second = getAsync("/data");
      // Both requests have looked the data up and missed: one is in the body, one waits for it.
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      while (handler.cache().stats().misses() < 2 && System.nanoTime() < deadline) {
        Thread.onSpinWait();
      }
      assertThat(handler.cache().stats().misses()).isEqualTo(2);
      held.release.countDown();
      assertThat(first.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(second.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
      assertThat(held.computations()).isEqualTo(1);
      assertThat(log.sequenceOf("cache miss", "cache hit"))
          .as("neither request found the data cached")
          .containsExactly("cache miss", "cache miss");
    }
  }

  @Test
  void loginPagesAreCachedPerQuery() throws Exception {
    HttpResponse<String> a = get("/login?next=a");
    get("/login?next=a");
    HttpResponse<String> b = get("/login?next=b");
    assertThat(a.body()).contains("value=\"a\"");
    assertThat(b.body()).contains("value=\"b\"");
    assertThat(login.renders()).isEqualTo(2);
  }

  @Test
  void theLoginPageEscapesTheRedirect() throws Exception {
    HttpResponse<String> page = get("/login?next=%22%3E%3Cscript%3Ealert(1)%3C/script%3E");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).doesNotContain("<script>").contains("&quot;&gt;&lt;script&gt;");
  }

  @Test
  void cachedPagesCarryCacheControlAndAMatchingExpires() throws Exception {
    HttpResponse<String> page = get("/login?next=h");
    assertThat(page.headers().firstValue("Cache-Control")).contains("max-age=30");
    // IMF-fixdate (RFC 9110): a two-digit day even on the 2nd, English names, GMT.
    assertThat(page.headers().firstValue("Expires")).contains("Fri, 02 Jan 2026 03:04:35 GMT");
    assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
  }

  @Test
  void postIsNeverServedFromThePageCache() throws Exception {
    get("/login?next=p");
    post("/login?next=p");
    post("/login?next=p");
    assertThat(login.renders()).isEqualTo(3);
    assertThat(post("/login?next=p").headers().firstValue("Cache-Control")).contains("no-store");
  }

  @Test
  void statsReportCountsPerAliasAndPerMethod() throws Exception {
    get("/data");
    get("/data");
    get("/login?next=a");
    HttpResponse<String> stats = get("/stats");
    assertThat(stats.statusCode()).isEqualTo(200);
    JsonNode body = new ObjectMapper().readTree(stats.body());
    JsonNode alias = body.path("aliases").path("default");
    assertThat(alias.path("hits").asLong()).as(stats.body()).isEqualTo(1);
    assertThat(alias.path("misses").asLong())
        .as("one miss per key counted once: " + stats.body())
        .isEqualTo(2);
    assertThat(alias.path("loads").asLong()).as(stats.body()).isEqualTo(2);
    JsonNode data = body.path("methods").path("DataService.data()");
    assertThat(data.path("hits").asLong()).as(stats.body()).isEqualTo(1);
    assertThat(data.path("misses").asLong()).as(stats.body()).isEqualTo(1);
    assertThat(data.path("loads").asLong()).as(stats.body()).isEqualTo(1);
    assertThat(data.path("loadFailures").asLong()).as(stats.body()).isZero();
    JsonNode page = body.path("methods").path("LoginPage.render(String,String)");
    assertThat(page.path("misses").asLong()).as(stats.body()).isEqualTo(1);
    assertThat(page.path("hits").asLong()).as(stats.body()).isZero();
  }

  @Test
  void anUnknownPathIs404AndAMalformedQueryIs400() throws Exception {
    assertThat(get("/nope").statusCode()).isEqualTo(404);
    assertThat(rawGet("/login?next=%zz")).startsWith("HTTP/1.1 400");
    HttpResponse<String> notUtf8 = get("/login?next=%C3%28");
    assertThat(notUtf8.statusCode()).isEqualTo(400);
    assertThat(notUtf8.body()).contains("malformed query").contains("not UTF-8");
    assertThat(get("/data").statusCode()).as("the server keeps serving").isEqualTo(200);
  }

  /** A data service whose body throws an {@link Error}, as a bug deep in a library might. */
  public static class BrokenDataService extends DataService {
    @Override
    @Cached(timeout = 10, key = "data")
    public List<String> data() {
      throw new AssertionError("broken on purpose");
    }
  }

  @Test
  void anErrorInTheHandlerIsA500AndTheServerKeepsServing() throws Exception {
    restartWith(new ExampleAppContract_BrokenDataServiceCached(handler));
    try (LogCapture log = new LogCapture()) {
      HttpResponse<String> broken = get("/data");
      assertThat(broken.statusCode()).isEqualTo(500);
      assertThat(broken.body()).isEqualTo("Internal server error\n");
      assertThat(log.sequenceOf("GET /data failed", "broken on purpose"))
          .containsExactly("GET /data failed", "broken on purpose");
    }
    assertThat(get("/login?next=x").statusCode()).isEqualTo(200);
  }

  @Test
  void theServerSendsSmallResponsesAtOnce() {
    // The JDK server reads this once, when its configuration class loads; ExampleServer sets it
    // first. Without it, Nagle's algorithm holds each keep-alive response for ~40 ms.
    assertThat(System.getProperty("sun.net.httpserver.nodelay")).isEqualTo("true");
  }

  @Test
  void dataAndStatsAnswerOnlyGet() throws Exception {
    assertThat(post("/data").statusCode()).isEqualTo(405);
    assertThat(data.computations()).isZero();
  }
}
