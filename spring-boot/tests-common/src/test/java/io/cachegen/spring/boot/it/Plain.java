package io.cachegen.spring.boot.it;

import io.cachegen.annotations.Cached;
import java.util.concurrent.atomic.AtomicInteger;

/** Made by a {@code @Bean} method with {@code new Plain()}: not cached, and the starter says so. */
public class Plain {
  final AtomicInteger calls = new AtomicInteger();

  @Cached(key = "plain")
  public String value() {
    return "plain " + calls.incrementAndGet();
  }
}
