package io.cachegen.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Caches the method's result: the generated subclass looks the key up in the cache of {@link
 * #cache()}; on a hit it returns the cached value without running the method, on a miss it runs the
 * method (once per key in this JVM, however many threads miss together), stores the result for
 * {@link #timeout()} seconds and returns it.
 *
 * <pre>{@code
 * public class DataService {
 *   @Cached(timeout = 10, key = "data")
 *   public List<String> data() { ... }
 *
 *   @Cached(key = "user:{id}")
 *   public User user(long id) { ... }
 * }
 * // generated: DataServiceCached extends DataService
 * }</pre>
 *
 * <p>Exceptions thrown by the method propagate unchanged and are never cached. An {@code Optional}
 * result caches its content (an empty one too); a {@code CompletableFuture} or {@code
 * CompletionStage} caches the value it completes with, never a failure. Self-invocation goes
 * through the cache, because the generated class is a subclass.
 *
 * <p>When the cache fails (Redis down, too slow, or refusing the command, e.g. OOM or READONLY),
 * the alias's {@code ignore_exceptions} option decides, as in django-redis: without it (the
 * default) the cache's exception reaches the caller, thrown by the lookup before the method runs or
 * by the store after it ran; with {@code ignore_exceptions=true} a failed lookup is a miss and a
 * failed store is skipped, so the method computes and its result is returned. A stored value that
 * cannot be decoded is a miss either way. locmem and dummy never fail so. See the README's "Failure
 * policy".
 *
 * <p>The method must be overridable (not private, static or final, in a non-final class with a
 * non-private constructor) and must return a value.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Cached {

  /**
   * {@link #timeout()}: use the alias's configured default timeout ({@code
   * caches.<alias>.timeout}).
   */
  int DEFAULT_TIMEOUT = -1;

  /** {@link #timeout()}: the value never expires (Django's {@code timeout=None}). */
  int NEVER = -2;

  /**
   * The key template (see {@link io.cachegen.annotations the package overview}); empty means the
   * default key, built from the class, the method, its parameter types and the arguments.
   * Placeholders are <code>{param}</code> or <code>{param.property}</code>. One placeholder may be
   * written <code>{#param}</code>: its value is then also the key's Redis Cluster hash tag, between
   * the only braces of the made key, so that keys with the same value share a slot. Literal braces
   * are a compile error.
   *
   * <pre>{@code
   * @Cached(key = "user:{user.id}:orders:{status}")
   * List<Order> orders(User user, Status status)
   *
   * @Cached(key = "user:{#id}:orders")   // made key users:1:user:{42}:orders
   * List<Order> orders(long id)
   * }</pre>
   *
   * <p>A method with parameters whose template uses none of them (every call would share one entry)
   * is a compile error unless {@link #constantKey()} is set.
   */
  String key() default "";

  /**
   * Says that the key is meant to ignore the arguments: every call, whatever its arguments, shares
   * the one entry of a template without placeholders. Without it, such a template on a method with
   * parameters is a compile error ({@code [CacheGenConstantKey]}); with it, a template that does
   * use the arguments, or the default key, is one too ({@code [CacheGenNotConstant]}).
   *
   * <pre>{@code
   * @Cached(key = "exchange-rates", constantKey = true)
   * Rates rates(HttpClient client)
   * }</pre>
   */
  boolean constantKey() default false;

  /**
   * Seconds the value stays cached: {@link #DEFAULT_TIMEOUT} (the default) for the alias's
   * configured timeout, {@link #NEVER} to never expire, {@code 0} to not cache at all (as Django).
   * Other negative values are a compile error.
   *
   * <pre>{@code
   * @Cached(timeout = 60)              // one minute
   * @Cached(timeout = Cached.NEVER)    // until evicted
   * }</pre>
   */
  int timeout() default DEFAULT_TIMEOUT;

  /**
   * The cache alias ({@code caches.<alias>.*} in the configuration).
   *
   * <pre>{@code
   * @Cached(cache = "sessions")
   * }</pre>
   */
  String cache() default "default";

  /**
   * Whether a {@code null} result (or an empty {@code Optional}) is cached. If {@code false}, a
   * {@code null} result is returned but not stored, so the next call runs the method again.
   *
   * <pre>{@code
   * @Cached(key = "user:{id}", cacheNull = false)
   * }</pre>
   */
  boolean cacheNull() default true;

  /**
   * Whether a miss takes a cross-process lock before computing, so that only one JVM computes a key
   * at a time. Has effect only when the alias's backend supports distributed locks (Redis); on
   * other backends only the in-JVM single-flight applies. If the lock is not obtained within a
   * short wait, the method runs anyway. If taking the lock fails (Redis down or refusing), the
   * exception reaches the caller before the method runs, unless the alias has {@code
   * ignore_exceptions=true}: then the method runs without the lock.
   *
   * <pre>{@code
   * @Cached(key = "report:{day}", timeout = 3600, stampedeGuard = true)
   * }</pre>
   */
  boolean stampedeGuard() default false;

  /**
   * Whether this method's reads may be served by the alias's near cache (a Redis alias with {@code
   * options.near_cache=true}: in-process copies of values this JVM read, dropped when Redis says
   * the key changed). {@code false} makes every lookup of this method, and the second look of its
   * miss path, go to Redis itself, never to an in-process copy: for values that must never be
   * served from memory, even milliseconds stale (a balance, a permission). Its values may still be
   * near-cached for other methods that read the same key with the default.
   *
   * <p>Has no effect on an alias without a near cache (locmem, dummy, Redis without {@code
   * near_cache}): those always read their store. Writes of any method ({@code @Cached} misses,
   * {@code @CachePut}, {@code @CacheEvict}) drop this JVM's near copies of what they write either
   * way. To near-cache only some methods instead, give them an alias of their own with {@code
   * near_cache=true}.
   *
   * <pre>{@code
   * @Cached(key = "balance:{account}", cache = "accounts", nearCache = false)
   * }</pre>
   */
  boolean nearCache() default true;
}
