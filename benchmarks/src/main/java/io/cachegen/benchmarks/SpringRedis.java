package io.cachegen.benchmarks;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.cache.RedisCacheConfiguration;
import org.springframework.data.redis.cache.RedisCacheManager;
import org.springframework.data.redis.connection.RedisConnectionFactory;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.jedis.JedisClientConfiguration;
import org.springframework.data.redis.connection.jedis.JedisConnectionFactory;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.serializer.Jackson2JsonRedisSerializer;
import org.springframework.data.redis.serializer.RedisSerializationContext.SerializationPair;

/**
 * Peer: Spring's {@code @Cacheable} hits on Spring Data Redis's {@code RedisCacheManager}, with a
 * typed Jackson JSON serializer per cache (the same work as cachegen's codec: no type ids), on
 * Lettuce (Spring's default client, one shared connection) and on pooled Jedis; and miss + set on a
 * fresh key per call (a 5 s TTL, as cachegen's miss subjects have).
 */
@State(Scope.Benchmark)
public class SpringRedis {
  @Param({"lettuce", "jedis"})
  public String client;

  private AnnotationConfigApplicationContext context;
  private RedisConnectionFactory factory;
  private SpringBenchService service;

  @Configuration
  @EnableCaching(proxyTargetClass = true)
  public static class Config {}

  @Setup
  public void setup() {
    RedisStandaloneConfiguration server =
        new RedisStandaloneConfiguration(RedisTarget.host(), RedisTarget.port());
    if (client.equals("lettuce")) {
      LettuceConnectionFactory lettuce = new LettuceConnectionFactory(server);
      lettuce.afterPropertiesSet();
      lettuce.start();
      factory = lettuce;
    } else {
      GenericObjectPoolConfig<Object> pool = new GenericObjectPoolConfig<>();
      pool.setMaxTotal(8);
      pool.setMaxIdle(8);
      JedisConnectionFactory jedis =
          new JedisConnectionFactory(
              server, JedisClientConfiguration.builder().usePooling().poolConfig(pool).build());
      jedis.afterPropertiesSet();
      jedis.start();
      factory = jedis;
    }
    ObjectMapper mapper = new ObjectMapper();
    RedisCacheConfiguration base =
        RedisCacheConfiguration.defaultCacheConfig().entryTtl(Duration.ofMinutes(5));
    RedisCacheConfiguration small =
        base.serializeValuesWith(
            SerializationPair.fromSerializer(
                new Jackson2JsonRedisSerializer<>(
                    mapper, mapper.constructType(Payloads.SMALL_TYPE.type()))));
    RedisCacheConfiguration graph =
        base.serializeValuesWith(
            SerializationPair.fromSerializer(
                new Jackson2JsonRedisSerializer<>(mapper, Payloads.Order.class)));
    RedisCacheManager manager =
        RedisCacheManager.builder(factory)
            .cacheDefaults(small)
            .withCacheConfiguration("data", small)
            .withCacheConfiguration("item", small)
            .withCacheConfiguration("order", graph)
            .withCacheConfiguration("orderById", graph)
            .withCacheConfiguration("miss", small.entryTtl(Duration.ofSeconds(5)))
            .build();
    context = new AnnotationConfigApplicationContext();
    context.register(Config.class);
    context.registerBean("cacheManager", RedisCacheManager.class, () -> manager);
    context.registerBean(SpringBenchService.class);
    context.refresh();
    service = context.getBean(SpringBenchService.class);
    manager
        .getCacheNames()
        .forEach(
            n -> {
              var cache = manager.getCache(n);
              if (cache != null) {
                cache.clear();
              }
            });
    service.data();
    service.item(Keys.ID);
    service.order();
    service.orderById(Keys.ID);
  }

  @TearDown
  public void tearDown() {
    context.close();
    if (factory instanceof LettuceConnectionFactory l) {
      l.destroy();
    } else if (factory instanceof JedisConnectionFactory j) {
      j.destroy();
    }
  }

  @Benchmark
  public Object hitConstSmall() {
    return service.data();
  }

  @Benchmark
  public Object hitParamSmall() {
    return service.item(Keys.ID);
  }

  @Benchmark
  public Object hitConstGraph() {
    return service.order();
  }

  @Benchmark
  public Object hitParamGraph() {
    return service.orderById(Keys.ID);
  }

  /** A miss on a fresh key: GET (nothing there), run the body, encode, SET with a TTL. */
  @Benchmark
  public Object missSetSmall(FreshIds ids) {
    return service.missSmall(ids.next++);
  }
}
