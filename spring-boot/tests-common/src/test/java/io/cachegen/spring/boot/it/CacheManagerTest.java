package io.cachegen.spring.boot.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.cachegen.runtime.CacheHandler;
import io.cachegen.spring.boot.cache.CachegenCacheManager;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.cache.Cache;
import org.springframework.cache.CacheManager;
import org.springframework.cache.annotation.CacheEvict;
import org.springframework.cache.annotation.Cacheable;
import org.springframework.cache.annotation.EnableCaching;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code cachegen.cache-manager.enabled=true}: Spring's {@code @Cacheable} on cachegen's locmem
 * aliases, and the limits of an untyped cache (values by value come back as Jackson's natural
 * types).
 */
@SpringBootTest(
    classes = {GreetingApp.class, CacheManagerTest.Caching.class},
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "cachegen.process-wide=false",
      "cachegen.cache-manager.enabled=true",
      "cachegen.caches.quotes.key_prefix=quotes",
      "cachegen.caches.objects.key_prefix=objects",
      "cachegen.caches.objects.options.store_by_value=false",
    })
class CacheManagerTest {

  @DynamicPropertySource
  static void redis(DynamicPropertyRegistry registry) {
    registry.add("cachegen.caches.redis.location", PrivateRedis::url);
  }

  /** A value that is not one of Jackson's natural types. */
  record Quote(String who, int length) {}

  /** A bean using Spring's annotations, not {@code @Cached}. */
  static class Quotes {
    private final AtomicInteger calls = new AtomicInteger();

    /** How many times a body ran (a method, as the bean is a CGLIB proxy). */
    public int calls() {
      return calls.get();
    }

    public void resetCalls() {
      calls.set(0);
    }

    @Cacheable("quotes")
    public String quote(String who) {
      calls.incrementAndGet();
      return "quote of " + who;
    }

    @CacheEvict("quotes")
    public void forget(String who) {}

    @Cacheable("objects")
    public Quote record(String who) {
      calls.incrementAndGet();
      return new Quote(who, who.length());
    }

    @Cacheable(cacheNames = "quotes", sync = true)
    public String synced(String who) throws IOException {
      calls.incrementAndGet();
      if (who.equals("bad")) {
        throw new IOException("no quote for " + who);
      }
      return "synced " + who;
    }
  }

  @TestConfiguration(proxyBeanMethods = false)
  @EnableCaching
  static class Caching {
    @Bean
    Quotes quotes() {
      return new Quotes();
    }
  }

  @Autowired ApplicationContext context;
  @Autowired CacheManager manager;
  @Autowired CacheHandler handler;
  @Autowired Quotes quotes;
  @Autowired PlatformTransactionManager transactions;

  @BeforeEach
  void fresh() {
    handler.get("quotes").clear();
    handler.get("objects").clear();
    quotes.resetCalls();
  }

  @Test
  void theManagerIsCachegensAloneAndItsCachesAreTheAliases() {
    assertThat(context.getBeansOfType(CacheManager.class).values())
        .singleElement()
        .isInstanceOf(CachegenCacheManager.class);
    assertThat(manager.getCacheNames()).contains("default", "quotes", "objects", "redis");
    assertThat(manager.getCache("quotes").getNativeCache()).isSameAs(handler.get("quotes"));
    assertThat(manager.getCache("not-an-alias")).isNull();
  }

  @Test
  void cacheableRunsTheBodyOnceAndStoresUnderTheAliasWithTheKeysText() {
    assertThat(quotes.quote("ada")).isEqualTo("quote of ada");
    assertThat(quotes.quote("ada")).isEqualTo("quote of ada");

    assertThat(quotes.calls()).isEqualTo(1);
    assertThat(handler.get("quotes").get("ada", String.class)).isEqualTo("quote of ada");
  }

  @Test
  void withEvictAfterCommitSpringsEvictionsWaitForTheCommitToo() {
    Cache cache = manager.getCache("quotes");
    cache.put("tx", "v");
    TransactionTemplate tx = new TransactionTemplate(transactions);

    tx.executeWithoutResult(
        status -> {
          cache.evict("tx");
          assertThat(handler.get("quotes").get("tx", String.class)).isEqualTo("v");
        });
    assertThat(handler.get("quotes").get("tx", String.class)).isNull();

    cache.put("rb", "v");
    tx.executeWithoutResult(
        status -> {
          cache.evict("rb");
          status.setRollbackOnly();
        });
    assertThat(handler.get("quotes").get("rb", String.class)).isEqualTo("v");
  }

  @Test
  void cacheEvictRemovesTheEntry() {
    quotes.quote("grace");
    quotes.forget("grace");
    quotes.quote("grace");

    assertThat(quotes.calls()).isEqualTo(2);
  }

  @Test
  void anAliasThatStoresByReferenceReturnsAnyObject() {
    Quote first = quotes.record("linus");

    assertThat(quotes.record("linus")).isSameAs(first);
    assertThat(quotes.calls()).isEqualTo(1);
  }

  @Test
  void anAliasThatStoresByValueReturnsJacksonsNaturalTypesUnlessATypeIsGiven() {
    Cache cache = manager.getCache("quotes");
    cache.put("q", new Quote("barbara", 7));

    assertThat(cache.get("q").get()).isEqualTo(Map.of("who", "barbara", "length", 7));
    assertThat(cache.get("q", Quote.class)).isEqualTo(new Quote("barbara", 7));
  }

  @Test
  void aStoredNullIsAValueAndAMissIsNot() {
    Cache cache = manager.getCache("quotes");
    cache.put("nothing", null);

    assertThat(cache.get("nothing")).isNotNull();
    assertThat(cache.get("nothing").get()).isNull();
    assertThat(cache.get("absent")).isNull();
    assertThat(cache.evictIfPresent("nothing")).isTrue();
    assertThat(cache.evictIfPresent("nothing")).isFalse();
  }

  @Test
  void putIfAbsentKeepsTheFirstValueAndReturnsIt() {
    Cache cache = manager.getCache("quotes");

    assertThat(cache.putIfAbsent("k", "first")).isNull();
    assertThat(cache.putIfAbsent("k", "second").get()).isEqualTo("first");
    assertThat(cache.get("k", String.class)).isEqualTo("first");
  }

  @Test
  void syncCacheableComputesOnceAndPassesTheLoadersExceptionOn() throws Exception {
    assertThat(quotes.synced("ok")).isEqualTo("synced ok");
    assertThat(quotes.synced("ok")).isEqualTo("synced ok");
    assertThat(quotes.calls()).isEqualTo(1);

    assertThatThrownBy(() -> quotes.synced("bad"))
        .isInstanceOf(IOException.class)
        .hasMessage("no quote for bad");
    assertThat(handler.get("quotes").hasKey("bad")).isFalse();
  }

  @Test
  void aFailingValueLoaderIsWrappedInValueRetrievalException() {
    Cache cache = manager.getCache("quotes");
    IOException boom = new IOException("boom");

    assertThatThrownBy(
            () ->
                cache.get(
                    "k",
                    () -> {
                      throw boom;
                    }))
        .isInstanceOf(Cache.ValueRetrievalException.class)
        .hasCause(boom);
    assertThat(cache.get("k")).isNull();
  }
}
