package io.cachegen.test;

import io.cachegen.annotations.Cached;
import java.util.concurrent.atomic.AtomicInteger;

/** What a user caches: the processor writes {@code UserServiceCached} for it. */
public class UserService {
  final AtomicInteger loads = new AtomicInteger();

  /** The user's name, looked up (counted) on a miss; cached in alias {@code users}. */
  @Cached(cache = "users", key = "user:{id}")
  public String name(long id) {
    return "user-" + id + "#" + loads.incrementAndGet();
  }
}
