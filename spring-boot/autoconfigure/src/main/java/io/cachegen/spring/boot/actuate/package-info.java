/**
 * The starter's actuator parts shared by every Boot line: the {@code cachegen} endpoint ({@link
 * io.cachegen.spring.boot.actuate.CachegenEndpoint}) and the backend-neutral half of the Redis
 * health contributor ({@link io.cachegen.spring.boot.actuate.RedisHealthCheck}); each Boot line's
 * glue module adapts the latter to that line's health API.
 */
package io.cachegen.spring.boot.actuate;
