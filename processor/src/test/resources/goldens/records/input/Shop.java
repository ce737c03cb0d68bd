package test;

import io.cachegen.annotations.CacheEvict;
import io.cachegen.annotations.Cached;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public class Shop {
  public record Item(String sku, int[] sizes, Character grade) {}

  public record Box<T>(T content, List<Item> items) {}

  public static class Customer {
    public Item favourite;

    public String getName() {
      return "";
    }
  }

  @Cached
  public String item(Item item) {
    return "";
  }

  @Cached
  public String boxes(Map<String, List<Box<String>>> boxes, Optional<Item> extra) {
    return "";
  }

  @Cached(key = "fav:{customer.favourite.sku}/{customer.name}-{n}")
  public String favourite(Customer customer, long n) {
    return "";
  }

  @CacheEvict(key = {"fav:{customer.favourite.sku}/{customer.name}-{n}", "all"})
  public void forget(Customer customer, long n) {}
}
