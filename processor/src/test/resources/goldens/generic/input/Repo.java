package test;

import io.cachegen.annotations.Cached;
import java.util.List;

public abstract class Repo<T extends Comparable<T>> {
  protected Repo(List<T> seed) {}

  public abstract T first();

  @Cached(key = "count:{kind}")
  public long count(String kind) {
    return 0;
  }

  @Cached
  public List<String> names(List<String> kinds) {
    return List.of();
  }
}
