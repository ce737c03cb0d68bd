/**
 * For backend authors: {@link io.cachegen.runtime.spi.CacheBackendProvider} (registered with
 * ServiceLoader), {@link io.cachegen.runtime.spi.AbstractCache} (Django's semantics on top of a few
 * operations on made keys) and {@link io.cachegen.runtime.spi.KeyFunctionProvider}.
 */
package io.cachegen.runtime.spi;
