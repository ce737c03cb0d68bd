package io.cachegen.redis;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.IntFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.clients.jedis.Connection;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.RedisProtocol;
import redis.clients.jedis.util.SafeEncoder;

/**
 * Keeps one alias's {@link NearCache} coherent with Redis, over RESP2 (Redis 6.2 or later): Redis's
 * server-assisted client-side caching in broadcasting mode.
 *
 * <p><b>Two dedicated connections</b> to the primary, neither from the pool, so pooled data
 * connections carry no tracking state:
 *
 * <ul>
 *   <li>the <i>subscriber</i> is subscribed to {@code __redis__:invalidate}; a reader thread turns
 *       each message into {@link NearCache#invalidate} (a message lists keys) or, for the null
 *       message FLUSHDB and FLUSHALL send, {@link NearCache#flush};
 *   <li>the <i>owner</i> runs {@code CLIENT TRACKING ON REDIRECT <subscriber's id> BCAST PREFIX
 *       <prefix>}: Redis then reports every change to a key under the prefix made by any client
 *       (another JVM, {@code redis-cli}, a Lua script, expiry, eviction), in every database.
 * </ul>
 *
 * <p><b>Liveness.</b> Redis does not tell the subscriber when the owner's connection dies, and then
 * stops sending invalidations (redis#11767). So a watchdog thread checks both connections twice per
 * {@code near_liveness_interval}, at a fixed rate: it checks that the subscriber answered the
 * previous check's {@code PING} and pings it again, then asks the owner {@code CLIENT TRACKINGINFO}
 * (tracking on, broadcasting, redirecting to the current subscriber, the redirect not broken). Both
 * connections read with a timeout of half an interval. On any doubt, or as soon as the reader
 * thread loses its connection, the near cache stops keeping copies and is flushed ({@link
 * NearCache#live(boolean)}), both connections are closed, and tracking is set up again every
 * interval until it works; meanwhile every read goes to Redis.
 *
 * <p><b>The bound.</b> After the tracking is lost a copy is served for at most one interval: the
 * last check that passed ended just before the loss, the next one starts half an interval later,
 * and it fails within half an interval (its {@code TRACKINGINFO} times out, or the {@code PING} it
 * sent is still unanswered at the check after it). Checking once per interval with a whole
 * interval's timeout would allow two. {@code near_max_age} bounds every copy's age whatever
 * happens.
 *
 * <p>Failures are logged at most once per {@code ignored_exceptions_log_interval}, plus a line when
 * tracking comes back.
 */
