package test;

import io.cachegen.annotations.Cached;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

public class Outer {
  public static class Inner {
    @Cached(key = "maybe:{id}")
    public Optional<String> maybe(String id) {
      return Optional.empty();
    }

    @Cached(key = "future:{id}")
    public CompletableFuture<Long> future(long id) {
      return CompletableFuture.completedFuture(id);
    }

    @Cached(key = "stage:{id}")
    CompletionStage<String> stage(String id) {
      return CompletableFuture.completedFuture(id);
    }
  }
}
