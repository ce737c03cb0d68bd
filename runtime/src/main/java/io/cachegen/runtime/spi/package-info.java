/**
 * <b>SPI</b>, for backend authors: {@link io.cachegen.runtime.spi.CacheBackendProvider} (registered
 * with ServiceLoader; it prepares each alias's settings once, then creates its cache from them),
 * {@link io.cachegen.runtime.spi.AbstractCache} (Django's semantics on top of a few operations on
 * made keys), {@link io.cachegen.runtime.spi.BackendContext} (what the handler resolved for an
 * alias), {@link io.cachegen.runtime.spi.SetMode}, {@link
 * io.cachegen.runtime.spi.DistributedLocking} (for backends that can lock across processes), {@link
 * io.cachegen.runtime.spi.FailureLog} (rate-limited logs of per-call failures), {@link
 * io.cachegen.runtime.spi.CacheMetrics} (where counters go: per alias and per generated method; a
 * backend reports its own events through it) and {@link
 * io.cachegen.runtime.spi.KeyFunctionProvider}. Application code does not need this package.
 *
 * <p>{@code AbstractCache}'s made-key operations ({@code lookup}, {@code peek}, {@code store},
 * {@code remove}) and {@code dispose()} are {@link io.cachegen.runtime.internal.Internal}: a
 * backend inherits them; generated code and the handler call them.
 */
package io.cachegen.runtime.spi;
