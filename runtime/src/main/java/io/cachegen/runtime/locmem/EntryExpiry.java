package io.cachegen.runtime.locmem;

import com.github.benmanes.caffeine.cache.Expiry;

/** Per-entry expiry: each entry carries its own time to live. */
final class EntryExpiry implements Expiry<String, Entry> {
  @Override
  public long expireAfterCreate(String key, Entry entry, long currentTime) {
    return entry.ttlNanos() == Entry.KEEP ? Entry.FOREVER : entry.ttlNanos();
  }

  @Override
  public long expireAfterUpdate(String key, Entry entry, long currentTime, long currentDuration) {
    return entry.ttlNanos() == Entry.KEEP ? currentDuration : entry.ttlNanos();
  }

  @Override
  public long expireAfterRead(String key, Entry entry, long currentTime, long currentDuration) {
    return currentDuration;
  }
}
