/**
 * For backend authors: {@link io.cachegen.runtime.spi.CacheBackendProvider} (registered with
 * ServiceLoader; it prepares each alias's settings once, then creates its cache from them), {@link
 * io.cachegen.runtime.spi.AbstractCache} (Django's semantics on top of a few operations on made
 * keys) and {@link io.cachegen.runtime.spi.KeyFunctionProvider}.
 */
package io.cachegen.runtime.spi;
