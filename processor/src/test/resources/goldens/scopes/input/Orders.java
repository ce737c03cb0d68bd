package test;

import com.google.inject.Singleton;
import io.cachegen.annotations.Cached;

@Singleton
public class Orders {
  @Cached(key = "order:{id}")
  public String order(long id) {
    return "order " + id;
  }
}
