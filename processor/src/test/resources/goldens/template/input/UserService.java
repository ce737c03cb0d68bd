package test;

import io.cachegen.annotations.CacheEvict;
import io.cachegen.annotations.CachePut;
import io.cachegen.annotations.Cached;
import java.util.UUID;

public class UserService {
  public enum Status { OPEN, CLOSED }

  public record Account(UUID id, String region) {}

  public static class User {
    private final long id;
    public final Account account;

    public User(long id, Account account) {
      this.id = id;
      this.account = account;
    }

    public long getId() {
      return id;
    }

    public boolean isActive() {
      return true;
    }
  }

  @Cached(key = "user:{user.id}:{user.account.region}:{status}", cache = "users", timeout = Cached.NEVER)
  public String describe(User user, Status status) {
    return user.getId() + "/" + status;
  }

  @CachePut(key = "user:{user.id}:{user.account.region}:{status}", cache = "users")
  public String update(User user, Status status) {
    return "updated";
  }

  @CacheEvict(key = "user:{user.id}:{user.account.region}:{status}", cache = "users")
  public void delete(User user, Status status) {}

  @CacheEvict(allEntries = true, cache = "users", beforeInvocation = true)
  public int reset() {
    return 0;
  }

  @Cached(key = "account:{account}", stampedeGuard = true, cacheNull = false)
  public String region(Account account) {
    return account.region();
  }

  @Cached(key = "odd */ (literal) @see <b>:{status}", cache = "a*/b")
  public String odd(Status status) {
    return "odd";
  }
}
