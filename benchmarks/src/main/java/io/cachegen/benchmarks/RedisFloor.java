package io.cachegen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import io.cachegen.runtime.codec.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.JedisPool;
import redis.clients.jedis.JedisPoolConfig;
import redis.clients.jedis.RedisClient;

/**
 * The Redis floors: one pooled Jedis {@code GET} plus a Jackson decode into the static type (one
 * round trip, the least any Redis cache can do), and one {@code MGET} of 100 keys plus 100 decodes.
 * They read the very keys the cachegen subjects write ({@code bench:1:...}). The miss floor is a
 * {@code GET} that finds nothing, then an encode and a {@code SET ... EX 5} (two round trips).
 */
@State(Scope.Benchmark)
public class RedisFloor {
  static final int MANY = 100;

  private JedisPool pool;
  private RedisClient redisClient;
  private ObjectReader smallReader;
  private ObjectReader graphReader;
  private ObjectWriter writer;
  private final byte[] smallKey = bytes(Keys.SMALL);
  private final byte[] graphKey = bytes(Keys.GRAPH);
  private final byte[][] manyKeys = new byte[MANY][];

  @SuppressWarnings("deprecation")
  @Setup
  public void setup() {
    JedisPoolConfig config = new JedisPoolConfig();
    config.setMaxTotal(8);
    config.setMaxIdle(8);
    pool = new JedisPool(config, RedisTarget.host(), RedisTarget.port());
    redisClient = RedisClient.create(RedisTarget.host(), RedisTarget.port());
    ObjectMapper mapper = new ObjectMapper();
    smallReader = mapper.readerFor(mapper.constructType(Payloads.SMALL_TYPE.type()));
    graphReader = mapper.readerFor(Payloads.Order.class);
    writer = mapper.writer();
    JacksonCodec codec = JacksonCodec.json();
    try (Jedis j = pool.getResource()) {
      j.set(smallKey, codec.encode(Payloads.SMALL));
      j.set(graphKey, codec.encode(Payloads.GRAPH));
      for (int i = 0; i < MANY; i++) {
        manyKeys[i] = bytes(Keys.many(i));
        j.set(manyKeys[i], codec.encode(Payloads.SMALL));
      }
    }
  }

  @TearDown
  public void tearDown() {
    pool.close();
    redisClient.close();
  }

  /** GET + decode of the small list. */
  @Benchmark
  public Object jedisGetSmall() throws IOException {
    try (Jedis j = pool.getResource()) {
      return smallReader.readValue(j.get(smallKey));
    }
  }

  /** GET + decode of the graph. */
  @Benchmark
  public Object jedisGetGraph() throws IOException {
    try (Jedis j = pool.getResource()) {
      return graphReader.readValue(j.get(graphKey));
    }
  }

  /**
   * Informative: GET + decode through Jedis 7's recommended pooled {@code RedisClient} (what
   * cachegen's Redis backend uses), to separate the client's cost from cachegen's.
   */
  @Benchmark
  public Object redisClientGetSmall() throws IOException {
    return smallReader.readValue(redisClient.get(smallKey));
  }

  /**
   * Floor for a Redis miss + set: {@code GET} of a fresh key (nothing there), encode the small
   * list, {@code SET key value EX 5}: what any cache that stores what it computed does at least.
   */
  @Benchmark
  public Object jedisMissSetSmall(FreshIds ids) throws IOException {
    byte[] key = bytes("bench:1:rawmiss:" + ids.next++);
    try (Jedis j = pool.getResource()) {
      byte[] found = j.get(key);
      if (found != null) {
        return smallReader.readValue(found);
      }
      j.setex(key, 5, writer.writeValueAsBytes(Payloads.SMALL));
      return Payloads.SMALL;
    }
  }

  /** MGET of 100 keys + 100 decodes. */
  @Benchmark
  public Object jedisMget100() throws IOException {
    List<byte[]> raw;
    try (Jedis j = pool.getResource()) {
      raw = j.mget(manyKeys);
    }
    Object[] out = new Object[raw.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = smallReader.readValue(raw.get(i));
    }
    return out;
  }

  /** Informative: the same MGET + decodes through {@code RedisClient}, the backend's client. */
  @Benchmark
  public Object redisClientMget100() throws IOException {
    List<byte[]> raw = redisClient.mget(manyKeys);
    Object[] out = new Object[raw.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = smallReader.readValue(raw.get(i));
    }
    return out;
  }

  static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }
}