final class NearTracking implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(NearTracking.class);

  /** The channel Redis publishes invalidations on (RESP2 redirect). */
  static final String CHANNEL = "__redis__:invalidate";

  private final String alias;
  private final String prefix;
  private final NearCache near;
  private final IntFunction<Connection> connect;
  private final long intervalNanos;

  /** Half an interval: how often the connections are checked, and how long a check may wait. */
  private final long checkNanos;

  private final long logIntervalNanos;
  private final Thread watchdog;

  private volatile boolean closed;

  /** Set by the reader thread when it loses the subscriber connection; read by the watchdog. */
  private volatile boolean readerLost;

  /** The connections of the current set-up; touched by the watchdog thread only (and close). */
  private volatile Connection owner;

  private volatile Connection subscriberConnection;
  private volatile Subscriber subscriber;
  private volatile long subscriberId;
  private volatile long ownerId = -1;

  /** The last barrier {@link #awaitInvalidationsHandled} sent. */
  private final AtomicLong barriers = new AtomicLong();

  private long lastFailureLogNanos;
  private int failuresSinceLive;

  /**
   * @param alias for thread names and log lines
   * @param prefix the tracked key prefix
   * @param connect opens a dedicated connection to the primary with the given read timeout in
   *     milliseconds (or a shorter one)
   * @param intervalMillis {@code near_liveness_interval}
   * @param logIntervalMillis how often a failure may be logged
   */
  NearTracking(
      String alias,
      String prefix,
      NearCache near,
      IntFunction<Connection> connect,
      long intervalMillis,
      long logIntervalMillis) {
    this.alias = alias;
    this.prefix = prefix;
    this.near = near;
    this.connect = connect;
    this.intervalNanos = TimeUnit.MILLISECONDS.toNanos(intervalMillis);
    this.checkNanos = Math.max(1, intervalNanos / 2);
    this.logIntervalNanos = TimeUnit.MILLISECONDS.toNanos(logIntervalMillis);
    this.watchdog = new Thread(this::watch, "cachegen-near-" + alias);
    this.watchdog.setDaemon(true);
  }

  /** Starts the watchdog, which sets tracking up (reads go to Redis until it has). */
  void start() {
    watchdog.start();
  }

  /**
   * The watchdog's loop: set up, check every half interval (at a fixed rate: a check that waited
   * for a reply does not push the next one back), tear down on doubt and set up again at once, then
   * every interval until it works.
   */
  private void watch() {
    while (!closed) {
      long started = System.nanoTime();
      long next = started + checkNanos;
      if (!near.live()) {
        try {
          establish();
          near.live(true);
          if (failuresSinceLive > 0) {
            LOG.info(
                "cache '{}': near cache tracking is back after {} failed attempt(s); copies are"
                    + " kept again",
                alias,
                failuresSinceLive);
          }
          failuresSinceLive = 0;
        } catch (RuntimeException e) {
          teardown();
          readerLost = false; // the set-up that failed is gone
          failed("could not set up tracking", e);
          next = started + intervalNanos;
        }
      } else {
        String doubt;
        try {
          doubt = check();
        } catch (RuntimeException e) { // never let the watchdog die: nothing would check then
          doubt = "the check failed (" + firstLine(e) + ")";
        }
        if (doubt != null) {
          near.live(false);
          teardown();
          failed(doubt, null);
          continue; // set it up again at once
        }
      }
      waitUntil(next);
    }
    teardown();
  }

  /**
   * Parks until {@code deadline}, or until the reader thread loses its connection or {@link
   * #close()}: never returns early otherwise (a check must not come before its time, as the last
   * one's {@code PING} is given until then to be answered).
   */
  private void waitUntil(long deadline) {
    long left;
    while (!closed && !readerLost && (left = deadline - System.nanoTime()) > 0) {
      LockSupport.parkNanos(this, left);
    }
  }

  /**
   * Subscribes, then turns tracking on (in that order: Redis drops what has no subscriber). Both
   * connections must speak RESP2 ({@link #requireResp2}).
   */
  private void establish() {
    teardown();
    readerLost = false;
    int timeoutMillis = (int) Math.max(1, TimeUnit.NANOSECONDS.toMillis(checkNanos));
    Connection sub = connect.apply(timeoutMillis);
    subscriberConnection = sub;
    requireResp2(sub, "invalidation");
    subscriberId = clientId(sub);
    Subscriber s = new Subscriber();
    subscriber = s;
    Thread reader =
        new Thread(
            () -> {
              try {
                s.proceed(sub, CHANNEL);
              } catch (RuntimeException e) {
                // the connection closed or failed; the watchdog decides what it means
              } finally {
                if (subscriber == s) {
                  readerLost = true;
                  LockSupport.unpark(watchdog);
                }
              }
            },
            "cachegen-near-" + alias + "-invalidations");
    reader.setDaemon(true);
    reader.start();
    try {
      if (!s.subscribed.await(
          Math.max(1, TimeUnit.NANOSECONDS.toMillis(intervalNanos)) * 2, TimeUnit.MILLISECONDS)) {
        throw new IllegalStateException("no SUBSCRIBE confirmation for " + CHANNEL);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while subscribing", e);
    }
    Connection own = connect.apply(timeoutMillis);
    owner = own;
    requireResp2(own, "tracking");
    ownerId = clientId(own);
    own.sendCommand(
        Protocol.Command.CLIENT,
        "TRACKING",
        "ON",
        "REDIRECT",
        Long.toString(subscriberId),
        "BCAST",
        "PREFIX",
        prefix);
    own.getStatusCodeReply();
    String problem = trackingInfoProblem(); // also: CLIENT TRACKINGINFO needs Redis 6.2
    if (problem != null) {
      throw new IllegalStateException(problem + "; the near cache needs Redis 6.2 or later");
    }
    s.lastPingAnswered = true;
  }

  /**
   * What is wrong with the current set-up, or {@code null}. Pings the subscriber first, so that the
   * {@code PING} has until the next check to be answered however long {@code TRACKINGINFO} takes.
   */
  private String check() {
    Subscriber s = subscriber;
    if (readerLost || s == null) {
      return "the invalidation connection was lost";
    }
    if (!s.lastPingAnswered) {
      return "the invalidation connection did not answer a PING within "
          + TimeUnit.NANOSECONDS.toMillis(checkNanos)
          + " ms";
    }
    try {
      s.lastPingAnswered = false;
      s.sendPing(null);
    } catch (RuntimeException e) {
      return "the invalidation connection failed a PING (" + firstLine(e) + ")";
    }
    return trackingInfoProblem();
  }

  /** Asks the owner {@code CLIENT TRACKINGINFO}; what is wrong, or {@code null}. */
  private String trackingInfoProblem() {
    List<Object> info;
    try {
      Connection own = owner;
      own.sendCommand(Protocol.Command.CLIENT, "TRACKINGINFO");
      info = own.getObjectMultiBulkReply();
    } catch (RuntimeException e) {
      return "the tracking connection failed (" + firstLine(e) + ")";
    }
    List<?> flags = List.of();
    Object redirect = null;
    try {
      for (int i = 0; i + 1 < info.size(); i += 2) {
        String field = SafeEncoder.encode((byte[]) info.get(i));
        Object value = info.get(i + 1);
        if (field.equals("flags") && value instanceof List<?> l) {
          flags = l.stream().map(f -> SafeEncoder.encode((byte[]) f)).toList();
        } else if (field.equals("redirect")) {
          redirect = value;
        }
      }
    } catch (RuntimeException e) { // not the RESP2 array of field names and values
      return "the tracking connection's CLIENT TRACKINGINFO reply could not be read ("
          + firstLine(e)
          + ")";
    }
    if (!flags.contains("on") || !flags.contains("bcast")) {
      return "tracking is off on the tracking connection (flags " + flags + ")";
    }
    if (flags.contains("broken_redirect")) {
      return "the tracking connection's redirect is broken";
    }
    if (!(redirect instanceof Long id) || id != subscriberId) {
      return "the tracking connection redirects to client " + redirect + ", not " + subscriberId;
    }
    return null;
  }

  /**
   * Refuses a connection that speaks RESP3 (as Jedis 8 negotiates unless told otherwise): Redis
   * sends a RESP3 subscriber its invalidations as {@code invalidate} push messages, which {@link
   * JedisPubSub} never reports, so copies would be kept however the keys change; and it answers
   * {@code CLIENT TRACKINGINFO} with a map. {@link RedisServer#dedicatedConnection} asks for RESP2.
   */
  private static void requireResp2(Connection connection, String which) {
    if (connection.getRedisProtocol() == RedisProtocol.RESP3) {
      throw new IllegalStateException(
          "the "
              + which
              + " connection speaks RESP3, under which Redis sends invalidations this client does"
              + " not read; it must speak RESP2");
    }
  }

  private static long clientId(Connection connection) {
    connection.sendCommand(Protocol.Command.CLIENT, "ID");
    return connection.getIntegerReply();
  }

  /** Closes both connections (which ends the reader thread). */
  private void teardown() {
    subscriber = null;
    close(owner);
    owner = null;
    close(subscriberConnection);
    subscriberConnection = null;
  }

  private static void close(Connection connection) {
    if (connection != null) {
      try {
        connection.close();
      } catch (RuntimeException e) {
        // already broken
      }
    }
  }

  private void failed(String what, RuntimeException e) {
    failuresSinceLive++;
    long now = System.nanoTime();
    if (failuresSinceLive == 1 || now - lastFailureLogNanos >= logIntervalNanos) {
      lastFailureLogNanos = now;
      LOG.warn(
          "cache '{}': near cache {}{}; copies dropped, reads go to Redis until tracking is set up"
              + " again (retried every {} ms)",
          alias,
          what,
          e == null ? "" : " (" + firstLine(e) + ")",
          TimeUnit.NANOSECONDS.toMillis(intervalNanos));
    }
  }

  private static String firstLine(Throwable e) {
    String m = e.getMessage();
    if (m == null) {
      return e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  /** Whether tracking is set up now. */
  boolean live() {
    return near.live();
  }

  /** The owner connection's client id, for tests that kill it. */
  long ownerId() {
    return ownerId;
  }

  /** The subscriber's client id, for tests; meaningful while {@link #live()}. */
  long subscriberId() {
    return subscriberId;
  }

  /**
   * For tests: waits until the subscriber has handled every invalidation Redis sent it before this
   * call. It sends a {@code PING} with a payload of its own on the subscriber, whose reply Redis
   * queues after every message sent before it. (Waiting for the invalidation count to grow after a
   * write is not enough: an earlier write's message still on its way would satisfy it.)
   *
   * @return whether it did within {@code timeout}; false if tracking is not set up meanwhile
   */
  boolean awaitInvalidationsHandled(Duration timeout) {
    Subscriber s = subscriber;
    if (s == null) {
      return false;
    }
    long barrier = barriers.incrementAndGet();
    try {
      s.sendPing(Long.toString(barrier));
    } catch (RuntimeException e) {
      return false;
    }
    long deadline = System.nanoTime() + timeout.toNanos();
    while (s.barrierAnswered.get() < barrier) {
      if (System.nanoTime() - deadline > 0 || subscriber != s) {
        return false;
      }
      LockSupport.parkNanos(TimeUnit.MICROSECONDS.toNanos(200));
    }
    return true;
  }

  @Override
  public void close() {
    closed = true;
    LockSupport.unpark(watchdog);
    try {
      watchdog.join(TimeUnit.NANOSECONDS.toMillis(intervalNanos) * 4 + 1000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    teardown();
    near.live(false);
  }

  /** The subscriber's pub/sub callbacks, on the reader thread. */
  private final class Subscriber extends JedisPubSub {
    final CountDownLatch subscribed = new CountDownLatch(1);
    volatile boolean lastPingAnswered = true;

    @Override
    public void onSubscribe(String channel, int subscribedChannels) {
      subscribed.countDown();
    }

    @Override
    public void onMessage(String channel, String key) {
      if (key == null) {
        near.flush(); // FLUSHDB / FLUSHALL
      } else {
        near.invalidate(key);
      }
    }

    /** The highest {@link #awaitInvalidationsHandled} barrier answered. */
    final AtomicLong barrierAnswered = new AtomicLong();

    /**
     * Sends a {@code PING}: the watchdog's ({@code payload} null) or a test's barrier. One thread
     * writes to the connection at a time; the reader thread only reads.
     */
    synchronized void sendPing(String payload) {
      if (payload == null) {
        ping();
      } else {
        ping(payload);
      }
    }

    @Override
    public void onPong(String payload) {
      if (payload == null || payload.isEmpty()) {
        lastPingAnswered = true;
      } else {
        barrierAnswered.accumulateAndGet(Long.parseLong(payload), Math::max);
      }
    }
  }
}
