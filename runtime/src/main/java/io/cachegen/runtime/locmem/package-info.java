/** {@code backend=locmem}: the embedded default, Django's {@code LocMemCache} on Caffeine. */
package io.cachegen.runtime.locmem;
