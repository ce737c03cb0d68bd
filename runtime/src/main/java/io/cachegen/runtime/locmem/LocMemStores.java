package io.cachegen.runtime.locmem;

import io.cachegen.runtime.CacheConfigurationException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.Ticker;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Named stores shared by every locmem cache with the same non-empty {@code location} in this JVM,
 * as Django's locmem caches share a store per {@code LOCATION}. A store lives while a cache uses it
 * (until the handler of the last such cache closes); an empty location always gets a private store.
 * Caches sharing a store must agree on what it is built with ({@code max_entries}, {@code
 * store_by_value}, the ticker).
 */
final class LocMemStores {
  private static final Map<String, Shared> STORES = new HashMap<>();

  /** A store, how many caches use it, and what it was built with (by which alias). */
  private record Shared(LocMemStore store, int users, LocMemSettings builtFor, Ticker ticker) {
    Shared withUsers(int n) {
      return new Shared(store, n, builtFor, ticker);
    }
  }

  private LocMemStores() {}

  /**
   * The store of {@code mine}'s location, made with {@code factory} if it has none yet.
   *
   * @throws CacheConfigurationException naming both aliases if the store was built with another
   *     {@code max_entries}, {@code store_by_value} or ticker than this alias asks for
   */
  static synchronized LocMemStore acquire(
      LocMemSettings mine, Ticker ticker, Supplier<LocMemStore> factory) {
    String location = mine.settings().location();
    if (location.isEmpty()) {
      return factory.get();
    }
    Shared shared = STORES.get(location);
    if (shared == null) {
      STORES.put(location, new Shared(factory.get(), 1, mine, ticker));
      return STORES.get(location).store();
    }
    checkSameStore(mine, shared.builtFor());
    if (shared.ticker() != ticker) {
      throw new CacheConfigurationException(
          "caches."
              + mine.settings().alias()
              + " shares locmem"
              + " location '"
              + location
              + "' with caches."
              + shared.builtFor().settings().alias()
              + ", whose store runs on another Ticker (another CacheHandler): give the aliases"
              + " different locations");
    }
    STORES.put(location, shared.withUsers(shared.users() + 1));
    return shared.store();
  }

  /**
   * Checks that two aliases of one location ask for the same store.
   *
   * @throws CacheConfigurationException naming both aliases and the first option they disagree on
   */
  static void checkSameStore(LocMemSettings mine, LocMemSettings theirs) {
    String other = "caches." + theirs.settings().alias();
    if (mine.maxEntries() != theirs.maxEntries()) {
      throw disagree(
          mine.settings(), "options.max_entries", mine.maxEntries(), other, theirs.maxEntries());
    }
    if (mine.byValue() != theirs.byValue()) {
      throw disagree(
          mine.settings(), "options.store_by_value", mine.byValue(), other, theirs.byValue());
    }
  }

  private static CacheConfigurationException disagree(
      CacheSettings settings, String setting, Object value, String other, Object otherValue) {
    return new CacheConfigurationException(
        settings.describe(setting)
            + " = "
            + value
            + " disagrees with "
            + other
            + "."
            + setting
            + " = "
            + otherValue
            + ": both use locmem"
            + " location '"
            + settings.location()
            + "', and caches with one location share one"
            + " store. Give them the same "
            + setting
            + " or different locations");
  }

  /** Returns whether this was the last user, whose store the caller should empty. */
  static synchronized boolean release(String location) {
    if (location.isEmpty()) {
      return true;
    }
    Shared shared = STORES.get(location);
    if (shared == null) {
      return false;
    }
    if (shared.users() <= 1) {
      STORES.remove(location);
      return true;
    }
    STORES.put(location, shared.withUsers(shared.users() - 1));
    return false;
  }
}
