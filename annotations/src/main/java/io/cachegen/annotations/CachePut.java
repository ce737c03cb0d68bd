package io.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Always runs the method, then stores its result under the key, so that a {@link Cached} method
 * with the same alias and key template reads it.
 *
 * <pre>{@code
 * @CachePut(key = "user:{user.id}")
 * public User save(User user) { ... }
 * }</pre>
 *
 * <p>Exceptions propagate and nothing is stored. If the store fails (Redis down, too slow, or
 * refusing the command), the method has run and the cache's exception reaches the caller, unless
 * the alias has {@code ignore_exceptions=true}: then the store is skipped and the result returned.
 * For an asynchronous result the caller already holds the future, so a failed store is logged
 * instead. See the README's "Failure policy".
 *
 * <p>The method must be overridable and must return a value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CachePut {

  /**
   * The key template, in the language of {@link Cached#key()} (<code>{param}</code> placeholders,
   * <code>{#param}</code> for the hash tag); empty means this method's default key. A method with
   * parameters whose template uses none of them is a compile error unless {@link #constantKey()} is
   * set.
   *
   * <pre>{@code
   * @CachePut(key = "user:{id}")
   * }</pre>
   */
  String key() default "";

  /**
   * Says that the key is meant to ignore the arguments; see {@link Cached#constantKey()}.
   *
   * <pre>{@code
   * @CachePut(key = "exchange-rates", constantKey = true)
   * Rates refresh(HttpClient client)
   * }</pre>
   */
  boolean constantKey() default false;

  /**
   * Seconds the value stays cached; see {@link Cached#timeout()}.
   *
   * <pre>{@code
   * @CachePut(key = "user:{id}", timeout = Cached.NEVER)
   * }</pre>
   */
  int timeout() default Cached.DEFAULT_TIMEOUT;

  /**
   * The cache alias.
   *
   * <pre>{@code
   * @CachePut(cache = "sessions", key = "session:{token}")
   * }</pre>
   */
  String cache() default "default";

  /**
   * Whether a {@code null} result is stored; see {@link Cached#cacheNull()}.
   *
   * <pre>{@code
   * @CachePut(key = "user:{id}", cacheNull = false)
   * }</pre>
   */
  boolean cacheNull() default true;
}
