package io.cachegen.redis;

import io.cachegen.runtime.CacheException;
import io.cachegen.runtime.CacheKeyNotFoundException;
import io.cachegen.runtime.CacheSettings;
import io.cachegen.runtime.CacheValueException;
import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.ValueType;
import io.cachegen.runtime.spi.AbstractCache;
import io.cachegen.runtime.spi.BackendContext;
import io.cachegen.runtime.spi.DistributedLocking;
import io.cachegen.runtime.spi.FailureLog;
import io.cachegen.runtime.spi.FailureLog.Category;
import io.cachegen.runtime.spi.SetMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.Response;
import redis.clients.jedis.UnifiedJedis;

/**
 * {@code backend=redis}: django-redis's {@code RedisCache} on Jedis.
 *
 * <p>Keys are made as on every backend ({@code key_prefix:version:key} by default). Values are
 * encoded with the alias's serializer (JSON by default), except integers, which are stored as plain
 * decimal text so that {@link #incr} runs as one atomic {@code INCRBY} on the server and keeps the
 * key's TTL. Timeouts follow Django: {@link Timeout#NEVER} stores without expiry, a zero timeout
 * deletes. {@link #getMany} is one {@code MGET}, {@link #setMany} one pipeline and {@link
 * #deleteMany} one {@code UNLINK}. {@link #clear()} removes only this alias's keys (SCAN + UNLINK
 * over a pattern of its prefix, see {@link ClearPattern}) unless {@code
 * options.clear_flushes_db=true}; an alias whose clear() could not be confined so fails at
 * start-up.
 *
 * <p>This class maps Django's and django-redis's operations to Redis commands; each policy they
 * share has its own class: {@link RedisFailurePolicy} (what an outage does), {@link RedisScan}
 * (operations over many keys: clear, delete_pattern, iter_keys), {@link RedisLock} (locks), {@link
 * RedisPayloads} (stored bytes), {@link DefaultClient} (which server serves a call). Its settings
 * are parsed once, by {@link RedisBackendProvider}, into {@link RedisSettings}.
 *
 * <p>Servers: see {@link DefaultClient} (primary for writes, replicas for reads). When a server is
 * down or hangs, a call fails within {@code socket_connect_timeout + socket_timeout} (a read that
 * falls back across servers: see {@link DefaultClient}) with a {@link RedisConnectionException}
 * naming the server, as is a server that refuses the command for now (OOM, READONLY, LOADING, ...:
 * {@link RedisUnavailableException}); with {@code options.ignore_exceptions=true} reads are misses
 * instead, writes and deletes return {@code false}, {@link #tryLock} returns a lease that holds
 * nothing, and the failure is logged at a bounded rate per kind ({@link RedisFailurePolicy}).
 * Counters ({@code incr}, {@code incrVersion}) and {@link #lock} still throw, because they cannot
 * pretend to succeed. See the README's "Failure policy". After a timeout or connection failure, a
 * server's circuit breaker makes calls to it fail at once for {@code options.retry_after} (see
 * {@link DefaultClient}).
 *
 * <p>Thread-safe.
 */
public final class RedisCache extends AbstractCache implements DistributedLocking {
  private final RedisOptions options;
  private final DefaultClient client;
  private final RedisPayloads payloads;
  private final RedisFailurePolicy failures;
  private final RedisScan scan;

  /** The near cache ({@code near_cache=true}), or {@code null}. */
  private final NearCache near;

  /** What keeps {@link #near} coherent, or {@code null}. */
  private final NearTracking tracking;

  /** {@code GET} on the client, kept so that the hit path allocates no lambda. */
  private final Function<byte[], byte[]> get;

  /** What {@link #tryLock} returns when Redis is down and {@code ignore_exceptions=true}. */
  private static final Lease HOLDS_NOTHING = () -> {};

  /** Creates the cache for {@code settings}; see {@link RedisBackendProvider} for the options. */
  public RedisCache(CacheSettings settings, BackendContext context) {
    this(RedisSettings.parse(settings, context), context);
  }

  /** Creates the cache from settings its provider prepared. */
  RedisCache(RedisSettings prepared, BackendContext context) {
    this(prepared, context, UnaryOperator.identity());
  }

