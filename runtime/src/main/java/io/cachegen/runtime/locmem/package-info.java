/**
 * {@code backend=locmem}: the embedded default, Django's {@code LocMemCache} on Caffeine.
 *
 * <p><b>API:</b> {@link io.cachegen.runtime.locmem.LocMemCache} and {@link
 * io.cachegen.runtime.locmem.LocMemBackendProvider} (public so that {@link java.util.ServiceLoader}
 * can create it, and so that a backend may wrap a locmem cache). The store, its entries and the
 * millisecond clock are package-private.
 */
package io.cachegen.runtime.locmem;
