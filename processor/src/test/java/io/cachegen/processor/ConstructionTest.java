package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.processor.fixtures.ReportService;
import io.cachegen.processor.fixtures.ReportServiceCached;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Constructing a generated wrapper resolves every alias it uses, so a missing alias fails at {@code
 * new FooCached()} with the message the first call would give.
 */
class ConstructionTest {
  private static final AtomicInteger LOCATIONS = new AtomicInteger();
  private static final String MISSING =
      "Could not find config for 'reports' in caches; configured aliases: [default, other]."
          + " Add caches.reports.backend=<backend> to configure it";

  private CacheHandler previous;
  private CacheHandler installed;

  @BeforeEach
  void remember() {
    previous = Caches.install(null);
  }

  @AfterEach
  void restore() {
    Caches.install(previous);
    if (installed != null) {
      installed.close();
    }
  }

  private void install(String... aliases) {
    Map<String, String> config = new java.util.HashMap<>();
    for (String alias : aliases) {
      config.put("caches." + alias + ".backend", "locmem");
      config.put("caches." + alias + ".location", "construction-" + LOCATIONS.incrementAndGet());
    }
    CacheHandler old = installed;
    installed = CacheHandler.create(CacheConfig.fromMap(config));
    Caches.install(installed);
    if (old != null) {
      old.close();
    }
  }

  @Test
  void everyConstructorFailsOnAnUnconfiguredAlias() {
    install("default", "other");
    assertThatThrownBy(ReportServiceCached::new)
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessage(MISSING);
    assertThatThrownBy(() -> new ReportServiceCached(3))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessage(MISSING);
  }

  @Test
  void theFirstCallAfterTheHandlerChangedFailsWithTheSameMessage() {
    install("default", "reports");
    ReportService service = new ReportServiceCached();
    assertThat(service.report(1)).isEqualTo("report1");
    install("default", "other");
    assertThatThrownBy(() -> service.forget(1))
        .isInstanceOf(CacheConfigurationException.class)
        .hasMessage(MISSING);
  }

  @Test
  void constructionWithEveryAliasConfiguredBindsAndCallsStillWork() {
    install("default", "reports");
    ReportService service = new ReportServiceCached(0);
    assertThat(service.report(2)).isEqualTo("report2");
    assertThat(service.report(2)).isEqualTo("report2");
    assertThat(service.calls).isEqualTo(1);
  }
}
