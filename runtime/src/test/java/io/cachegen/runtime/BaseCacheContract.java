package io.cachegen.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@link BaseCache} contract, written once and run against every backend. A backend's test
 * extends this class, names its settings and says how time passes for it.
 *
 * <p>Where a backend caches nothing ({@link #stores()} is false, the dummy backend), each test
 * asserts the misses Django's {@code DummyCache} gives instead.
 */
public abstract class BaseCacheContract {
  /** The alias every contract cache is configured under. */
  protected static final String ALIAS = "contract";

  /** A nested value, to check that object graphs round-trip. */
  public record Address(String street, int number) {}

  /** A value with a nested record, a list and a map. */
  public record Person(
      String name, int age, Address address, List<String> tags, Map<String, Integer> scores) {}

  /** An enum, stored by name. */
  public enum Kind {
    PLAIN,
    FANCY
  }

  /**
   * Every kind of value the codecs must round-trip (and that strict decoding must keep accepting):
   * java.time, big numbers, enums, records, collections, Optional and the small scalars.
   */
  public record Everything(
      Instant instant,
      LocalDate date,
      LocalDateTime dateTime,
      LocalTime time,
      OffsetDateTime utcOffset,
      Duration duration,
      Period period,
      BigDecimal amount,
      BigDecimal wholeAmount,
      BigInteger huge,
      Kind kind,
      Map<Kind, Integer> countsByKind,
      Set<String> tags,
      List<Long> longs,
      List<Double> doubles,
      double wholeDouble,
      float ratio,
      long small,
      short shortValue,
      byte byteValue,
      char initial,
      boolean flag,
      UUID id,
      Optional<String> present,
      Optional<String> absent,
      Optional<Address> address,
      Map<Integer, String> byNumber,
      String nothing) {}

  private static final ValueType<List<String>> STRINGS = new ValueType<List<String>>() {};
  private static final ValueType<Optional<String>> MAYBE = new ValueType<Optional<String>>() {};
  private static final ValueType<List<Kind>> KINDS = new ValueType<List<Kind>>() {};
  private static final ValueType<Map<String, List<Person>>> PEOPLE_BY_TEAM =
      new ValueType<Map<String, List<Person>>>() {};

  private final List<CacheHandler> handlers = new ArrayList<>();
  private final String run = java.util.UUID.randomUUID().toString().substring(0, 8);

  /**
   * The key prefixes of this test's caches: unique per test, so that a backend shared with others
   * (a Redis named by {@code REDIS_URL}) only ever sees this test touch its own keys.
   */
  protected final String prefix = "contract-" + run;

  protected final String otherPrefix = "other-" + run;
  protected final String keyFunctionPrefix = "kf-" + run;
  protected BaseCache cache;

  /**
   * The backend's settings relative to the alias (e.g. {@code backend=redis}, {@code
   * location=redis://...}); the contract adds its own per test.
   */
  protected abstract Map<String, String> backendSettings();

  /** Makes {@code duration} pass for the backend's expiry. */
  protected abstract void timePasses(Duration duration);

  /** The ticker the handler gives in-process backends. */
  protected Ticker ticker() {
    return Ticker.system();
  }

  /** Whether the backend stores anything; false for dummy. */
  protected boolean stores() {
    return true;
  }

  /**
   * Whether {@code clear()} removes only the keys of the cache's own prefix (Redis) rather than
   * everything in a store shared by every alias with the same location (locmem, as Django's
   * LocMemCache, whose clear() empties its LOCATION's store).
   */
  protected boolean clearKeepsOtherPrefixes() {
    return true;
  }

  /** Whether values are copies (store-by-value); false for a store-by-reference backend. */
  protected boolean storesByValue() {
    return true;
  }

  /**
   * A cache for the backend under test with extra settings (relative to the alias: {@code
   * key_prefix}, {@code version}, {@code timeout}, {@code key_function}, {@code options.*}).
   */
  protected BaseCache newCache(Map<String, String> settings) {
    Map<String, String> merged = new HashMap<>(backendSettings());
    merged.putAll(settings);
    Map<String, String> properties = new HashMap<>();
    merged.forEach((k, v) -> properties.put("caches." + ALIAS + "." + k, v));
    CacheHandler handler =
        CacheHandler.builder()
            .config(CacheConfig.fromMap(properties))
            .ticker(ticker())
            .keyFunction(
                "reversed",
                (key, prefix, version) ->
                    new StringBuilder(key).reverse() + "|" + prefix + "|" + version)
            .build();
    handlers.add(handler);
    return handler.get(ALIAS);
  }

  @BeforeEach
  void createCache() {
    cache = newCache(Map.of("key_prefix", prefix));
    cache.clear();
  }

  @AfterEach
  void closeCaches() {
    for (CacheHandler handler : handlers) {
      for (BaseCache c : handler.all()) {
        c.clear();
      }
      handler.close();
    }
  }

  private <T> T expect(T stored) {
    return stores() ? stored : null;
  }

  // ---- get / set ----

  @Test
  void setThenGetReturnsTheValue_djangoShellDemo() {
    assertThat(cache.set("a", 1)).isTrue();
    assertThat(cache.get("a", Integer.class)).isEqualTo(expect(1));
  }

  @Test
  void missReturnsNullOrTheDefault() {
    assertThat(cache.get("absent", String.class)).isNull();
    assertThat(cache.get("absent", String.class, "fallback")).isEqualTo("fallback");
  }

  @Test
  void storedNullIsAHitNotAMiss() {
    cache.set("nothing", null);
    assertThat(cache.get("nothing", String.class, "fallback"))
        .isEqualTo(stores() ? null : "fallback");
    assertThat(cache.hasKey("nothing")).isEqualTo(stores());
    assertThat(cache.lookup(cache.makeKey("nothing"), ValueType.of(String.class)))
        .isEqualTo(stores() ? null : BaseCache.MISS);
  }

  @Test
  void setOverwrites() {
    cache.set("k", "one");
    cache.set("k", "two");
    assertThat(cache.get("k", String.class)).isEqualTo(expect("two"));
  }

  @Test
  void genericTypesAndRecordsRoundTrip() {
    Person ada =
        new Person(
            "Ada",
            36,
            new Address("St James's Square", 12),
            List.of("math", "engines"),
            Map.of("analysis", 10));
    Map<String, List<Person>> teams = Map.of("a", List.of(ada), "empty", List.of());
    cache.set("teams", teams);
    cache.set("strings", List.of("0", "1", "2"));
    assertThat(cache.get("teams", PEOPLE_BY_TEAM)).isEqualTo(expect(teams));
    assertThat(cache.get("strings", STRINGS)).isEqualTo(expect(List.of("0", "1", "2")));
    if (stores()) {
      assertThat(cache.get("strings", STRINGS).get(0)).isInstanceOf(String.class);
    }
  }

  @Test
  void scalarsOfEveryKindRoundTrip() {
    cache.set("long", Long.MAX_VALUE);
    cache.set("double", 0.1d);
    cache.set("bool", true);
    cache.set("negative", -42);
    assertThat(cache.get("long", Long.class)).isEqualTo(expect(Long.MAX_VALUE));
    assertThat(cache.get("double", Double.class)).isEqualTo(expect(0.1d));
    assertThat(cache.get("bool", Boolean.class)).isEqualTo(expect(true));
    assertThat(cache.get("negative", Integer.class)).isEqualTo(expect(-42));
  }

  @Test
  void theWholeTypeMatrixRoundTrips() {
    Everything all =
        new Everything(
            Instant.parse("2024-02-29T23:59:59.123456789Z"),
            LocalDate.of(1815, 12, 10),
            LocalDateTime.of(2024, 1, 2, 3, 4, 5, 6000),
            LocalTime.of(23, 59, 1),
            OffsetDateTime.parse("2024-01-02T03:04:05Z"),
            Duration.ofSeconds(3661, 5),
            Period.of(1, 2, 3),
            new BigDecimal("12345678901234567890.000000000000000000123"),
            new BigDecimal("7"),
            new BigInteger("123456789012345678901234567890"),
            Kind.FANCY,
            new EnumMap<>(Map.of(Kind.PLAIN, 1, Kind.FANCY, 2)),
            new TreeSet<>(Set.of("a", "b")),
            List.of(1L, Long.MAX_VALUE, -3L),
            List.of(1.0, 0.5, -2.0, 1e300),
            2.0,
            0.25f,
            5L,
            (short) -7,
            (byte) 8,
            'λ',
            true,
            UUID.fromString("123e4567-e89b-12d3-a456-426614174000"),
            Optional.of("here"),
            Optional.empty(),
            Optional.of(new Address("Main", 1)),
            Map.of(1, "one", -2, "minus two"),
            null);
    cache.set("all", all);
    cache.set("instant", all.instant());
    cache.set("amount", all.amount());
    cache.set("whole", new BigDecimal("42"));
    cache.set("kinds", List.of(Kind.PLAIN, Kind.FANCY));
    cache.set("maybe", Optional.of("x"));
    cache.set("char", 'c');
    cache.set("short", (short) 3);
    cache.set("float", 1.0f);
    cache.set("wholeDouble", 3.0d);
    assertThat(cache.get("all", Everything.class)).isEqualTo(expect(all));
    assertThat(cache.get("instant", Instant.class)).isEqualTo(expect(all.instant()));
    assertThat(cache.get("amount", BigDecimal.class)).isEqualTo(expect(all.amount()));
    assertThat(cache.get("whole", BigDecimal.class)).isEqualTo(expect(new BigDecimal("42")));
    assertThat(cache.get("kinds", KINDS)).isEqualTo(expect(List.of(Kind.PLAIN, Kind.FANCY)));
    assertThat(cache.get("maybe", MAYBE)).isEqualTo(expect(Optional.of("x")));
    assertThat(cache.get("char", Character.class)).isEqualTo(expect('c'));
    assertThat(cache.get("short", Short.class)).isEqualTo(expect((short) 3));
    assertThat(cache.get("float", Float.class)).isEqualTo(expect(1.0f));
    assertThat(cache.get("wholeDouble", Double.class)).isEqualTo(expect(3.0d));
    if (storesByValue()) {
      // what the writer produces for a narrower type still reads as a wider one
      assertThat(cache.get("short", Long.class)).isEqualTo(expect(3L));
      assertThat(cache.get("short", Double.class)).isEqualTo(expect(3.0d));
      assertThat(cache.get("float", Double.class)).isEqualTo(expect(1.0d));
    }
  }

  @Test
  void unicodeKeysAndValuesRoundTrip() {
    String value = "缓存 ключ 🙂 \u0000 \"quoted\" \\ end";
    cache.set("键-ключ-🔑", value);
    assertThat(cache.get("键-ключ-🔑", String.class)).isEqualTo(expect(value));
    assertThat(cache.get("键-ключ-🔒", String.class)).isNull();
  }

  @Test
  void binaryValuesRoundTrip() {
    byte[] bytes = new byte[256];
    for (int i = 0; i < bytes.length; i++) {
      bytes[i] = (byte) i;
    }
    cache.set("bytes", bytes);
    byte[] back = cache.get("bytes", byte[].class);
    if (stores()) {
      assertThat(back).containsExactly(bytes);
    } else {
      assertThat(back).isNull();
    }
  }

  @Test
  void largeValuesRoundTrip() {
    char[] chars = new char[2 * 1024 * 1024];
    Arrays.fill(chars, 'x');
    String big = new String(chars);
    cache.set("big", big);
    String back = cache.get("big", String.class);
    assertThat(back == null ? null : back.length()).isEqualTo(expect(big.length()));
  }

  @Test
  void aValueThatDoesNotDecodeAsTheAskedTypeIsAMiss() {
    cache.set("text", "not a number");
    assertThat(cache.get("text", Integer.class, -1)).isEqualTo(-1);
    assertThat(cache.get("text", String.class)).isEqualTo(expect("not a number"));
  }

  @Test
  void aReturnedValueMutatedByTheCallerLeavesTheCacheAlone() {
    if (!stores() || !storesByValue()) {
      return;
    }
    cache.set("list", new ArrayList<>(List.of("a")));
    List<String> read = cache.get("list", STRINGS);
    read.add("mutated");
    assertThat(cache.get("list", STRINGS)).containsExactly("a");
  }

  @Test
  void aValueMutatedAfterSetLeavesTheCacheAlone() {
    if (!stores() || !storesByValue()) {
      return;
    }
    List<String> value = new ArrayList<>(List.of("a"));
    cache.set("list", value);
    value.add("mutated");
    assertThat(cache.get("list", STRINGS)).containsExactly("a");
  }

  // ---- add / delete / hasKey ----

  @Test
  void addStoresOnlyWhenAbsent() {
    assertThat(cache.add("k", "first")).isTrue();
    assertThat(cache.add("k", "second")).isEqualTo(!stores());
    assertThat(cache.get("k", String.class)).isEqualTo(expect("first"));
  }

  /**
   * Django: {@code add(key, value, timeout=0)} stores nothing that can be read back but reports
   * {@code True} when the key was absent, as locmem (it stores an already expired entry) and
   * django-redis ({@code not has_key}) do; a present key is left alone and gives {@code False}.
   */
  @Test
  void addWithZeroTimeoutStoresNothingAndReportsWhetherTheKeyWasAbsent() {
    assertThat(cache.add("k", "v", Timeout.NOW)).isTrue();
    assertThat(cache.hasKey("k")).isFalse();
    cache.set("present", "kept");
    assertThat(cache.add("present", "v", Timeout.NOW)).isEqualTo(!stores());
    assertThat(cache.get("present", String.class)).isEqualTo(expect("kept"));
  }

  @Test
  void concurrentAddsHaveExactlyOneWinner() throws Exception {
    int threads = 8;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      for (int round = 0; round < 20; round++) {
        String key = "race-" + round;
        List<Future<Boolean>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
          String value = "thread-" + t;
          futures.add(
              pool.submit(
                  () -> {
                    start.await();
                    return cache.add(key, value) ? Boolean.TRUE : Boolean.FALSE;
                  }));
        }
        int winners = 0;
        for (Future<Boolean> f : futures) {
          winners += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
        }
        // DummyCache, like Django's, reports every add as done
        assertThat(winners).as("round %d", round).isEqualTo(stores() ? 1 : threads);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void deleteReportsWhetherTheKeyExisted() {
    cache.set("k", "v");
    assertThat(cache.delete("k")).isEqualTo(stores());
    assertThat(cache.delete("k")).isFalse();
    assertThat(cache.hasKey("k")).isFalse();
  }

  @Test
  void hasKey() {
    assertThat(cache.hasKey("k")).isFalse();
    cache.set("k", "v");
    assertThat(cache.hasKey("k")).isEqualTo(stores());
  }

  // ---- many ----

  @Test
  void getManyReturnsOnlyTheKeysFound() {
    cache.set("a", "A");
    cache.set("b", "B");
    Map<String, String> found = cache.getMany(List.of("a", "b", "c"), String.class);
    if (stores()) {
      assertThat(found).containsExactly(Map.entry("a", "A"), Map.entry("b", "B"));
    } else {
      assertThat(found).isEmpty();
    }
    assertThat(cache.getMany(List.of(), String.class)).isEmpty();
  }

  @Test
  void setManyThenDeleteMany() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("a", "A");
    values.put("b", List.of("x"));
    values.put("c", null);
    assertThat(cache.setMany(values)).isEmpty();
    assertThat(cache.get("a", String.class)).isEqualTo(expect("A"));
    assertThat(cache.get("b", STRINGS)).isEqualTo(expect(List.of("x")));
    assertThat(cache.hasKey("c")).isEqualTo(stores());
    cache.deleteMany(List.of("a", "b"));
    assertThat(cache.hasKey("a")).isFalse();
    assertThat(cache.hasKey("b")).isFalse();
    assertThat(cache.hasKey("c")).isEqualTo(stores());
  }

  /** A value the codec cannot encode: its getter throws. */
  public static final class Unencodable {
    public String getBoom() {
      throw new IllegalStateException("cannot be encoded");
    }
  }

  @Test
  void setManyReturnsTheKeysThatFailed() {
    if (!storesByValue()) {
      return; // store-by-reference never encodes, so nothing can fail
    }
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("good", "g");
    values.put("bad", new Unencodable());
    values.put("also-good", 2);
    try (LogCapture log = LogCapture.start()) {
      assertThat(cache.setMany(values)).containsExactly("bad");
      assertThat(log.text())
          .as("the key that was not stored is logged")
          .contains("could not store key '" + cache.makeKey("bad") + "'");
    }
    assertThat(cache.get("good", String.class)).isEqualTo(expect("g"));
    assertThat(cache.get("also-good", Integer.class)).isEqualTo(expect(2));
    assertThat(cache.hasKey("bad")).isFalse();
  }

  @Test
  void setManyWithZeroTimeoutRemovesTheKeys() {
    cache.set("a", "old");
    assertThat(cache.setMany(Map.of("a", "new"), Timeout.NOW)).isEmpty();
    assertThat(cache.hasKey("a")).isFalse();
  }

  // ---- counters ----

  @Test
  void incrAndDecr() {
    cache.set("n", 10);
    if (!stores()) {
      assertThatThrownBy(() -> cache.incr("n")).isInstanceOf(CacheKeyNotFoundException.class);
      return;
    }
    assertThat(cache.incr("n")).isEqualTo(11);
    assertThat(cache.incr("n", 10)).isEqualTo(21);
    assertThat(cache.decr("n")).isEqualTo(20);
    assertThat(cache.decr("n", 25)).isEqualTo(-5);
    assertThat(cache.get("n", Long.class)).isEqualTo(-5L);
    assertThat(cache.get("n", Integer.class)).isEqualTo(-5);
  }

  @Test
  void incrOfAMissingKeyIsAnError() {
    assertThatThrownBy(() -> cache.incr("missing"))
        .isInstanceOf(CacheKeyNotFoundException.class)
        .hasMessageContaining("missing");
    assertThat(cache.hasKey("missing")).isFalse();
  }

  @Test
  void incrOfANonIntegerIsAnErrorAndLeavesTheValue() {
    if (!stores()) {
      return;
    }
    cache.set("text", "abc");
    assertThatThrownBy(() -> cache.incr("text"))
        .isInstanceOf(CacheValueException.class)
        .hasMessageContaining("text");
    assertThat(cache.get("text", String.class)).isEqualTo("abc");
  }

  @Test
  void incrKeepsTheExpiry() {
    if (!stores()) {
      return;
    }
    cache.set("n", 1, Timeout.seconds(2));
    cache.incr("n");
    timePasses(Duration.ofSeconds(3));
    assertThat(cache.hasKey("n")).isFalse();
  }

  @Test
  void concurrentIncrementsAreNotLost() throws Exception {
    if (!stores()) {
      return;
    }
    cache.set("counter", 0);
    int threads = 4;
    int perThread = 250;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      start.await();
                      for (int i = 0; i < perThread; i++) {
                        cache.incr("counter");
                      }
                      return null;
                    }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(cache.get("counter", Long.class)).isEqualTo((long) threads * perThread);
  }

  @Test
  void concurrentReadersAndWritersSeeWholeValues() throws Exception {
    int threads = 4;
    CyclicBarrier start = new CyclicBarrier(threads);
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicInteger torn = new AtomicInteger();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int id = t;
        futures.add(
            pool.submit(
                (Callable<Void>)
                    () -> {
                      start.await();
                      for (int i = 0; i < 200; i++) {
                        List<String> mine = List.of("t" + id, "i" + i, "t" + id);
                        cache.set("shared", mine);
                        List<String> seen = cache.get("shared", STRINGS);
                        if (seen != null && !seen.get(0).equals(seen.get(2))) {
                          torn.incrementAndGet();
                        }
                      }
                      return null;
                    }));
      }
      for (Future<?> f : futures) {
        f.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(torn).hasValue(0);
  }

  // ---- versions and keys ----

  @Test
  void makeKeyIsPrefixVersionKeyByDefault() {
    assertThat(cache.makeKey("data")).isEqualTo(prefix + ":1:data");
    assertThat(cache.makeKey("data", 7)).isEqualTo(prefix + ":7:data");
  }

  @Test
  void versionsAreSeparateNamespaces() {
    cache.set("k", "v1");
    cache.set("k", "v2", Timeout.DEFAULT, 2);
    assertThat(cache.get("k", String.class)).isEqualTo(expect("v1"));
    assertThat(cache.get("k", ValueType.of(String.class), null, 2)).isEqualTo(expect("v2"));
    assertThat(cache.get("k", ValueType.of(String.class), null, 3)).isNull();
  }

  @Test
  void theConfiguredVersionIsTheDefault() {
    BaseCache v2 = newCache(Map.of("key_prefix", prefix, "version", "2"));
    cache.set("k", "at v1");
    v2.set("k", "at v2");
    assertThat(v2.version()).isEqualTo(2);
    assertThat(v2.get("k", String.class)).isEqualTo(expect("at v2"));
    assertThat(v2.get("k", ValueType.of(String.class), null, 1)).isEqualTo(expect("at v1"));
  }

  @Test
  void incrVersionMovesTheValue() {
    cache.set("k", "v");
    if (!stores()) {
      assertThatThrownBy(() -> cache.incrVersion("k"))
          .isInstanceOf(CacheKeyNotFoundException.class);
      return;
    }
    assertThat(cache.incrVersion("k")).isEqualTo(2);
    assertThat(cache.get("k", String.class)).isNull();
    assertThat(cache.get("k", ValueType.of(String.class), null, 2)).isEqualTo("v");
    assertThat(cache.decrVersion("k", 1, 2)).isEqualTo(1);
    assertThat(cache.get("k", String.class)).isEqualTo("v");
  }

  @Test
  void incrVersionKeepsTheExpiry() {
    if (!stores()) {
      return;
    }
    cache.set("short", "v", Timeout.seconds(2));
    cache.set("long", "v", Timeout.seconds(60));
    assertThat(cache.incrVersion("short")).isEqualTo(2);
    assertThat(cache.incrVersion("long")).isEqualTo(2);
    timePasses(Duration.ofSeconds(3));
    assertThat(cache.hasKey("short", 2)).as("moved with its 2 s timeout").isFalse();
    assertThat(cache.get("long", ValueType.of(String.class), null, 2)).isEqualTo("v");
  }

  @Test
  void incrVersionOfAMissingKeyIsAnError() {
    assertThatThrownBy(() -> cache.incrVersion("missing"))
        .isInstanceOf(CacheKeyNotFoundException.class)
        .hasMessageContaining("missing");
  }

  @Test
  void prefixesSeparateCachesSharingABackend() {
    BaseCache other = newCache(Map.of("key_prefix", otherPrefix));
    cache.set("k", "mine");
    assertThat(other.get("k", String.class)).isNull();
    other.set("k", "theirs");
    assertThat(cache.get("k", String.class)).isEqualTo(expect("mine"));
    other.clear();
    assertThat(other.hasKey("k")).isFalse();
    assertThat(cache.get("k", String.class))
        .as("other.clear() and this prefix's keys")
        .isEqualTo(clearKeepsOtherPrefixes() ? expect("mine") : null);
  }

  @Test
  void aRegisteredKeyFunctionBuildsTheKeys() {
    BaseCache custom =
        newCache(Map.of("key_prefix", keyFunctionPrefix, "key_function", "reversed"));
    assertThat(custom.makeKey("abc")).isEqualTo("cba|" + keyFunctionPrefix + "|1");
    custom.set("abc", "v");
    custom.set("abc", "v2", Timeout.DEFAULT, 2);
    cache.set("abc", "mine");
    assertThat(custom.get("abc", String.class)).isEqualTo(expect("v"));
    assertThat(cache.get("abc", String.class)).isEqualTo(expect("mine"));
    custom.clear();
    assertThat(custom.hasKey("abc")).as("clear() finds keys a custom key function made").isFalse();
    assertThat(custom.hasKey("abc", 2)).as("at every version").isFalse();
    assertThat(cache.get("abc", String.class))
        .isEqualTo(clearKeepsOtherPrefixes() ? expect("mine") : null);
  }

  @Test
  void clearRemovesEverything() {
    cache.set("a", 1);
    cache.set("b", 2);
    cache.clear();
    assertThat(cache.hasKey("a")).isFalse();
    assertThat(cache.hasKey("b")).isFalse();
  }

  // ---- timeouts ----

  @Test
  void valuesExpireAfterTheirTimeout() {
    cache.set("short", "v", Timeout.seconds(2));
    cache.set("long", "v", Timeout.seconds(60));
    assertThat(cache.hasKey("short")).isEqualTo(stores());
    timePasses(Duration.ofSeconds(3));
    assertThat(cache.get("short", String.class)).isNull();
    assertThat(cache.hasKey("short")).isFalse();
    assertThat(cache.get("long", String.class)).isEqualTo(expect("v"));
  }

  @Test
  void theConfiguredTimeoutIsTheDefault() {
    BaseCache twoSeconds = newCache(Map.of("key_prefix", prefix, "timeout", "2"));
    assertThat(twoSeconds.defaultTimeout()).isEqualTo(Timeout.seconds(2));
    twoSeconds.set("k", "v");
    assertThat(twoSeconds.hasKey("k")).isEqualTo(stores());
    timePasses(Duration.ofSeconds(3));
    assertThat(twoSeconds.hasKey("k")).isFalse();
  }

  @Test
  void timeoutNoneNeverExpires() {
    BaseCache forever = newCache(Map.of("key_prefix", prefix, "timeout", "none"));
    assertThat(forever.defaultTimeout()).isEqualTo(Timeout.NEVER);
    forever.set("k", "v");
    cache.set("explicit", "v", Timeout.NEVER);
    timePasses(Duration.ofSeconds(3));
    assertThat(forever.get("k", String.class)).isEqualTo(expect("v"));
    assertThat(cache.get("explicit", String.class)).isEqualTo(expect("v"));
  }

  @Test
  void timeoutZeroDoesNotCacheAndRemovesWhatWasThere() {
    cache.set("k", "old");
    assertThat(cache.set("k", "new", Timeout.NOW)).isFalse();
    assertThat(cache.hasKey("k")).isFalse();
    BaseCache zero = newCache(Map.of("key_prefix", prefix, "timeout", "0"));
    assertThat(zero.set("z", "v")).isFalse();
    assertThat(zero.hasKey("z")).isFalse();
  }

  @Test
  void touchSetsANewTimeout() {
    cache.set("k", "v", Timeout.seconds(2));
    assertThat(cache.touch("k", Timeout.seconds(60))).isEqualTo(stores());
    timePasses(Duration.ofSeconds(3));
    assertThat(cache.get("k", String.class)).isEqualTo(expect("v"));
    assertThat(cache.touch("missing", Timeout.seconds(60))).isFalse();
  }

  @Test
  void touchWithZeroExpiresTheKey() {
    cache.set("k", "v");
    cache.touch("k", Timeout.NOW);
    assertThat(cache.hasKey("k")).isFalse();
  }

  // ---- getOrSet and stats ----

  @Test
  void getOrSetComputesOnlyOnAMiss() {
    AtomicInteger calls = new AtomicInteger();
    String first = cache.getOrSet("k", String.class, () -> "computed-" + calls.incrementAndGet());
    String second = cache.getOrSet("k", String.class, () -> "computed-" + calls.incrementAndGet());
    assertThat(first).isEqualTo("computed-1");
    assertThat(second).isEqualTo(stores() ? "computed-1" : "computed-2");
    assertThat(calls).hasValue(stores() ? 1 : 2);
  }

  @Test
  void concurrentGetOrSetCallsComputeOncePerKey() throws Exception {
    int callers = 64;
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Supplier<String> slow =
        () -> {
          calls.incrementAndGet();
          awaitQuietly(gate);
          return "computed";
        };
    List<FutureTask<String>> results = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      FutureTask<String> task = new FutureTask<>(() -> cache.getOrSet("k", String.class, slow));
      results.add(task);
      threads.add(startDaemon(task));
    }
    try {
      awaitOneComputingOthersWaiting(threads, "awaitQuietly");
      assertThat(calls).hasValue(1);
    } finally {
      gate.countDown();
    }
    for (FutureTask<String> f : results) {
      assertThat(f.get(30, TimeUnit.SECONDS)).isEqualTo("computed");
    }
    assertThat(calls).as("one computation for 64 concurrent callers").hasValue(1);
  }

  @Test
  void concurrentGetOrSetCallersGetTheComputationsOwnException() throws Exception {
    int callers = 64;
    CountDownLatch gate = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Supplier<String> failing =
        () -> {
          calls.incrementAndGet();
          awaitQuietly(gate);
          throw new IllegalStateException("failure " + calls.get());
        };
    List<FutureTask<Throwable>> results = new ArrayList<>();
    List<Thread> threads = new ArrayList<>();
    for (int i = 0; i < callers; i++) {
      FutureTask<Throwable> task =
          new FutureTask<>(
              () -> {
                try {
                  cache.getOrSet("k", String.class, failing);
                  return null;
                } catch (Throwable t) {
                  return t;
                }
              });
      results.add(task);
      threads.add(startDaemon(task));
    }
    try {
      awaitOneComputingOthersWaiting(threads, "awaitQuietly");
    } finally {
      gate.countDown();
    }
    Set<Throwable> distinct = Collections.newSetFromMap(new IdentityHashMap<>());
    for (FutureTask<Throwable> f : results) {
      Throwable t = f.get(30, TimeUnit.SECONDS);
      assertThat(t).isInstanceOf(IllegalStateException.class).hasMessage("failure 1");
      distinct.add(t);
    }
    assertThat(calls).hasValue(1);
    assertThat(distinct).as("the computation's own exception, as is, to every caller").hasSize(1);
    assertThat(cache.get("k", String.class)).as("a failure is not stored").isNull();
  }

  private static void awaitQuietly(CountDownLatch gate) {
    try {
      if (!gate.await(30, TimeUnit.SECONDS)) {
        throw new AssertionError("gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  private static Thread startDaemon(Runnable task) {
    Thread t = new Thread(task, "getOrSet-caller");
    t.setDaemon(true);
    t.start();
    return t;
  }

  /**
   * Waits until exactly one of {@code callers} is inside the computation (parked in {@code method})
   * and every other one waits on its flight; these states only settle when getOrSet computes once
   * per key: without single-flight every caller would be inside the computation.
   */
  private static void awaitOneComputingOthersWaiting(List<Thread> callers, String method) {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    String self = BaseCacheContract.class.getName();
    while (true) {
      int computing = 0;
      int waiting = 0;
      for (Thread t : callers) {
        Thread.State state = t.getState();
        StackTraceElement[] stack = t.getStackTrace();
        if (state == Thread.State.TIMED_WAITING && inFrame(stack, self, method)) {
          computing++;
        } else if (state == Thread.State.WAITING
            && inFrame(stack, "io.cachegen.runtime.internal.SingleFlight", "await")) {
          waiting++;
        }
      }
      if (computing == 1 && waiting == callers.size() - 1) {
        return;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError(
            "expected 1 caller computing and "
                + (callers.size() - 1)
                + " waiting on its flight, saw "
                + computing
                + " and "
                + waiting);
      }
      Thread.yield();
    }
  }

  private static boolean inFrame(StackTraceElement[] stack, String className, String method) {
    for (StackTraceElement frame : stack) {
      if (frame.getClassName().equals(className) && frame.getMethodName().equals(method)) {
        return true;
      }
    }
    return false;
  }

  @Test
  void statsCountHitsAndMisses() {
    CacheStats before = cache.stats();
    cache.set("k", "v");
    cache.get("k", String.class);
    cache.get("absent", String.class);
    CacheStats after = cache.stats();
    assertThat(after.hits() - before.hits()).isEqualTo(stores() ? 1 : 0);
    assertThat(after.misses() - before.misses()).isEqualTo(stores() ? 1 : 2);
  }

  @Test
  void getOrSetReturnsWhatAnotherWriterStoredFirst() {
    // Django's get_or_set: add() the computed value, then return get(): the first writer wins
    String result =
        cache.getOrSet(
            "k",
            String.class,
            () -> {
              cache.set("k", "theirs"); // another writer stores while this one computes
              return "mine";
            });
    assertThat(result).isEqualTo(stores() ? "theirs" : "mine");
    assertThat(cache.get("k", String.class)).isEqualTo(expect("theirs"));
  }

  @Test
  void statsCountEveryKeyOfGetMany() {
    cache.set("a", "1");
    cache.set("b", "2");
    CacheStats before = cache.stats();
    cache.getMany(List.of("a", "b", "absent"), String.class);
    CacheStats mixed = cache.stats();
    assertThat(mixed.hits() - before.hits()).isEqualTo(stores() ? 2 : 0);
    assertThat(mixed.misses() - before.misses()).isEqualTo(stores() ? 1 : 3);
    cache.getMany(List.of("a", "b"), String.class);
    CacheStats allHits = cache.stats();
    assertThat(allHits.hits() - mixed.hits()).isEqualTo(stores() ? 2 : 0);
    assertThat(allHits.misses() - mixed.misses()).isEqualTo(stores() ? 0 : 2);
  }

  // ---- keys memcached could not take: warned about, as Django's validate_key ----

  @Test
  void keysMemcachedCouldNotTakeAreWarnedAboutAndStillWork() {
    int room = 250 - cache.makeKey("").length();
    String longest = "x".repeat(room);
    String tooLong = "y".repeat(room + 1);
    try (LogCapture log = LogCapture.start()) {
      for (String fine : List.of(longest, "bang!", "tilde~", "caf\u00e9")) {
        cache.set(fine, 1);
      }
      assertThat(log.text()).as("keys memcached takes").doesNotContain("memcached");
      for (String bad : List.of(tooLong, "a space", "del\u007f", "tab\t")) {
        cache.set(bad, 2);
        cache.get(bad, Integer.class);
        assertThat(cache.get(bad, Integer.class)).as("it still works here").isEqualTo(expect(2));
      }
      assertThat(log.count("key '" + cache.makeKey(tooLong) + "' is longer than 250 characters"))
          .as("logged once per key")
          .isEqualTo(1);
      for (String bad : List.of("a space", "del\u007f", "tab\t")) {
        assertThat(
                log.count(
                    "key '"
                        + cache.makeKey(bad)
                        + "' contains characters that would cause errors with memcached"))
            .as("logged once for %s", bad)
            .isEqualTo(1);
      }
    }
  }

  @Test
  void aTimeoutOfZeroStoresNothingAndSaysSo() {
    cache.set("k", "v");
    assertThat(cache.set("k", "v2", Timeout.NOW)).as("set with timeout 0 stores nothing").isFalse();
    assertThat(cache.hasKey("k")).isFalse();
    cache.set("t", "v");
    assertThat(cache.touch("t", Timeout.NOW)).as("touch(0) of a key there").isEqualTo(stores());
    assertThat(cache.touch("t", Timeout.NOW)).as("touch(0) of a key not there").isFalse();
  }

  @Test
  void storeByMadeKeySaysWhetherItStored() {
    String made = cache.makeKey("k");
    assertThat(cache.store(made, "v", Timeout.DEFAULT)).isTrue();
    assertThat(cache.get("k", String.class)).isEqualTo(expect("v"));
    assertThat(cache.store(made, "v2", Timeout.NOW)).as("timeout 0 stores nothing").isFalse();
    assertThat(cache.hasKey("k")).isFalse();
  }

  @Test
  void removeByMadeKeySaysWhetherItRemovedSomething() {
    cache.set("k", "v");
    assertThat(cache.remove(cache.makeKey("k"))).isEqualTo(stores());
    assertThat(cache.remove(cache.makeKey("k"))).isFalse();
    assertThat(cache.hasKey("k")).isFalse();
  }

  @Test
  void theShorterOverloadsReachTheSameEntries() {
    ValueType<Integer> ints = ValueType.of(Integer.class);
    assertThat(cache.set("n", 5, Timeout.NEVER)).isTrue();
    assertThat(cache.get("n", ints, -1)).isEqualTo(stores() ? 5 : -1);
    assertThat(cache.getMany(List.of("n"), ints)).isEqualTo(stores() ? Map.of("n", 5) : Map.of());
    assertThat(cache.touch("n")).isEqualTo(stores());
    assertThat(cache.getOrSet("g", ValueType.of(String.class), () -> "x", Timeout.NEVER))
        .isEqualTo("x");
    if (!stores()) {
      return;
    }
    assertThat(cache.decr("n", 2, cache.version())).isEqualTo(3);
    assertThat(cache.decrVersion("n")).isEqualTo(0);
    assertThat(cache.get("n", ints, null, 0)).isEqualTo(3);
    assertThat(cache.decrVersion("n", -2, 0)).isEqualTo(2);
    assertThat(cache.get("n", ints, null, 2)).isEqualTo(3);
    assertThat(cache.hasKey("n")).isFalse();
  }

  @Test
  void aliasAndSettingsAreExposed() {
    assertThat(cache.alias()).isEqualTo(ALIAS);
    assertThat(cache.keyPrefix()).isEqualTo(prefix);
    assertThat(cache.version()).isEqualTo(1);
    assertThat(cache.defaultTimeout()).isEqualTo(Timeout.seconds(300));
  }
}
