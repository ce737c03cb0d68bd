/**
 * {@code backend=dummy}: Django's {@code DummyCache}, which caches nothing.
 *
 * <p><b>API:</b> {@link io.cachegen.runtime.dummy.DummyCache} (not final, so tests may observe it)
 * and {@link io.cachegen.runtime.dummy.DummyBackendProvider} (public so that {@link
 * java.util.ServiceLoader} can create it). Nothing else is public.
 */
package io.cachegen.runtime.dummy;
