package io.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Removes cache entries when the method returns normally (or, with {@link #beforeInvocation()},
 * before it runs, so also when it throws).
 *
 * <pre>{@code
 * @CacheEvict(key = "user:{user.id}")
 * public void save(User user) { ... }
 * }</pre>
 *
 * <p>If the eviction fails (Redis down, too slow, or refusing the command), the cache's exception
 * reaches the caller, after the method ran (before, with {@link #beforeInvocation()}, so the method
 * does not run), unless the alias has {@code ignore_exceptions=true}: then the eviction is skipped
 * and the method's result returned. See the README's "Failure policy".
 *
 * <p>The method must be overridable (not private, static or final). It may return anything,
 * including {@code void}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CacheEvict {

  /**
   * The key templates to remove, in the language of {@link Cached#key()} (<code>{param}</code>
   * placeholders, <code>{#param}</code> for the hash tag: write it where the template of the key
   * you evict has it). Required unless {@link #allEntries()} is set. A template without
   * placeholders is fine here, whatever the parameters: evicting one fixed entry is normal.
   *
   * <pre>{@code
   * @CacheEvict(key = {"user:{id}", "user-orders:{id}"})
   * }</pre>
   */
  String[] key() default {};

  /**
   * The cache alias to remove from.
   *
   * <pre>{@code
   * @CacheEvict(cache = "sessions", key = "session:{token}")
   * }</pre>
   */
  String cache() default "default";

  /**
   * Clears the whole alias instead of removing keys (Django's {@code cache.clear()}).
   *
   * <pre>{@code
   * @CacheEvict(allEntries = true)
   * public void reload() { ... }
   * }</pre>
   */
  boolean allEntries() default false;

  /**
   * Evicts before the method runs, so also when it throws.
   *
   * <pre>{@code
   * @CacheEvict(key = "user:{id}", beforeInvocation = true)
   * }</pre>
   */
  boolean beforeInvocation() default false;
}
