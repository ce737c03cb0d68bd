package test;

import io.cachegen.annotations.Cached;
import java.util.List;
import java.util.Map;

public interface Catalog {
  record Item(String sku, int price) {}

  @Cached(key = "items:{category}")
  Map<String, List<Item>> items(String category);

  @Cached(key = "prices")
  default int[] prices() {
    return new int[0];
  }

  List<String> categories();

  void refresh(String category) throws Exception;
}
