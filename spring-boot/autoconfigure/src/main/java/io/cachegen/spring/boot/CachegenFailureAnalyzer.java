package io.cachegen.spring.boot;

import io.cachegen.runtime.CacheConfigurationException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a bad cache setting at start-up into Boot's "APPLICATION FAILED TO START" report, naming
 * the setting, where it was written and what is allowed, instead of a chain of bean-creation
 * exceptions.
 */
final class CachegenFailureAnalyzer extends AbstractFailureAnalyzer<CacheConfigurationException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CacheConfigurationException cause) {
    return new FailureAnalysis(
        "cachegen's cache configuration is not valid: " + cause.getMessage(),
        "Fix the setting under cachegen.caches.<alias> (application.yml or .properties, an"
            + " environment variable CACHEGEN_CACHES_<ALIAS>_<SETTING>, or cache.properties);"
            + " the README's configuration reference lists every setting.",
        cause);
  }
}
