package io.cachegen.redis;

import io.cachegen.runtime.CacheException;

/** {@link RedisCache#lock} could not take the lock within the time it was given. */
public class RedisLockException extends CacheException {
  private static final long serialVersionUID = 1L;

  public RedisLockException(String message) {
    super(message);
  }
}
