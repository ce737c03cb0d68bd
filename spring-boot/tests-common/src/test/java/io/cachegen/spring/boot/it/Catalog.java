package io.cachegen.spring.boot.it;

import io.cachegen.annotations.Cached;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.stereotype.Service;

/** Scanned as a {@code @Service}, and also declared as its wrapper by {@link CatalogConfig}. */
@Service
public class Catalog {
  final AtomicInteger calls = new AtomicInteger();

  @Cached(key = "item:{id}")
  public String item(long id) {
    calls.incrementAndGet();
    return "item " + id;
  }
}