  /** As the other constructors, with each server's socket factory wrapped by {@code sockets}. */
  RedisCache(
      RedisSettings prepared, BackendContext context, UnaryOperator<JedisSocketFactory> sockets) {
    super(prepared.settings(), context, prepared.options().logIntervalMillis());
    this.options = prepared.options();
    this.payloads =
        new RedisPayloads(
            codec,
            options.compressor(),
            options.compressMinSize(),
            options.maxValueSize(),
            new InflationGate(prepared.alias(), options.maxConcurrentInflations()));
    this.failures = new RedisFailurePolicy(options, failureLog(), metrics());
    this.client = new DefaultClient(prepared, context.ticker(), metrics(), sockets);
    this.scan = new RedisScan(client, prepared.clearPattern());
    this.get = client::get;
    NearCacheOptions n = prepared.near();
    if (n == null) {
      this.near = null;
      this.tracking = null;
    } else {
      this.near =
          new NearCache(
              n.maxEntries(),
              TimeUnit.MILLISECONDS.toNanos(n.maxAgeMillis()),
              n.byValue(),
              context.expiryClock(),
              metrics());
      this.tracking =
          new NearTracking(
              prepared.alias(),
              n.trackingPrefix(),
              near,
              timeout ->
                  client
                      .primary()
                      .dedicatedConnection((int) Math.min(timeout, options.socketTimeoutMillis())),
              n.livenessIntervalMillis(),
              options.logIntervalMillis());
      tracking.start();
    }
  }

  /** The near cache's tracking, or {@code null} without {@code near_cache=true}; for tests. */
  NearTracking nearTracking() {
    return tracking;
  }

  /** The near cache, or {@code null} without {@code near_cache=true}; for tests. */
  NearCache nearCache() {
    return near;
  }

  /** This JVM changed {@code madeKey}: drops its near copy at once. */
  private void forget(String madeKey) {
    if (near != null) {
      near.forget(madeKey);
    }
  }

  private void forgetAll(Iterable<String> madeKeys) {
    if (near != null) {
      madeKeys.forEach(near::forget);
    }
  }

  /** The servers and how calls pick them. */
  DefaultClient client() {
    return client;
  }

  /** The parsed options. */
  RedisOptions options() {
    return options;
  }

  /** How many failures {@code ignore_exceptions} swallowed so far. */
  public long ignoredFailures() {
    return failures.ignoredFailures();
  }

  /**
   * Whether {@code ignore_exceptions=true}: when Redis cannot serve a call, reads are misses and
   * writes are skipped instead of failing the caller. {@code false} by default.
   */
  public boolean ignoresExceptions() {
    return options.ignoreExceptions();
  }

  /**
   * Sends {@code PING} to the server a write of this alias goes to (the primary; on a Redis
   * Cluster, a node Jedis picks), through its circuit breaker, whatever {@code ignore_exceptions}
   * says: for health checks, which must see an outage that {@code ignore_exceptions=true} hides
   * from callers. Counts nothing in {@link #stats()}.
   *
   * @throws RedisConnectionException if the server is unreachable, did not answer in time, refused
   *     the credentials, or its circuit breaker is open (the message names the alias and the
   *     server, never a password)
   * @throws io.cachegen.runtime.CacheException if the server answered with another error
   * @throws IllegalStateException naming the alias if its handler was closed
   */
  public void ping() {
    ensureOpen();
    client.write(UnifiedJedis::ping);
  }

  /** How many failure lines this alias logged (rate-limited, see {@link FailureLog}). */
  long failureWarnings() {
    return failureLog().warningCount();
  }

  private static byte[] k(String madeKey) {
    return madeKey.getBytes(StandardCharsets.UTF_8);
  }

  private Object decode(String madeKey, byte[] stored, ValueType<?> type) {
    if (stored == null) {
      return MISS;
    }
    try {
      return payloads.decode(stored, type);
    } catch (CacheValueException e) {
      reportUnreadable(madeKey, e.getMessage());
      return MISS;
    }
  }

  // ---- AbstractCache ----

  @Override
  protected Object doGet(String madeKey, ValueType<?> type) {
    NearCache n = near;
    if (n != null) {
      NearCache.Copy copy = n.get(madeKey, type);
      if (copy != null) {
        return n.byValue() ? decode(madeKey, copy.stored(), type) : copy.value();
      }
      return nearFill(n, madeKey, type);
    }
    return far(madeKey, type);
  }

