/** {@code backend=dummy}: Django's {@code DummyCache}, which caches nothing. */
package io.cachegen.runtime.dummy;
