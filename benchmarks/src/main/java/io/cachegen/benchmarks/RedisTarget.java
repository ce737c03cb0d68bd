package io.cachegen.benchmarks;

import java.net.URI;

/** The Redis every Redis subject uses: {@code REDIS_URL} (run.sh starts a private server). */
public final class RedisTarget {
  private RedisTarget() {}

  /** The URL, e.g. {@code redis://127.0.0.1:6390}. */
  public static String url() {
    String url = System.getProperty("bench.redis.url", System.getenv("REDIS_URL"));
    return url == null || url.isBlank() ? "redis://127.0.0.1:6379" : url;
  }

  /** The host of {@link #url()}. */
  public static String host() {
    return URI.create(url()).getHost();
  }

  /** The port of {@link #url()}. */
  public static int port() {
    int port = URI.create(url()).getPort();
    return port < 0 ? 6379 : port;
  }
}
