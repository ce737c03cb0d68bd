package io.cachegen.example;

import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import java.io.IOException;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the example: {@code java io.cachegen.example.ExampleApp [--port N]}. The port comes from
 * {@code --port}, else environment variable {@code PORT}, else 8000. The caches come from {@code
 * cache.properties} and its overrides (e.g. {@code CACHEGEN_CACHES_DEFAULT_BACKEND=redis}).
 */
public final class ExampleApp {
  private static final Logger LOG = LoggerFactory.getLogger(ExampleApp.class);
  private static final int DEFAULT_PORT = 8000;

  private ExampleApp() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    int port;
    try {
      port = port(args, System.getenv("PORT"));
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    CacheHandler handler;
    try {
      handler = Caches.handler();
    } catch (CacheConfigurationException e) {
      System.err.println("Bad cache configuration: " + e.getMessage());
      System.exit(2);
      return;
    }
    // The services cache through the handler the server reports on, as a DI container would wire
    // it.
    ExampleServer server =
        ExampleServer.start(
            port,
            new DataServiceCached(handler),
            new LoginPageCached(handler),
            handler,
            Clock.systemUTC());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  server.close();
                  Caches.reset();
                  stopped.countDown();
                },
                "example-shutdown"));
    LOG.info(
        "serving on http://localhost:{}/  (try /data, /login?next=/home, /stats)", server.port());
    stopped.await();
  }

  /** The port from {@code --port N} / {@code --port=N}, else {@code env}, else 8000. */
  static int port(String[] args, String env) {
    String value = env;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--port") && i + 1 < args.length) {
        value = args[++i];
      } else if (args[i].startsWith("--port=")) {
        value = args[i].substring("--port=".length());
      } else {
        throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: [--port N]");
      }
    }
    if (value == null || value.isBlank()) {
      return DEFAULT_PORT;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port >= 0 && port <= 65535) {
        return port;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new IllegalArgumentException("port '" + value + "' is not a number from 0 to 65535");
  }
}
