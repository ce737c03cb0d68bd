package io.cachegen.runtime.redis;

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
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.UUID;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.Pipeline;
import redis.clients.jedis.Response;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.params.SetParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * {@code backend=redis}: django-redis's {@code RedisCache} on Jedis.
 *
 * <p>Keys are made as on every backend ({@code key_prefix:version:key} by default). Values are
 * encoded with the alias's serializer (JSON by default), except integers, which are stored as
 * plain decimal text so that {@link #incr} runs as one atomic {@code INCRBY} on the server and
 * keeps the key's TTL. Timeouts follow Django: {@link Timeout#NEVER} stores without expiry, a zero
 * timeout deletes. {@link #getMany} is one {@code MGET}, {@link #setMany} one pipeline and {@link
 * #deleteMany} one {@code UNLINK}. {@link #clear()} removes only this alias's keys (SCAN + UNLINK
 * over a pattern of its prefix, see {@link ClearPattern}) unless {@code
 * options.clear_flushes_db=true}; an alias whose clear() could not be confined so fails at
 * start-up.
 *
 * <p>Servers: see {@link DefaultClient} (primary for writes, replicas for reads). When a server is
 * down or hangs, a call fails within {@code socket_connect_timeout + socket_timeout} (a read that
 * falls back across servers: see {@link DefaultClient}) with a {@link RedisConnectionException}
 * naming the server, as is a server that refuses the command for now (OOM, READONLY, LOADING, ...:
 * {@link RedisUnavailableException}); with {@code options.ignore_exceptions=true} reads are misses
 * instead, writes and deletes return {@code false}, {@link #tryLock} returns a lease that holds
 * nothing, and the failure is logged at a bounded rate per kind ({@link
 * io.cachegen.runtime.spi.FailureLog}). Counters ({@code incr}, {@code incrVersion}) and {@link
 * #lock} still throw, because they cannot pretend to succeed. See the README's "Failure policy".
 * After a timeout or connection failure, a server's circuit breaker makes calls to it fail at once
 * for {@code options.retry_after} (see {@link DefaultClient}).
 *
 * <p>Thread-safe.
 */
public final class RedisCache extends AbstractCache implements DistributedLocking {
  private static final int SCAN_BATCH = 1000;

  private final RedisOptions options;
  private final DefaultClient client;
  private final RedisPayloads payloads;
  private final LongAdder ignored = new LongAdder();
  /** What clear() deletes by; null with {@code clear_flushes_db}. */
  private final String clearPattern;

  /** Creates the cache for {@code settings}; see {@link RedisBackendProvider} for the options. */
  public RedisCache(CacheSettings settings, BackendContext context) {
    this(settings, context, RedisOptions.from(settings), UnaryOperator.identity());
  }

  /** As the public constructor, with each server's socket factory wrapped by {@code sockets}. */
  RedisCache(CacheSettings settings, BackendContext context,
      UnaryOperator<JedisSocketFactory> sockets) {
    this(settings, context, RedisOptions.from(settings), sockets);
  }

  private RedisCache(CacheSettings settings, BackendContext context, RedisOptions options,
      UnaryOperator<JedisSocketFactory> sockets) {
    super(settings, context.keyFunction(), options.logIntervalMillis());
    this.options = options;
    List<RedisLocation> locations =
        RedisLocation.parseAll(settings.location(), settings.describe("location"));
    RedisBackendProvider.checkCredentials(settings, options, locations);
    this.payloads = new RedisPayloads(codec, options.compressor(), options.compressMinSize(),
        options.maxValueSize(),
        new InflationGate(settings.alias(), options.maxConcurrentInflations()));
    this.clearPattern =
        options.clearFlushesDb() ? null : ClearPattern.of(settings, context.keyFunction());
    this.client = new DefaultClient(settings.alias(), locations, options,
        settings.describe("location"), context.ticker(), sockets);
  }

  /** The servers and how calls pick them. */
  public DefaultClient client() {
    return client;
  }

  /** The parsed options. */
  public RedisOptions options() {
    return options;
  }

  /** How many failures {@code ignore_exceptions} swallowed so far. */
  public long ignoredFailures() {
    return ignored.sum();
  }

  /** How many failure lines this alias logged (rate-limited, see {@link FailureLog}). */
  long failureWarnings() {
    return failureLog().warningCount();
  }

  // ---- failure policy ----

  private <T> T guard(Category category, String operation, Supplier<T> call, T whenIgnored) {
    try {
      return call.get();
    } catch (RedisConnectionException e) {
      ignore(category, operation, e);
      return whenIgnored;
    }
  }

  /**
   * The policy for an outage: rethrows {@code e} unless {@code ignore_exceptions=true}; then counts
   * it and logs it at a bounded rate (unless {@code log_ignored_exceptions=false}).
   */
  private void ignore(Category category, String operation, RedisConnectionException e) {
    if (!options.ignoreExceptions()) {
      throw e;
    }
    ignored.increment();
    if (options.logIgnoredExceptions()) {
      failureLog().warn(category,
          "ignored a Redis failure in " + operation + " (ignore_exceptions=true)", e.getMessage());
    }
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
    // The hit path: written out instead of guard(...) so that no lambda is allocated per call.
    byte[] stored;
    try {
      stored = client.get(k(madeKey));
    } catch (RedisConnectionException e) {
      ignore(Category.LOOKUP, "get", e);
      stored = null;
    } catch (CacheException e) {
      reportUnreadable(madeKey, e.getMessage());
      return MISS;
    }
    return decode(madeKey, stored, type);
  }

  @Override
  protected Object[] doGetMany(List<String> madeKeys, ValueType<?> type) {
    byte[][] keys = new byte[madeKeys.size()][];
    for (int i = 0; i < keys.length; i++) {
      keys[i] = k(madeKeys.get(i));
    }
    List<byte[]> stored = guard(Category.LOOKUP, "get_many",
        () -> client.read(c -> c.mget(keys)), null);
    Object[] out = new Object[keys.length];
    for (int i = 0; i < out.length; i++) {
      out[i] = stored == null ? MISS : decode(madeKeys.get(i), stored.get(i), type);
    }
    return out;
  }

  private static SetParams params(Timeout timeout, SetMode mode) {
    SetParams p = new SetParams();
    if (!timeout.isNever()) {
      p.px(timeout.toMillis());
    }
    if (mode == SetMode.IF_ABSENT) {
      p.nx();
    } else if (mode == SetMode.IF_PRESENT) {
      p.xx();
    }
    return p;
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
    SetParams p = params(timeout, mode);
    return guard(Category.STORE, "set",
        () -> "OK".equals(client.write(c -> c.set(k(madeKey), bytes, p))), false);
  }

  @Override
  protected List<String> doSetMany(Map<String, ?> madeKeysToValues, Timeout timeout) {
    Map<String, byte[]> encoded = new LinkedHashMap<>();
    List<String> failed = new ArrayList<>();
    madeKeysToValues.forEach((k, v) -> {
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
    SetParams p = params(timeout, SetMode.ALWAYS);
    List<String> notStored = guard(Category.STORE, "set_many", () -> client.write(c -> {
      List<Response<String>> replies = new ArrayList<>(encoded.size());
      try (Pipeline pipe = c.pipelined()) {
        encoded.forEach((k, bytes) -> replies.add(pipe.set(k(k), bytes, p)));
        pipe.sync();
      }
      List<String> bad = new ArrayList<>();
      int i = 0;
      for (String k : encoded.keySet()) {
        try {
          if (!"OK".equals(replies.get(i++).get())) {
            bad.add(k);
          }
        } catch (RuntimeException e) {
          bad.add(k);
        }
      }
      return bad;
    }), List.copyOf(encoded.keySet()));
    failed.addAll(notStored);
    return failed;
  }

  @Override
  protected boolean doDelete(String madeKey) {
    return guard(Category.EVICT, "delete", () -> client.write(c -> c.del(k(madeKey))) > 0, false);
  }

  @Override
  protected void doDeleteMany(List<String> madeKeys) {
    byte[][] keys = madeKeys.stream().map(RedisCache::k).toArray(byte[][]::new);
    guard(Category.EVICT, "delete_many", () -> client.write(c -> c.unlink(keys)), 0L);
  }

  @Override
  protected boolean doHasKey(String madeKey) {
    return guard(Category.LOOKUP, "has_key", () -> client.read(c -> c.exists(k(madeKey))), false);
  }

  @Override
  protected long doIncr(String key, String madeKey, long delta) {
    Object result;
    try {
      result = client.write(c -> c.eval(RedisScripts.INCR_EXISTING, List.of(madeKey),
          List.of(Long.toString(delta))));
    } catch (RedisConnectionException e) {
      throw e;
    } catch (CacheException e) {
      String msg = e.getMessage() == null ? "" : e.getMessage();
      if (msg.contains("not an integer") || msg.contains("overflow")
          || msg.contains("WRONGTYPE")) {
        throw new CacheValueException("cannot incr/decr key '" + key + "': it does not hold an"
            + " integer, or the result would overflow", e);
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
    return guard(Category.STORE, "touch", () -> {
      if (timeout.isNever()) {
        Object r = client.write(c -> c.eval(RedisScripts.PERSIST_EXISTING, List.of(madeKey),
            List.of()));
        return Long.valueOf(1).equals(r);
      }
      return client.write(c -> c.pexpire(k(madeKey), timeout.toMillis())) == 1;
    }, false);
  }

  @Override
  protected boolean doMove(String fromMadeKey, String toMadeKey) {
    Object r = client.write(c -> c.eval(RedisScripts.MOVE_EXISTING,
        List.of(fromMadeKey, toMadeKey), List.of()));
    return Long.valueOf(1).equals(r);
  }

  @Override
  protected void doClear() {
    guard(Category.EVICT, "clear", () -> {
      if (options.clearFlushesDb()) {
        client.write(c -> c.flushDB());
      } else {
        deleteMatching(clearPattern());
      }
      return null;
    }, null);
  }

  /**
   * The SCAN pattern that matches every key of this alias, at every version ({@link ClearPattern});
   * {@code null} with {@code clear_flushes_db=true}.
   */
  String clearPattern() {
    return clearPattern;
  }

  private long deleteMatching(String pattern) {
    long deleted = 0;
    String cursor = ScanParams.SCAN_POINTER_START;
    ScanParams scan = new ScanParams().match(pattern).count(SCAN_BATCH);
    do {
      String from = cursor;
      ScanResult<String> page = client.write(c -> c.scan(from, scan));
      List<String> keys = page.getResult();
      if (!keys.isEmpty()) {
        String[] batch = keys.toArray(String[]::new);
        deleted += client.write(c -> c.unlink(batch));
      }
      cursor = page.getCursor();
    } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
    return deleted;
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
    long ms = guard(Category.LOOKUP, "pttl", () -> client.read(c -> c.pttl(k(made))), -2L);
    if (ms == -1) {
      return Timeout.NEVER;
    }
    // a key written by someone else may carry a TTL past what a Timeout holds
    return ms <= 0 ? Timeout.NOW
        : Timeout.of(Duration.ofMillis(Math.min(ms, Timeout.MAX_SECONDS * 1000)));
  }

  /** Sets {@code key} to expire in {@code seconds}; returns whether the key exists. */
  public boolean expire(String key, long seconds) {
    return pexpire(key, Math.multiplyExact(seconds, 1000L));
  }

  /** Sets {@code key} to expire in {@code millis}; returns whether the key exists. */
  public boolean pexpire(String key, long millis) {
    String made = made(key);
    return guard(Category.STORE, "pexpire",
        () -> client.write(c -> c.pexpire(k(made), millis)) == 1, false);
  }

  /** Sets {@code key} to expire at {@code when}; returns whether the key exists. */
  public boolean expireAt(String key, Instant when) {
    String made = made(key);
    return guard(Category.STORE, "expire_at",
        () -> client.write(c -> c.pexpireAt(k(made), when.toEpochMilli())) == 1, false);
  }

  /** Removes the expiry of {@code key}; returns whether the key exists. */
  public boolean persist(String key) {
    return touch(key, Timeout.NEVER);
  }

  /**
   * Removes every key of this alias (at the configured version) matching the glob {@code
   * pattern}, e.g. {@code "user:*"}, with SCAN in batches (never KEYS) and UNLINK. Patterns work
   * with key functions that keep the caller's key at the end, as the default one does.
   *
   * @return how many keys were removed
   */
  public long deletePattern(String pattern) {
    String glob = madePattern(pattern);
    return guard(Category.EVICT, "delete_pattern", () -> deleteMatching(glob), 0L);
  }

  /**
   * The caller's keys of this alias (at the configured version) matching the glob {@code
   * pattern}, read lazily with SCAN in batches, never KEYS. A key may appear twice if the keyspace
   * changes during the scan (a SCAN guarantee). The whole scan runs on the primary, since a
   * cursor is only valid on the server that issued it. Connection failures surface while
   * iterating.
   */
  public Stream<String> iterKeys(String pattern) {
    String glob = madePattern(pattern);
    String base = makeKey("", version());
    Iterator<String> it = new Iterator<>() {
      private final ScanParams scan = new ScanParams().match(glob).count(SCAN_BATCH);
      private String cursor = ScanParams.SCAN_POINTER_START;
      private Iterator<String> page = java.util.Collections.emptyIterator();
      private boolean done;

      @Override
      public boolean hasNext() {
        while (!page.hasNext() && !done) {
          String from = cursor;
          // a SCAN cursor means something only to the server that issued it: every page of the
          // scan comes from the primary (as deletePattern's), never from a replica picked per call
          ScanResult<String> result = client.write(c -> c.scan(from, scan));
          cursor = result.getCursor();
          done = cursor.equals(ScanParams.SCAN_POINTER_START);
          page = result.getResult().iterator();
        }
        return page.hasNext();
      }

      @Override
      public String next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        String made = page.next();
        return made.startsWith(base) ? made.substring(base.length()) : made;
      }
    };
    return StreamSupport.stream(Spliterators.spliteratorUnknownSize(it, Spliterator.NONNULL),
        false);
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
    RedisLock lock = acquire(made(name), lease, wait);
    if (lock == null) {
      throw new RedisLockException("cache '" + alias() + "': lock '" + name + "' is held by"
          + " another owner; not taken within " + wait);
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
    try {
      return acquire(lockKey, lease, wait);
    } catch (RedisConnectionException e) {
      ignore(Category.LOCK, "lock", e);
      return () -> { };
    }
  }

  private RedisLock acquire(String lockKey, Duration lease, Duration wait) {
    String token = UUID.randomUUID().toString();
    SetParams p = new SetParams().nx().px(Math.max(1, lease.toMillis()));
    long deadline = System.nanoTime() + wait.toNanos();
    long pauseMillis = 5;
    while (true) {
      String r = client.write(c -> c.set(lockKey, token, p));
      if ("OK".equals(r)) {
        return new RedisLock(lockKey, token, client::write);
      }
      long left = deadline - System.nanoTime();
      if (left <= 0) {
        return null;
      }
      LockSupport.parkNanos(Math.min(left, pauseMillis * 1_000_000L));
      if (Thread.currentThread().isInterrupted()) {
        return null;
      }
      pauseMillis = Math.min(100, pauseMillis * 2);
    }
  }

  private String made(String key) {
    ensureOpen();
    String made = makeKey(key, version());
    validateKey(made);
    return made;
  }

  private String madePattern(String pattern) {
    ensureOpen();
    String base = makeKey("", version());
    String made = makeKey(pattern, version());
    return made.startsWith(base) ? globEscape(base) + made.substring(base.length()) : made;
  }

  static String globEscape(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (char ch : s.toCharArray()) {
      if (ch == '*' || ch == '?' || ch == '[' || ch == ']' || ch == '\\') {
        sb.append('\\');
      }
      sb.append(ch);
    }
    return sb.toString();
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
    client.close();
  }

  @Override
  public String toString() {
    return "RedisCache[alias=" + alias() + ", servers=" + client.servers() + ", " + options + "]";
  }
}
