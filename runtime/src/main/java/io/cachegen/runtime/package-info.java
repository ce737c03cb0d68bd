/**
 * cachegen's public API: Django's cache framework in Java. This is what a user holds in their head.
 *
 * <p><b>API</b> (stable; every type documented):
 *
 * <ul>
 *   <li>{@link io.cachegen.runtime.Caches} and {@link io.cachegen.runtime.CacheHandler}: one cache
 *       per configured alias; {@code Caches.cache()} is Django's {@code cache}.
 *   <li>{@link io.cachegen.runtime.CacheConfig} and {@link io.cachegen.runtime.CacheSettings}:
 *       Django's {@code CACHES}, from {@code cache.properties}, environment variables and system
 *       properties.
 *   <li>{@link io.cachegen.runtime.BaseCache}: the contract every backend keeps, with {@link
 *       io.cachegen.runtime.Timeout}, {@link io.cachegen.runtime.ValueType}, {@link
 *       io.cachegen.runtime.CacheStats} and {@link io.cachegen.runtime.KeyFunction}.
 *   <li>{@link io.cachegen.runtime.CacheCodec} (the built-in codecs are in {@code
 *       io.cachegen.runtime.codec}) and {@link io.cachegen.runtime.Ticker}.
 *   <li>The exceptions: {@link io.cachegen.runtime.CacheException} and its subclasses {@link
 *       io.cachegen.runtime.CacheConfigurationException}, {@link
 *       io.cachegen.runtime.CacheConnectionException}, {@link
 *       io.cachegen.runtime.CacheValueException} and {@link
 *       io.cachegen.runtime.CacheKeyNotFoundException}.
 * </ul>
 *
 * <p><b>Test support</b> is the {@code cachegen-test} artifact ({@code io.cachegen.test}): a ticker
 * tests move by hand, and isolated in-memory handlers for users' own tests.
 *
 * <p><b>Internal members:</b> a few public members here exist only for generated code or the
 * runtime's other packages and carry {@link io.cachegen.runtime.internal.Internal} ({@code
 * BaseCache.lookup}, {@code peek}, {@code store}, {@code remove} and {@code MISS}; {@code
 * ValueType.preparedBy} and {@code keepPrepared}). Do not call them by hand.
 *
 * <p>Elsewhere: the built-in backends live in {@code io.cachegen.runtime.locmem} and {@code .dummy}
 * (API: the cache classes and their providers), and the Redis backend in {@code io.cachegen.redis},
 * published as its own artifact {@code cachegen-redis}, so that the runtime does not bring in a
 * Redis client; third-party backends implement the SPI in {@code io.cachegen.runtime.spi}; {@code
 * io.cachegen.runtime.internal} is called only by generated code, the runtime itself and cachegen's
 * own backend artifacts, and is not API.
 */
package io.cachegen.runtime;
