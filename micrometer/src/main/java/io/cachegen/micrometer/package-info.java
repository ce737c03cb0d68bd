/**
 * Micrometer meters for cachegen's counters: {@link io.cachegen.micrometer.MicrometerCacheMetrics},
 * a {@link io.cachegen.runtime.spi.CacheMetrics} to build a {@link
 * io.cachegen.runtime.CacheHandler} with and a {@link
 * io.micrometer.core.instrument.binder.MeterBinder} to bind to one or more registries. Per alias it
 * exports the names and tags of Spring Boot's own cache meters; per {@code @Cached} method, {@code
 * cachegen.method.*}.
 */
package io.cachegen.micrometer;