  /**
   * A {@code @Cached(nearCache = false)} method's read: Redis alone, as an alias without a near
   * cache reads (replicas included, if configured), neither served from nor filling the near cache.
   */
  @Override
  protected Object doGetBypassingNear(String madeKey, ValueType<?> type) {
    return far(madeKey, type);
  }

  /** A lookup in Redis alone. */
  private Object far(String madeKey, ValueType<?> type) {
    byte[] stored;
    try {
      stored = failures.guard(Category.LOOKUP, "get", get, k(madeKey), null);
    } catch (RedisConnectionException e) {
      throw e;
    } catch (CacheException e) { // an error reply about this key (e.g. WRONGTYPE): unreadable
      reportUnreadable(madeKey, e.getMessage());
      return MISS;
    }
    return decode(madeKey, stored, type);
  }

  /**
   * A near miss: reads the value and its time to live from the primary in one round trip (replicas
   * may lag behind the invalidations, which come from the primary) and keeps a copy unless an
   * invalidation or a flush came in the meantime (see {@link NearCache}).
   */
  private Object nearFill(NearCache n, String madeKey, ValueType<?> type) {
    NearCache.Loading loading = n.startLoading(madeKey);
    if (loading == null) {
      return far(madeKey, type); // tracking is not established: nothing may be kept
    }
    boolean installed = false;
    try {
      byte[] key = k(madeKey);
      Object[] reply;
      try {
        reply =
            failures.guard(
                Category.LOOKUP,
                "get",
                () ->
                    client.writePipelined(
                        pipe -> {
                          Response<byte[]> value = pipe.get(key);
                          Response<Long> pttl = pipe.pttl(key);
                          pipe.sync();
                          return new Object[] {value.get(), pttl.get()};
                        }),
                null);
      } catch (RedisConnectionException e) {
        throw e;
      } catch (CacheException e) { // an error reply about this key (e.g. WRONGTYPE): unreadable
        reportUnreadable(madeKey, e.getMessage());
        return MISS;
      }
      if (reply == null) {
        return MISS; // Redis is down and ignore_exceptions=true
      }
      byte[] stored = (byte[]) reply[0];
      Object value = decode(madeKey, stored, type);
      if (value != MISS) {
        n.install(madeKey, loading, value, type, stored, (Long) reply[1]);
        installed = true;
      }
      return value;
    } finally {
      if (!installed) {
        n.abandon(madeKey, loading);
      }
    }
  }

  @Override
  protected Object[] doGetMany(List<String> madeKeys, ValueType<?> type) {
    byte[][] keys = new byte[madeKeys.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = k(madeKeys.get(i));
    }
    List<byte[]> stored =
        failures.guard(Category.LOOKUP, "get_many", () -> client.getMany(keys), null);
    Object[] out = new Object[keys.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = stored == null ? MISS : decode(madeKeys.get(i), stored.get(i), type);
    }
    return out;
  }

  @Override
  protected boolean doSet(String madeKey, Object value, Timeout timeout, SetMode mode) {
    byte[] bytes;
    try {
      bytes = payloads.encode(value);
    } catch (ValueTooLargeException e) {
      reportUnstorable(madeKey, e.getMessage());
      if (mode != SetMode.IF_ABSENT) {
        doDelete(madeKey); // what the caller meant to replace must not be served instead
      }
      return false;
    }
    byte[][] args = SetCommand.args(k(madeKey), bytes, timeout, mode);
    try {
      return failures.guard(
          Category.STORE,
          "set",
          () ->
              SetCommand.stored(
                  client.write(args[0], c -> c.sendCommand(args[0], SetCommand.SET, args))),
          false);
    } finally {
      forget(madeKey);
    }
  }

  @Override
  protected List<String> doSetMany(Map<String, ?> madeKeysToValues, Timeout timeout) {
    Map<String, byte[]> encoded = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    madeKeysToValues.forEach(
        (k, v) -> {
          try {
            encoded.put(k, payloads.encode(v));
          } catch (CacheValueException e) {
            reportUnstorable(k, e.getMessage());
            failed.add(k);
          }
        });
    if (!failed.isEmpty()) {
      doDeleteMany(failed); // what the caller meant to replace must not be served instead
    }
    if (encoded.isEmpty()) {
      return failed;
    }
    try {
      return setPipelined(encoded, timeout, failed);
    } finally {
      forgetAll(encoded.keySet());
    }
  }

