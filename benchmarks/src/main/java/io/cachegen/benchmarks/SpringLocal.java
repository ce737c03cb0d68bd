package io.cachegen.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.cache.concurrent.ConcurrentMapCache;
import org.springframework.cache.concurrent.ConcurrentMapCacheManager;
import org.springframework.context.annotation.AnnotationConfigApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Peer: Spring's {@code @Cacheable} through its proxy on {@code ConcurrentMapCacheManager}: hits,
 * and miss + set on a fresh key per call. The miss caches are a {@link ConcurrentMapCache} over a
 * Caffeine map bounded at 300 entries (like locmem's default), since Spring's own map is unbounded
 * and would fill the heap at millions of misses a second.
 */
@State(Scope.Benchmark)
public class SpringLocal {
  private AnnotationConfigApplicationContext context;
  private SpringBenchService service;

  /** The {@code String} parameter of {@link #hitStringSmall}; a field, so it is not folded. */
  private String name = Keys.NAME;

  /** Spring's usual setup: a class proxy (as Spring Boot does) over the in-memory manager. */
  @Configuration
  @EnableCaching(proxyTargetClass = true)
  public static class Config {
    @Bean
    public CacheManager cacheManager() {
      return new ConcurrentMapCacheManager() {
        @Override
        protected org.springframework.cache.Cache createConcurrentMapCache(String name) {
          if (!name.startsWith("miss")) {
            return super.createConcurrentMapCache(name);
          }
          return new ConcurrentMapCache(
              name, Caffeine.newBuilder().maximumSize(300).build().asMap(), true);
        }
      };
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
    service.small(name);
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

  @Benchmark
  public Object hitStringSmall() {
    return service.small(name);
  }

  /** A miss on a fresh key: run the body, store, return. */
  @Benchmark
  public Object missSetSmall(FreshIds ids) {
    return service.missSmall(ids.next++);
  }

  @Benchmark
  public Object missSetGraph(FreshIds ids) {
    return service.missGraph(ids.next++);
  }
}
