package test;

import io.cachegen.annotations.Cached;
import java.util.concurrent.CompletableFuture;

public class Accounts {
  @Cached(key = "balance:{account}", cache = "accounts", nearCache = false)
  public long balance(String account) {
    return 100;
  }

  @Cached(key = "owner:{account}", cache = "accounts", nearCache = true)
  public String owner(String account) {
    return "ann";
  }

  @Cached(key = "pending", cache = "accounts", timeout = 60, stampedeGuard = true, nearCache = false)
  public CompletableFuture<Long> pending() {
    return CompletableFuture.completedFuture(0L);
  }
}