  private List<String> setPipelined(
      Map<String, byte[]> encoded, Timeout timeout, List<String> failed) {
    List<String> notStored =
        failures.guard(
            Category.STORE,
            "set_many",
            () ->
                client.writePipelined(
                    pipe -> {
                      List<Response<?>> replies = new ArrayList<>(encoded.size());
                      boolean cluster = client.cluster();
                      encoded.forEach(
                          (k, bytes) ->
                              replies.add(
                                  cluster
                                      ? SetCommand.routed(pipe, k(k), bytes, timeout)
                                      : pipe.sendCommand(
                                          SetCommand.SET,
                                          SetCommand.args(k(k), bytes, timeout, SetMode.ALWAYS))));
                      pipe.sync();
                      List<String> bad = new ArrayList<>();
                      int i = 0;
                      for (String k : encoded.keySet()) {
                        try {
                          if (!SetCommand.stored(replies.get(i++).get())) {
                            bad.add(k);
                          }
                        } catch (RuntimeException e) {
                          bad.add(k);
                        }
                      }
                      return bad;
                    }),
            List.copyOf(encoded.keySet()));
    failed.addAll(notStored);
    return failed;
  }

  @Override
  protected boolean doDelete(String madeKey) {
    try {
      return failures.guard(
          Category.EVICT,
          "delete",
          () -> client.write(k(madeKey), c -> c.del(k(madeKey))) > 0,
          false);
    } finally {
      forget(madeKey);
    }
  }

  @Override
  protected void doDeleteMany(List<String> madeKeys) {
    byte[][] keys = madeKeys.stream().map(RedisCache::k).toArray(byte[][]::new);
    try {
      failures.guard(Category.EVICT, "delete_many", () -> client.unlink(keys), 0L);
    } finally {
      forgetAll(madeKeys);
    }
  }

  @Override
  protected boolean doHasKey(String madeKey) {
    return failures.guard(
        Category.LOOKUP,
        "has_key",
        () -> client.read(k(madeKey), c -> c.exists(k(madeKey))),
        false);
  }

  @Override
  protected long doIncr(String key, String madeKey, long delta) {
    try {
      return incr(key, madeKey, delta);
    } finally {
      forget(madeKey);
    }
  }

