package test;

import io.cachegen.annotations.Cached;
import javax.inject.Named;

@TenantScoped(region = "eu")
@Named("tenants")
public class Tenants {
  @Cached(key = "tenant:{id}")
  public String tenant(long id) {
    return "tenant " + id;
  }
}
