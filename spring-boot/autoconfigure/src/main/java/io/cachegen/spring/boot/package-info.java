/**
 * cachegen in Spring Boot: {@link io.cachegen.spring.boot.CachegenAutoConfiguration} makes the
 * {@link io.cachegen.runtime.CacheHandler} bean from Spring's {@code Environment} ({@code
 * cachegen.caches.<alias>.*}), registers component-scanned classes with {@code @Cached} methods as
 * their generated wrappers, and, with {@code cachegen.evict-after-commit=true}, runs generated
 * evictions after the surrounding transaction commits.
 */
package io.cachegen.spring.boot;
