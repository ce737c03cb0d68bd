/**
 * The Redis backend ({@code backend=redis}): django-redis's {@code RedisCache} and {@code
 * DefaultClient} on Jedis. See {@link io.cachegen.runtime.redis.RedisBackendProvider} for the
 * location format and options.
 *
 * <p><b>API:</b> {@link io.cachegen.runtime.redis.RedisCache} (what {@code Caches.get(alias)}
 * returns for a Redis alias; cast to it for django-redis's extras: {@code ttl}, {@code expire},
 * {@code persist}, {@code deletePattern}, {@code iterKeys}, {@code lock}), {@link
 * io.cachegen.runtime.redis.RedisLock}, the exceptions {@link
 * io.cachegen.runtime.redis.RedisConnectionException}, {@link
 * io.cachegen.runtime.redis.RedisUnavailableException} and {@link
 * io.cachegen.runtime.redis.RedisLockException}, and {@link
 * io.cachegen.runtime.redis.RedisBackendProvider} (public so that {@link java.util.ServiceLoader}
 * can create it).
 *
 * <p>Everything else (the client that picks a server, the options, locations, payloads,
 * compressors, circuit breakers, scans) is package-private: it is configured through {@code
 * caches.<alias>.*} settings, never in code.
 */
package io.cachegen.runtime.redis;
