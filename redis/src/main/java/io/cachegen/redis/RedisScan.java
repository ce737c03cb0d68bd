package io.cachegen.redis;

import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/**
 * The operations of one Redis alias over many keys at once: {@code clear()}, {@code delete_pattern}
 * and {@code iter_keys}. They find keys with SCAN in batches of {@value #SCAN_BATCH}, never KEYS
 * (which blocks the server for the whole keyspace), and delete with UNLINK (the memory is freed in
 * the background). Every page of a scan comes from the primary: a SCAN cursor means something only
 * to the server that issued it, and deletes go there anyway.
 *
 * <p>{@code clear()} deletes by the alias's {@link ClearPattern}, or runs FLUSHDB with {@code
 * options.clear_flushes_db=true}. Patterns given by callers are glob patterns over the caller's
 * keys; the alias's part of the made key (its prefix and version) is {@linkplain #globEscape
 * escaped}, so a prefix holding {@code *} or {@code [} matches only itself.
 *
 * <p>Failures propagate: the caller's failure policy decides ({@link RedisFailurePolicy}); a
 * stream's failures surface while it is read. Thread-safe.
 */
final class RedisScan {
  private static final int SCAN_BATCH = 1000;

  private final DefaultClient client;
  private final String clearPattern;

  /**
   * @param clearPattern what {@link #clear()} deletes by; {@code null} to run FLUSHDB instead
   */
  RedisScan(DefaultClient client, String clearPattern) {
    this.client = client;
    this.clearPattern = clearPattern;
  }

  /** The pattern {@link #clear()} deletes by; {@code null} if it runs FLUSHDB. */
  String clearPattern() {
    return clearPattern;
  }

  /**
   * Deletes every key of the alias (by its clear pattern), or the whole database (FLUSHDB; on a
   * cluster, FLUSHDB on every primary: the whole cluster's data).
   */
  void clear() {
    if (clearPattern == null) {
      List<ScanNode> nodes = client.scanNodes();
      for (int i = 0; i < nodes.size(); i++) {
        ScanNode node = nodes.get(i);
        try {
          node.flushDb();
        } catch (RuntimeException e) {
          throw stopped("FLUSHDB", nodes, i, 0, e);
        }
      }
    } else {
      deleteMatching(clearPattern);
    }
  }

  /**
   * Deletes every key matching the glob {@code pattern}.
   *
   * @return how many keys were deleted
   */
  long deleteMatching(String pattern) {
    long deleted = 0;
    ScanParams scan = new ScanParams().match(pattern).count(SCAN_BATCH);
    List<ScanNode> nodes = client.scanNodes();
    for (int i = 0; i < nodes.size(); i++) {
      ScanNode node = nodes.get(i);
      long onNode = 0;
      String cursor = ScanParams.SCAN_POINTER_START;
      try {
        do {
          ScanResult<String> page = node.scan(cursor, scan);
          List<String> keys = page.getResult();
          if (!keys.isEmpty()) {
            onNode += node.unlink(keys.toArray(String[]::new));
          }
          cursor = page.getCursor();
        } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
      } catch (RuntimeException e) {
        if (nodes.size() == 1) {
          throw e;
        }
        throw stopped("deleting by pattern", nodes, i, deleted + onNode, e);
      }
      deleted += onNode;
    }
    return deleted;
  }

  /**
   * A failure on node {@code i} of a walk over several nodes, saying how far it got, so a partial
   * clear is never silent. Keeps a connection failure one (the failure policy treats it as an
   * outage).
   */
  private static RuntimeException stopped(
      String what, List<ScanNode> nodes, int i, long deleted, RuntimeException e) {
    String done =
        i == 0
            ? "no node was done"
            : "done on " + nodes.subList(0, i).stream().map(ScanNode::describe).toList();
    String message =
        what
            + " stopped at cluster node "
            + nodes.get(i).describe()
            + " ("
            + done
            + ", "
            + deleted
            + " keys deleted; not reached: "
            + nodes.subList(i + 1, nodes.size()).stream().map(ScanNode::describe).toList()
            + "): "
            + e.getMessage();
    if (e instanceof RedisConnectionException rce) {
      return new RedisConnectionException(nodes.get(i).describe(), message, rce);
    }
    return new io.cachegen.runtime.CacheException(message, e);
  }

  /**
   * The keys matching the glob {@code pattern}, read lazily page by page, each with {@code base}
   * taken off its start when it has it. A key may appear twice if the keyspace changes during the
   * scan (a SCAN guarantee).
   */
  Stream<String> keys(String pattern, String base) {
    Iterator<String> it =
        new Iterator<>() {
          private final ScanParams scan = new ScanParams().match(pattern).count(SCAN_BATCH);
          private List<ScanNode> nodes;
          private int node;
          private String cursor = ScanParams.SCAN_POINTER_START;
          private Iterator<String> page = Collections.emptyIterator();
          private boolean done;

          @Override
          public boolean hasNext() {
            if (nodes == null) {
              nodes = client.scanNodes();
            }
            while (!page.hasNext() && !done) {
              ScanResult<String> result = nodes.get(node).scan(cursor, scan);
              cursor = result.getCursor();
              if (cursor.equals(ScanParams.SCAN_POINTER_START)) {
                node++;
                done = node == nodes.size();
              }
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
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(it, Spliterator.NONNULL), false);
  }

  /**
   * The glob pattern for a caller's pattern: {@code made} is the key the alias makes of it, {@code
   * base} the key it makes of the empty key. The alias's part ({@code base}, when {@code made}
   * starts with it) is escaped; the caller's stays a pattern.
   */
  static String pattern(String base, String made) {
    return made.startsWith(base) ? globEscape(base) + made.substring(base.length()) : made;
  }

  /** {@code s} with every glob special character ({@code * ? [ ] \}) escaped. */
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
}
