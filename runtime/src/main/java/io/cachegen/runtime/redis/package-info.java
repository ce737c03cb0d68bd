/**
 * The Redis backend ({@code backend=redis}): {@link io.cachegen.runtime.redis.RedisCache} and
 * django-redis's {@link io.cachegen.runtime.redis.DefaultClient} on Jedis. See {@link
 * io.cachegen.runtime.redis.RedisBackendProvider} for the location format and options.
 */
package io.cachegen.runtime.redis;
