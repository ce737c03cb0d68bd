package io.cachegen.micrometer;

import io.cachegen.annotations.Cached;
import java.util.concurrent.atomic.AtomicInteger;

/** A user's class: the processor writes {@code CatalogCached} for it. */
public class Catalog {
  final AtomicInteger loads = new AtomicInteger();

  /** An item's title, computed (counted) on a miss; cached in alias {@code items}. */
  @Cached(cache = "items", key = "item:{id}")
  public String title(long id) {
    loads.incrementAndGet();
    return "item-" + id;
  }
}
