package io.cachegen.runtime.internal;

import static io.cachegen.runtime.internal.SiteHandler.STRING;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.Timeout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The options generated code builds a site from: the annotations' defaults when a step is left out,
 * each step reaching the site, and steps that mean nothing for the kind of site refused.
 */
class SiteOptionsTest {
  @RegisterExtension final SiteHandler sites = new SiteHandler();

  @Test
  void withoutStepsASiteHasTheAnnotationsDefaults() {
    CacheSite.Bound bound = CacheSite.cached("default", STRING).build().bind();
    assertThat(bound.constantKey()).isNull();
    bound.load("p:1:null", () -> null);
    assertThat(bound.lookup("p:1:null")).as("null is cached").isNull();
    bound.store("p:1:v", "v");
    sites.ticker().advanceSeconds(299);
    assertThat(bound.lookup("p:1:v")).isEqualTo("v");
    sites.ticker().advanceSeconds(1);
    assertThat(bound.lookup("p:1:v"))
        .as("the alias's default timeout, 300 s")
        .isSameAs(CacheSite.MISS);
  }

  @Test
  void eachStepReachesTheSite() {
    CacheSite.Bound bound =
        CacheSite.cached("default", STRING)
            .timeout(Timeout.NEVER)
            .cacheNull(false)
            .constantKey("all")
            .build()
            .bind();
    assertThat(bound.constantKey()).isEqualTo("p:1:all");
    bound.load(bound.constantKey(), () -> null);
    assertThat(bound.lookup(bound.constantKey())).isSameAs(CacheSite.MISS);
    bound.store(bound.constantKey(), "v");
    sites.ticker().advanceSeconds(Timeout.MAX_SECONDS);
    assertThat(bound.lookup(bound.constantKey())).as("never expires").isEqualTo("v");
  }

  @Test
  void optionsAreImmutable() {
    SiteOptions base = CacheSite.put("default");
    SiteOptions longer = base.timeout(Timeout.NEVER);
    assertThat(longer).isNotSameAs(base);
    assertThat(base.timeout).isEqualTo(Timeout.DEFAULT);
    assertThat(longer.timeout).isEqualTo(Timeout.NEVER);
  }

  @Test
  void stepsThatMeanNothingForTheSiteAreRefusedNamingIt() {
    assertThatThrownBy(() -> CacheSite.put("users").stampedeGuard(true))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only a @Cached site takes a stampede guard")
        .hasMessageContaining("alias=users");
    assertThatThrownBy(() -> CacheSite.put("users").nearCache(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only a @Cached site reads")
        .hasMessageContaining("alias=users");
    assertThatThrownBy(() -> CacheSite.evict("users").timeout(Timeout.NEVER))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("an eviction site stores nothing, so it takes no timeout");
    assertThatThrownBy(() -> CacheSite.evict("users").cacheNull(false))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no cacheNull");
    assertThatThrownBy(() -> CacheSite.put("users").method("Users.save(long)"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("only a @Cached site is counted per method")
        .hasMessageContaining("alias=users");
    assertThatThrownBy(() -> CacheSite.cached(null, STRING)).hasMessageContaining("alias");
  }
}
