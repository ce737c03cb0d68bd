/**
 * Spring's cache abstraction over cachegen's aliases, for applications that want {@code @Cacheable}
 * on top ({@code cachegen.cache-manager.enabled=true}): {@link
 * io.cachegen.spring.boot.cache.CachegenCacheManager} and {@link
 * io.cachegen.spring.boot.cache.CachegenSpringCache}. {@code @Cached} does not need it.
 */
package io.cachegen.spring.boot.cache;
