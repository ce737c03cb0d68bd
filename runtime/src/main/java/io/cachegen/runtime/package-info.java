/**
 * cachegen's public API: Django's cache framework in Java.
 *
 * <ul>
 *   <li>{@link io.cachegen.runtime.Caches} and {@link io.cachegen.runtime.CacheHandler}: one cache
 *       per configured alias; {@code Caches.cache()} is Django's {@code cache}.
 *   <li>{@link io.cachegen.runtime.CacheConfig} and {@link io.cachegen.runtime.CacheSettings}:
 *       Django's {@code CACHES}, from {@code cache.properties}, environment variables and system
 *       properties.
 *   <li>{@link io.cachegen.runtime.BaseCache}: the contract every backend keeps, with {@link
 *       io.cachegen.runtime.Timeout}, {@link io.cachegen.runtime.ValueType} and {@link
 *       io.cachegen.runtime.KeyFunction}.
 * </ul>
 *
 * <p>Backends live in {@code io.cachegen.runtime.locmem}, {@code .dummy} and {@code .redis};
 * third-party backends implement {@code io.cachegen.runtime.spi}. {@code
 * io.cachegen.runtime.internal} is called only by generated code and is not API.
 */
package io.cachegen.runtime;
