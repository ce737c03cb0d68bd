package io.cachegen.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.Protocol;

/**
 * A private Redis Sentinel set-up for tests: one primary and one replica (both with {@code
 * password}), and three sentinels monitoring them as {@link #SERVICE} with quorum 2, {@code
 * down-after-milliseconds} 1000, each with its own {@code sentinelPassword}. All are processes
 * {@link RedisFixture} started (they die with the JVM), on free loopback ports, in temporary
 * directories. {@link #close()} stops them all.
 */
public final class RedisSentinelFixture implements AutoCloseable {
  /** The service name the sentinels monitor. */
  public static final String SERVICE = "cachegen-svc";

  private final String password;
  private final String sentinelPassword;
  private final List<RedisFixture.Server> data;
  private final List<RedisFixture.Server> sentinels;

  private RedisSentinelFixture(
      String password,
      String sentinelPassword,
      List<RedisFixture.Server> data,
      List<RedisFixture.Server> sentinels) {
    this.password = password;
    this.sentinelPassword = sentinelPassword;
    this.data = data;
    this.sentinels = sentinels;
  }

  /** Starts the primary, the replica and three sentinels, and waits until they all know it. */
  public static RedisSentinelFixture start(String password, String sentinelPassword) {
    RedisFixture.assumeRedisServerOnPath();
    List<RedisFixture.Server> data = new ArrayList<>();
    List<RedisFixture.Server> sentinels = new ArrayList<>();
    try {
      RedisFixture.Server primary =
          RedisFixture.startPrivate("--requirepass", password, "--masterauth", password);
      data.add(primary);
      data.add(
          RedisFixture.startPrivate(
              "--replicaof",
              "127.0.0.1",
              Integer.toString(primary.port()),
              "--requirepass",
              password,
              "--masterauth",
              password));
      for (int i = 0; i < 3; i++) {
        sentinels.add(
            RedisFixture.startSentinel(
                primary,
                SERVICE,
                2,
                "sentinel auth-pass " + SERVICE + " " + password,
                "requirepass " + sentinelPassword,
                "sentinel sentinel-pass " + sentinelPassword));
      }
      RedisSentinelFixture fixture =
          new RedisSentinelFixture(password, sentinelPassword, data, sentinels);
      Eventually.within(
          Duration.ofSeconds(30),
          "every sentinel knows the replica and the two other sentinels",
          () -> sentinels.stream().allMatch(fixture::knowsEveryone));
      return fixture;
    } catch (RuntimeException e) {
      sentinels.forEach(RedisFixture.Server::close);
      data.forEach(RedisFixture.Server::close);
      throw e;
    }
  }

  private boolean knowsEveryone(RedisFixture.Server sentinel) {
    try (Jedis j = sentinelClient(sentinel)) {
      Object replicas = j.sendCommand(Protocol.Command.SENTINEL, "REPLICAS", SERVICE);
      Object others = j.sendCommand(Protocol.Command.SENTINEL, "SENTINELS", SERVICE);
      return replicas instanceof List<?> r
          && r.size() == 1
          && others instanceof List<?> o
          && o.size() == 2;
    } catch (RuntimeException e) {
      return false;
    }
  }

  private Jedis sentinelClient(RedisFixture.Server sentinel) {
    return new Jedis(
        new HostAndPort("127.0.0.1", sentinel.port()),
        DefaultJedisClientConfig.builder().password(sentinelPassword).build());
  }

  /** The port of the primary the sentinels name now. */
  public int currentPrimaryPort() {
    for (RedisFixture.Server s : sentinels) {
      try (Jedis j = sentinelClient(s)) {
        List<String> addr = j.sentinelGetMasterAddrByName(SERVICE);
        return Integer.parseInt(addr.get(1));
      } catch (RuntimeException e) {
        // ask the next
      }
    }
    throw new IllegalStateException("no sentinel answered");
  }

  /** The data node on {@code port}. */
  public RedisFixture.Server dataNode(int port) {
    return data.stream().filter(d -> d.port() == port).findFirst().orElseThrow();
  }

  /** {@code redis-sentinel://:password@host:port,.../SERVICE}. */
  public String location() {
    StringBuilder sb = new StringBuilder("redis-sentinel://:").append(password).append('@');
    for (int i = 0; i < sentinels.size(); i++) {
      sb.append(i == 0 ? "" : ",").append("127.0.0.1:").append(sentinels.get(i).port());
    }
    return sb.append('/').append(SERVICE).toString();
  }

  /** The ports of the two data nodes (the first primary first). */
  public List<Integer> dataPorts() {
    return data.stream().map(RedisFixture.Server::port).toList();
  }

  /** The sentinels. */
  public List<RedisFixture.Server> sentinels() {
    return sentinels;
  }

  @Override
  public void close() {
    sentinels.forEach(RedisFixture.Server::close);
    data.forEach(RedisFixture.Server::close);
  }
}
