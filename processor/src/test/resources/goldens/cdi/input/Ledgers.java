package test;

import io.cachegen.annotations.Cached;
import jakarta.enterprise.context.Dependent;

/** A pseudo-scoped CDI bean ({@code @Dependent}): an alternative too. */
@Dependent
public class Ledgers {
  @Cached(key = "ledger:{id}")
  public String ledger(long id) {
    return "ledger " + id;
  }
}
