package io.cachegen.benchmarks;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Peer: Spring's {@code @Cacheable} hits through its proxy on {@code ConcurrentMapCacheManager}. */
@State(Scope.Benchmark)
public class SpringLocal {
  private AnnotationConfigApplicationContext context;
  private SpringBenchService service;

  /** Spring's usual setup: a class proxy (as Spring Boot does) over the in-memory manager. */
  @Configuration
  @EnableCaching(proxyTargetClass = true)
  public static class Config {
    @Bean
    public CacheManager cacheManager() {
      return new ConcurrentMapCacheManager();
    }

    @Bean
    public SpringBenchService springBenchService() {
      return new SpringBenchService();
    }
  }

  @Setup
  public void setup() {
    context = new AnnotationConfigApplicationContext(Config.class);
    service = context.getBean(SpringBenchService.class);
    service.data();
    service.item(Keys.ID);
    service.order();
    service.orderById(Keys.ID);
  }

  @TearDown
  public void tearDown() {
    context.close();
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
}
