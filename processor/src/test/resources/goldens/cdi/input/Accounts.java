package test;

import io.cachegen.annotations.Cached;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * A normal-scoped CDI bean: the wrapper carries the scope and becomes an enabled alternative; the
 * qualifier stays behind. The no-argument constructor is the one CDI's client proxy needs.
 */
@ApplicationScoped
@Named("accounts")
public class Accounts {
  private final String bank;

  protected Accounts() {
    this.bank = null;
  }

  @Inject
  public Accounts(String bank) {
    this.bank = bank;
  }

  @Cached(key = "account:{id}")
  public String account(long id) {
    return bank + " account " + id;
  }
}
