package io.cachegen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.codec.JacksonCodec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import redis.clients.jedis.ClusterPipeline;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisCluster;
import redis.clients.jedis.Response;

/**
 * Issue 14's Redis Cluster targets, on the cluster {@code run.sh} starts ({@code
 * REDIS_CLUSTER_SEEDS}, e.g. {@code 127.0.0.1:7000,127.0.0.1:7001}): a generated hit through a
 * {@code redis-cluster://} alias against a raw {@link JedisCluster} {@code GET} + decode of the
 * same key, and {@code getMany} of 100 keys across slots against a raw cluster pipeline of 100
 * {@code GET}s + decodes (one batch per node either way).
 */
@State(Scope.Benchmark)
public class ClusterBench {
  private CacheHandler handler;
  private BenchServiceCached service;
  private BaseCache cache;
  private JedisCluster raw;
  private ObjectReader smallReader;
  private final List<String> many = new ArrayList<>();
  private final byte[][] manyKeys = new byte[RedisFloor.MANY][];
  private final byte[] smallKey = Keys.SMALL.getBytes(StandardCharsets.UTF_8);

  static String seeds() {
    String seeds = System.getenv("REDIS_CLUSTER_SEEDS");
    if (seeds == null || seeds.isBlank()) {
      throw new IllegalStateException("REDIS_CLUSTER_SEEDS is not set (run.sh starts a cluster)");
    }
    return seeds;
  }

  @SuppressWarnings("deprecation")
  @Setup
  public void setup() {
    handler =
        CacheHandler.create(
            CacheConfig.fromMap(
                Map.of(
                    "caches.default.backend",
                    "redis",
                    "caches.default.location",
                    "redis-cluster://" + seeds(),
                    "caches.default.key_prefix",
                    Keys.PREFIX)));
    service = new BenchServiceCached(handler);
    cache = handler.cache();
    Set<HostAndPort> nodes = new HashSet<>();
    for (String s : seeds().split(",")) {
      String[] hp = s.split(":");
      nodes.add(new HostAndPort(hp[0], Integer.parseInt(hp[1])));
    }
    raw = new JedisCluster(nodes);
    ObjectMapper mapper = new ObjectMapper();
    smallReader = mapper.readerFor(mapper.constructType(Payloads.SMALL_TYPE.type()));
    JacksonCodec codec = JacksonCodec.json();
    // plain JSON, as the floor writes it; cachegen reads a value without its header as a hit
    raw.set(smallKey, codec.encode(Payloads.SMALL));
    for (int i = 0; i < RedisFloor.MANY; i++) {
      many.add(Keys.manyCallerKey(i));
      manyKeys[i] = Keys.many(i).getBytes(StandardCharsets.UTF_8);
      raw.set(manyKeys[i], codec.encode(Payloads.SMALL));
    }
    if (service.data() == null || cache.getMany(many, Payloads.SMALL_TYPE).size() != many.size()) {
      throw new IllegalStateException("the cluster subjects do not hit");
    }
  }

  @TearDown
  public void tearDown() {
    raw.close();
    handler.close();
  }

  /** A generated constant-key hit on a cluster alias. */
  @Benchmark
  public Object cachegenHitConstSmall() {
    return service.data();
  }

  /** The floor: {@code JedisCluster.get} + a Jackson decode. */
  @Benchmark
  public Object rawClusterGetSmall() throws IOException {
    return smallReader.readValue(raw.get(smallKey));
  }

  /** {@code getMany} of 100 keys across slots (one pipeline batch per node). */
  @Benchmark
  public Object cachegenGetMany100() {
    return cache.getMany(many, Payloads.SMALL_TYPE);
  }

  /** The floor: a raw cluster pipeline of 100 {@code GET}s, then 100 decodes. */
  @Benchmark
  public Object rawClusterPipeline100() throws IOException {
    List<Response<byte[]>> replies = new ArrayList<>(manyKeys.length);
    try (ClusterPipeline pipe = raw.pipelined()) {
      for (byte[] key : manyKeys) {
        replies.add(pipe.get(key));
      }
      pipe.sync();
    }
    List<Object> out = new ArrayList<>(replies.size());
    for (Response<byte[]> r : replies) {
      out.add(smallReader.readValue(r.get()));
    }
    return out;
  }
}
