package io.cachegen.spring.boot.actuate;

import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.CacheStats;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.actuate.endpoint.annotation.DeleteOperation;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/cachegen}: the context's aliases with their settings (never a password) and
 * counters, and clearing one alias.
 *
 * <ul>
 *   <li>{@code GET /actuator/cachegen}: every configured alias, sorted;
 *   <li>{@code GET /actuator/cachegen/{alias}}: one alias ({@code 404} for an unknown one);
 *   <li>{@code DELETE /actuator/cachegen/{alias}}: clears the alias ({@link BaseCache#clear()}: on
 *       a shared Redis, only its key prefix) and returns what it did; for an unknown alias nothing
 *       is cleared and the answer is empty ({@code 204}, as Boot answers every operation that
 *       returns nothing).
 * </ul>
 *
 * <p>Reading never creates a cache: an alias not used yet shows zero counters. Clearing does create
 * it (a Redis alias connects), so that entries other processes stored are cleared too. To allow
 * reads only, set {@code management.endpoint.cachegen.access=read-only}.
 */
@Endpoint(id = "cachegen")
public class CachegenEndpoint {
  private final CacheHandler handler;

  /** An endpoint over {@code handler}'s aliases. */
  public CachegenEndpoint(CacheHandler handler) {
    this.handler = handler;
  }

  /** Every configured alias, by name. */
  @ReadOperation
  public Aliases aliases() {
    Map<String, CacheStats> stats = createdStats();
    CacheConfig config = handler.config();
    Map<String, AliasDescription> aliases = new LinkedHashMap<>();
    for (String alias : config.aliases()) {
      aliases.put(
          alias,
          AliasDescription.of(config.settings(alias), stats.getOrDefault(alias, CacheStats.EMPTY)));
    }
    return new Aliases(aliases);
  }

  /** One alias, or {@code null} (404) if {@code alias} is not configured. */
  @ReadOperation
  public AliasDescription alias(@Selector String alias) {
    Optional<CacheSettings> settings = handler.config().find(alias);
    return settings
        .map(s -> AliasDescription.of(s, createdStats().getOrDefault(alias, CacheStats.EMPTY)))
        .orElse(null);
  }

  /** Clears {@code alias}; {@code null} (nothing cleared) if it is not configured. */
  @DeleteOperation
  public Cleared clear(@Selector String alias) {
    if (handler.config().find(alias).isEmpty()) {
      return null;
    }
    handler.get(alias).clear();
    return new Cleared(alias, true);
  }

  private Map<String, CacheStats> createdStats() {
    Map<String, CacheStats> stats = new LinkedHashMap<>();
    for (BaseCache cache : handler.all()) {
      stats.put(cache.alias(), cache.stats());
    }
    return stats;
  }

  /**
   * What {@code GET /actuator/cachegen} answers.
   *
   * @param aliases every configured alias by name, sorted
   */
  public record Aliases(Map<String, AliasDescription> aliases) {}

  /**
   * What {@code DELETE /actuator/cachegen/{alias}} answers.
   *
   * @param alias the alias
   * @param cleared {@code true}: its entries were removed
   */
  public record Cleared(String alias, boolean cleared) {}
}