  private long incr(String key, String madeKey, long delta) {
    Object result;
    try {
      result =
          client.write(
              k(madeKey),
              c ->
                  RedisScripts.eval(
                      c,
                      RedisScripts.INCR_EXISTING,
                      List.of(madeKey),
                      List.of(Long.toString(delta))));
    } catch (RedisConnectionException e) {
      throw e;
    } catch (CacheException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains("not an integer") || msg.contains("overflow") || msg.contains("WRONGTYPE")) {
        throw new CacheValueException(
            "cannot incr/decr key '"
                + key
                + "': it does not hold an"
                + " integer, or the result would overflow",
            e);
      }
      throw e;
    }
    if (result == null) {
      throw new CacheKeyNotFoundException(key);
    }
    return Long.parseLong(result.toString());
  }

  @Override
  protected boolean doTouch(String madeKey, Timeout timeout) {
    try {
      return touchMade(madeKey, timeout);
    } finally {
      forget(madeKey); // a copy must not outlive the key's new expiry
    }
  }

  private boolean touchMade(String madeKey, Timeout timeout) {
    return failures.guard(
        Category.STORE,
        "touch",
        () -> {
          if (timeout.isNever()) {
            Object r =
                client.write(
                    k(madeKey),
                    c ->
                        RedisScripts.eval(
                            c, RedisScripts.PERSIST_EXISTING, List.of(madeKey), List.of()));
            return Long.valueOf(1).equals(r);
          }
          return client.write(k(madeKey), c -> c.pexpire(k(madeKey), timeout.toMillis())) == 1;
        },
        false);
  }

  @Override
  protected boolean doMove(String fromMadeKey, String toMadeKey) {
    try {
      if (client.cluster()) {
        return moveAcrossSlots(fromMadeKey, toMadeKey);
      }
      Object r =
          client.write(
              c ->
                  RedisScripts.eval(
                      c, RedisScripts.MOVE_EXISTING, List.of(fromMadeKey, toMadeKey), List.of()));
      return Long.valueOf(1).equals(r);
    } finally {
      forget(fromMadeKey);
      forget(toMadeKey);
    }
  }

  /**
   * A move on a cluster, where the two keys may live on different nodes so no script can see both:
   * read the value and its TTL, write it under the new key, delete the old one. Not atomic: a write
   * to the old key in between is lost, as it would be a moment later anyway.
   */
  private boolean moveAcrossSlots(String fromMadeKey, String toMadeKey) {
    byte[] from = k(fromMadeKey);
    byte[] value = client.write(from, c -> c.get(from));
    if (value == null) {
      return false;
    }
    long pttl = client.write(from, c -> c.pttl(from));
    byte[] to = k(toMadeKey);
    if (pttl > 0) {
      client.write(to, c -> c.psetex(to, pttl, value));
    } else {
      client.write(to, c -> c.set(to, value));
    }
    client.write(from, c -> c.del(from));
    return true;
  }

  @Override
  protected void doClear() {
    try {
      failures.guard(
          Category.EVICT,
          "clear",
          () -> {
            scan.clear();
            return null;
          },
          null);
    } finally {
      if (near != null) {
        near.flush();
      }
    }
  }

  /**
   * The SCAN pattern that matches every key of this alias, at every version ({@link ClearPattern});
   * {@code null} with {@code clear_flushes_db=true}.
   */
  String clearPattern() {
    return scan.clearPattern();
  }

  // ---- django-redis extras ----

  /**
   * Stores {@code value} like {@link #set(String, Object, Timeout)}, but only if the key is absent
   * ({@code nx}) or only if it is present ({@code xx}), as django-redis's {@code set(..., nx=,
   * xx=)}. With a zero timeout nothing is stored: {@code nx} returns whether the key is absent,
   * {@code xx} deletes the key and returns whether it existed.
   *
   * @return whether the value was stored
   * @throws IllegalArgumentException if both {@code nx} and {@code xx} are true
   */
  public boolean set(String key, Object value, Timeout timeout, boolean nx, boolean xx) {
    if (nx && xx) {
      throw new IllegalArgumentException("nx and xx cannot both be true");
    }
    if (!nx && !xx) {
      return set(key, value, timeout);
    }
    String made = made(key);
    Timeout t = resolve(timeout);
    if (t.expiresImmediately()) {
      // django-redis: nx reports whether the key is absent (as add does), xx deletes it
      return nx ? !doHasKey(made) : doDelete(made);
    }
    return doSet(made, value, t, nx ? SetMode.IF_ABSENT : SetMode.IF_PRESENT);
  }

  /**
   * The remaining time to live of {@code key}, in whole seconds: {@link Timeout#NEVER} if the key
   * has no expiry, {@link Timeout#NOW} (zero) if it does not exist, as django-redis's {@code ttl}
   * (None and 0).
   */
  public Timeout ttl(String key) {
    Timeout precise = pttl(key);
    if (precise.isNever() || precise.expiresImmediately()) {
      return precise;
    }
    return Timeout.seconds(Math.max(1, (precise.toMillis() + 999) / 1000));
  }

  /** As {@link #ttl(String)}, to the millisecond. */
  public Timeout pttl(String key) {
    String made = made(key);
    long ms =
        failures.guard(
            Category.LOOKUP, "pttl", () -> client.read(k(made), c -> c.pttl(k(made))), -2L);
    if (ms == -1) {
      return Timeout.NEVER;
    }
    // a key written by someone else may carry a TTL past what a Timeout holds
    return ms <= 0
        ? Timeout.NOW
        : Timeout.of(Duration.ofMillis(Math.min(ms, Timeout.MAX_SECONDS * 1000)));
  }

  /** Sets {@code key} to expire in {@code seconds}; returns whether the key exists. */
  public boolean expire(String key, long seconds) {
    return pexpire(key, Math.multiplyExact(seconds, 1000L));
  }

  /** Sets {@code key} to expire in {@code millis}; returns whether the key exists. */
  public boolean pexpire(String key, long millis) {
    String made = made(key);
    try {
      return failures.guard(
          Category.STORE,
          "pexpire",
          () -> client.write(k(made), c -> c.pexpire(k(made), millis)) == 1,
          false);
    } finally {
      forget(made);
    }
  }

  /** Sets {@code key} to expire at {@code when}; returns whether the key exists. */
  public boolean expireAt(String key, Instant when) {
    String made = made(key);
    try {
      return failures.guard(
          Category.STORE,
          "expire_at",
          () -> client.write(k(made), c -> c.pexpireAt(k(made), when.toEpochMilli())) == 1,
          false);
    } finally {
      forget(made);
    }
  }

  /** Removes the expiry of {@code key}; returns whether the key exists. */
  public boolean persist(String key) {
    return touch(key, Timeout.NEVER);
  }

  /**
   * Removes every key of this alias (at the configured version) matching the glob {@code pattern},
   * e.g. {@code "user:*"}, with SCAN in batches (never KEYS) and UNLINK. Patterns work with key
   * functions that keep the caller's key at the end, as the default one does.
   *
   * @return how many keys were removed
   */
  public long deletePattern(String pattern) {
    String glob = madePattern(pattern);
    try {
      return failures.guard(Category.EVICT, "delete_pattern", () -> scan.deleteMatching(glob), 0L);
    } finally {
      if (near != null) {
        near.flush();
      }
    }
  }

  /**
   * The caller's keys of this alias (at the configured version) matching the glob {@code pattern},
   * read lazily with SCAN in batches, never KEYS. A key may appear twice if the keyspace changes
   * during the scan (a SCAN guarantee). The whole scan runs on the primary, since a cursor is only
   * valid on the server that issued it. Connection failures surface while iterating.
   */
  public Stream<String> iterKeys(String pattern) {
    return scan.keys(madePattern(pattern), makeKey("", version()));
  }

  /**
   * Takes the lock {@code name} (stored under {@code makeKey(name)}) for at most {@code lease},
   * waiting up to {@code lease} for another holder to release it.
   *
   * @throws RedisLockException if the lock was not taken in time
   */
  public RedisLock lock(String name, Duration lease) {
    return lock(name, lease, lease);
  }

  /**
   * Takes the lock {@code name} for at most {@code lease}, waiting up to {@code wait}.
   *
   * @throws RedisLockException if the lock was not taken within {@code wait}
   */
  public RedisLock lock(String name, Duration lease, Duration wait) {
    RedisLock lock = RedisLock.acquire(client, made(name), lease, wait);
    if (lock == null) {
      throw new RedisLockException(
          "cache '"
              + alias()
              + "': lock '"
              + name
              + "' is held by"
              + " another owner; not taken within "
              + wait);
    }
    return lock;
  }

  /**
   * {@inheritDoc}
   *
   * <p>With {@code ignore_exceptions=true} and Redis unreachable, this returns a lease that holds
   * nothing, so the caller computes the value itself (as if there were no guard).
   */
  @Override
  public Lease tryLock(String lockKey, Duration lease, Duration wait) {
    ensureOpen();
    return failures.guard(
        Category.LOCK,
        "lock",
        () -> RedisLock.acquire(client, lockKey, lease, wait),
        HOLDS_NOTHING);
  }

  private String made(String key) {
    ensureOpen();
    String made = makeKey(key, version());
    validateKey(made);
    return made;
  }

  private String madePattern(String pattern) {
    ensureOpen();
    return RedisScan.pattern(makeKey("", version()), makeKey(pattern, version()));
  }

  /**
   * Closes the idle pooled connections of every server; the cache stays usable and the next call
   * opens a connection again. A connection in use by a call on another thread is not interrupted:
   * it goes back to the pool when that call ends. See {@link DefaultClient#releaseConnections()}.
   */
  @Override
  public void close() {
    client.releaseConnections();
  }

  /** Closes the pools for good, when the handler closes. */
  @Override
  protected void release() {
    if (tracking != null) {
      tracking.close();
    }
    client.close();
  }

  @Override
  public String toString() {
    return "RedisCache[alias=" + alias() + ", servers=" + client.servers() + ", " + options + "]";
  }
}
