package test;

import io.cachegen.annotations.CacheEvict;
import io.cachegen.annotations.CachePut;
import io.cachegen.annotations.Cached;
import java.util.List;

public class Orders {
  public record Customer(long id, String region) {}

  @Cached(key = "user:{#id}:orders", stampedeGuard = true)
  public List<String> orders(long id) {
    return List.of();
  }

  @CachePut(key = "user:{#id}:orders")
  public List<String> replace(long id, List<String> orders) {
    return orders;
  }

  @Cached(key = "region:{#customer.region}:{customer.id}")
  public String byRegion(Customer customer) {
    return customer.region();
  }

  @Cached(key = "name:{#name}", cache = "names")
  public String byName(String name) {
    return name;
  }

  @CacheEvict(
      key = {
        "user:{#customer.id}:orders",
        "region:{#customer.region}:{customer.id}",
        "stats:{customer.id}"
      })
  public void forget(Customer customer) {}
}
