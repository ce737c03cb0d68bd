/**
 * The Redis backend ({@code backend=redis}): django-redis's {@code RedisCache} and {@code
 * DefaultClient} on Jedis. See {@link io.cachegen.redis.RedisBackendProvider} for the location
 * format and options.
 *
 * <p>Published as its own artifact, {@code io.cachegen:cachegen-redis}, beside {@code
 * cachegen-runtime} (as Caffeine ships {@code jcache} and {@code guava} beside its core), so that
 * an application that caches in memory gets no Redis client. The runtime finds it through its
 * {@link io.cachegen.runtime.spi.CacheBackendProvider} service; {@code backend=redis} without it
 * fails at start-up naming the dependency to add.
 *
 * <p><b>API:</b> {@link io.cachegen.redis.RedisCache} (what {@code Caches.get(alias)} returns for a
 * Redis alias; cast to it for django-redis's extras: {@code ttl}, {@code expire}, {@code persist},
 * {@code deletePattern}, {@code iterKeys}, {@code lock}), {@link io.cachegen.redis.RedisLock}, the
 * exceptions {@link io.cachegen.redis.RedisConnectionException}, {@link
 * io.cachegen.redis.RedisUnavailableException} and {@link io.cachegen.redis.RedisLockException},
 * and {@link io.cachegen.redis.RedisBackendProvider} (public so that {@link
 * java.util.ServiceLoader} can create it).
 *
 * <p>Everything else (the client that picks a server, the options, locations, payloads,
 * compressors, circuit breakers, scans) is package-private: it is configured through {@code
 * caches.<alias>.*} settings, never in code.
 */
package io.cachegen.redis;
