package io.cachegen.runtime.spi;

import io.cachegen.runtime.KeyFunction;

/**
 * Registers a {@link KeyFunction} under a name for {@code caches.<alias>.key_function=<name>},
 * found with {@link java.util.ServiceLoader} ({@code
 * META-INF/services/io.cachegen.runtime.spi.KeyFunctionProvider}).
 */
public interface KeyFunctionProvider {

  /** The name used in {@code key_function}. */
  String name();

  /** The key function. */
  KeyFunction keyFunction();
}
