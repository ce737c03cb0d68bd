package io.cachegen.spring.boot.it;

import io.cachegen.annotations.Cached;
import java.util.concurrent.CompletableFuture;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Service;

/** {@code @Async} around a cached method returning a future. */
@Service
public class AsyncService {
  private final Greetings greetings;

  public AsyncService(Greetings greetings) {
    this.greetings = greetings;
  }

  @Async
  @Cached(key = "async:{name}")
  public CompletableFuture<String> greeting(String name) {
    return CompletableFuture.completedFuture(greetings.greet(name));
  }
}
