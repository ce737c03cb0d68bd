package io.cachegen.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.redis.RedisFixture;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import redis.clients.jedis.UnifiedJedis;

/** A real Boot application on a random port, caching through the starter. */
@SpringBootTest(classes = GreetingApp.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StarterTest {

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("cachegen.caches.redis.location", PrivateRedis::url);
  }

  @Value("${local.server.port}")
  int port;

  @Autowired ApplicationContext context;
  @Autowired GreetingService greetingService;
  @Autowired TransactionalService transactionalService;
  @Autowired Directory directory;
  @Autowired AsyncService asyncService;
  @Autowired Greetings greetings;
  @Autowired CacheHandler handler;
  @Autowired MeterRegistry meters;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void fresh() {
    handler.all().forEach(c -> c.clear());
    greetings.made.set(0);
  }

  @Test
  void twoRequestsRunTheBodyOnce() throws Exception {
    assertThat(get("/greet/ada")).isEqualTo("Hello, ada");
    assertThat(get("/greet/ada")).isEqualTo("Hello, ada");

    assertThat(greetings.made).hasValue(1);
  }

  @Test
  void theScannedServiceIsRegisteredAsItsWrapperOnce() {
    assertThat(context.getBeansOfType(GreetingService.class)).hasSize(1);
    assertThat(greetingService).isInstanceOf(GreetingServiceCached.class);
    assertThat(context.getBean("greetingService")).isSameAs(greetingService);
  }

  @Test
  void aDeclaredWrapperBesideTheScannedClassIsOneBeanUnderBothNames() {
    assertThat(context.getBeansOfType(Catalog.class)).containsOnlyKeys("catalogCached");
    Catalog catalog = context.getBean(Catalog.class);
    assertThat(context.getBean("catalog")).isSameAs(catalog);
    catalog.item(1);
    catalog.item(1);
    assertThat(((Catalog) catalog).calls).hasValue(1);
  }

  @Test
  void settingsFromApplicationYmlTakeEffect() {
    greetingService.greeting("grace");

    try (UnifiedJedis redis = RedisFixture.directClient(PrivateRedis.url())) {
      assertThat(redis.keys("boot-it:1:greeting:grace")).hasSize(1);
      long ttl = redis.pttl("boot-it:1:greeting:grace");
      assertThat(ttl).isBetween(1L, TimeUnit.SECONDS.toMillis(60));
    }
    assertThat(handler.config().settings("default").timeout()).isEqualTo(io.cachegen.runtime.Timeout.seconds(120));
  }

  @Test
  void theContextsHandlerIsTheProcessWideOneAndTheWrappersOne() {
    assertThat(Caches.handler()).isSameAs(handler);
    greetingService.local("x");
    assertThat(handler.cache().stats().misses()).isPositive();
  }

  @Test
  void hitsAndMissesAreExportedUnderBootsCacheMeterNames() {
    greetingService.greeting("linus");
    greetingService.greeting("linus");

    assertThat(
            meters
                .get("cache.gets")
                .tags("cache", "redis", "cache.manager", "cachegen", "result", "hit")
                .functionCounter()
                .count())
        .isGreaterThanOrEqualTo(1.0);
    assertThat(
            meters
                .get("cache.gets")
                .tags("cache", "redis", "result", "miss")
                .functionCounter()
                .count())
        .isGreaterThanOrEqualTo(1.0);
    assertThat(meters.get("cache.puts").tags("cache", "redis").functionCounter().count())
        .isGreaterThanOrEqualTo(1.0);
  }

  @Test
  void theActuatorsMetricsEndpointServesCacheGets() throws Exception {
    get("/greet/metrics");
    get("/greet/metrics");

    String body = get("/actuator/metrics/cache.gets?tag=cache:redis&tag=result:hit");
    assertThat(body).contains("\"name\":\"cache.gets\"").contains("cache.manager");
    assertThat(body).doesNotContain("\"value\":0.0");
  }

  @Test
  void anEvictionInATransactionWaitsForTheCommit() {
    transactionalService.greeting("tx");
    TransactionTemplate tx = new TransactionTemplate(transactions);

    tx.executeWithoutResult(
        status -> {
          transactionalService.forget("tx");
          transactionalService.greeting("tx");
          assertThat(greetings.made).as("not evicted before the commit").hasValue(1);
        });
    transactionalService.greeting("tx");

    assertThat(greetings.made).as("evicted after the commit").hasValue(2);
  }

  @Test
  void anEvictionInARolledBackTransactionDoesNotHappen() {
    transactionalService.greeting("rb");
    TransactionTemplate tx = new TransactionTemplate(transactions);

    tx.executeWithoutResult(
        status -> {
          transactionalService.forget("rb");
          status.setRollbackOnly();
        });
    transactionalService.greeting("rb");

    assertThat(greetings.made).hasValue(1);
  }

  @Test
  void anEvictionOutsideATransactionHappensAtOnce() {
    greetingService.greeting("now");
    greetingService.forget("now");
    greetingService.greeting("now");

    assertThat(greetings.made).hasValue(2);
  }

  @Test
  void aCglibProxiedTransactionalServiceCaches() {
    assertThat(transactionalService.getClass().getName()).contains("$$");
    transactionalService.greeting("cglib");
    transactionalService.greeting("cglib");

    assertThat(greetings.made).hasValue(1);
  }

  @Test
  void aJdkProxiedServiceCaches() {
    assertThat(java.lang.reflect.Proxy.isProxyClass(directory.getClass())).isTrue();
    directory.lookup("jdk");
    directory.lookup("jdk");

    assertThat(greetings.made).hasValue(1);
  }

  @Test
  void anAsyncServiceCaches() throws Exception {
    assertThat(asyncService.greeting("async").get(10, TimeUnit.SECONDS)).isEqualTo("Hello, async");
    assertThat(asyncService.greeting("async").get(10, TimeUnit.SECONDS)).isEqualTo("Hello, async");

    assertThat(greetings.made).hasValue(1);
  }

  private String get(String path) throws Exception {
    HttpResponse<String> response =
        HttpClient.newHttpClient()
            .send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    assertThat(response.statusCode()).isEqualTo(200);
    return response.body();
  }
}
