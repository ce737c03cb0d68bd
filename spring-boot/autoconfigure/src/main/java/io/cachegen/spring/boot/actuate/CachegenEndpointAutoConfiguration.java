package io.cachegen.spring.boot.actuate;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.spring.boot.CachegenAutoConfiguration;
import org.springframework.boot.actuate.autoconfigure.endpoint.condition.ConditionalOnAvailableEndpoint;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The {@code cachegen} actuator endpoint ({@link CachegenEndpoint}), when the actuator is on the
 * class path and the endpoint is available (Boot's {@code
 * management.endpoints.web.exposure.include} and {@code management.endpoint.cachegen.access}). Its
 * annotations and condition live in the same packages on Boot 3.5 and 4.0, so one class serves both
 * lines.
 */
@AutoConfiguration(after = CachegenAutoConfiguration.class)
@ConditionalOnClass({Endpoint.class, ConditionalOnAvailableEndpoint.class, CacheHandler.class})
public class CachegenEndpointAutoConfiguration {

  /** The endpoint over the context's handler. */
  @Bean
  @ConditionalOnMissingBean
  @ConditionalOnBean(CacheHandler.class)
  @ConditionalOnAvailableEndpoint
  CachegenEndpoint cachegenEndpoint(CacheHandler handler) {
    return new CachegenEndpoint(handler);
  }
}
