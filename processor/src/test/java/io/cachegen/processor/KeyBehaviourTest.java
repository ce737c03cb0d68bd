package io.cachegen.processor;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.processor.fixtures.KeyedService;
import io.cachegen.processor.fixtures.KeyedService.Node;
import io.cachegen.processor.fixtures.KeyedService.Order;
import io.cachegen.processor.fixtures.KeyedService.Pair;
import io.cachegen.processor.fixtures.KeyedService.Shape;
import io.cachegen.processor.fixtures.KeyedService.Tag;
import io.cachegen.processor.fixtures.KeyedServiceCached;
import io.cachegen.processor.fixtures.User;
import io.cachegen.runtime.BaseCache;
import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import io.cachegen.runtime.Caches;
import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.internal.CacheSite;
import io.cachegen.runtime.internal.KeyParts;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Keys of the wrapper generated for {@link KeyedService}: different arguments never share a key,
 * equal ones always do, and the made key is the alias's {@code makeKey} of the caller key.
 */
class KeyBehaviourTest {
  private static final AtomicInteger LOCATIONS = new AtomicInteger();

  private CacheHandler handler;
  private CacheHandler previous;
  private final KeyedService service = new KeyedServiceCached();

  private void install(Map<String, String> extra, String keyFunction, KeyFunction function) {
    Map<String, String> config =
        new HashMap<>(
            Map.of(
                "caches.default.backend",
                "locmem",
                "caches.default.location",
                "keys-" + LOCATIONS.incrementAndGet()));
    config.putAll(extra);
    CacheHandler.Builder b = CacheHandler.builder().config(CacheConfig.fromMap(config));
    if (keyFunction != null) {
      b.keyFunction(keyFunction, function);
    }
    handler = b.build();
    previous = Caches.install(handler);
  }

  private void install() {
    install(Map.of(), null, null);
  }

  @AfterEach
  void restore() {
    if (handler != null) {
      Caches.install(previous);
      handler.close();
    }
  }

  @Test
  void separatorsInsideListElementsDoNotCollide() {
    install();
    service.list(List.of("a,b"));
    service.list(List.of("a", "b"));
    service.list(List.of("a", "b"));
    assertThat(service.calls("list")).isEqualTo(2);
    assertThat(KeyedServiceCached.keyForList(List.of("a,b")))
        .isEqualTo("io.cachegen.processor.fixtures.KeyedService.list(java.util.List):[a\\,b]");

    service.map(Map.of("a", "b=c"));
    service.map(Map.of("a=b", "c"));
    assertThat(service.calls("map")).isEqualTo(2);
  }

  @Test
  void mapsKeyTheSameWhateverTheirOrder() {
    install();
    Map<String, String> m1 = new LinkedHashMap<>();
    m1.put("x", "1");
    m1.put("y", "2");
    Map<String, String> m2 = new LinkedHashMap<>();
    m2.put("y", "2");
    m2.put("x", "1");
    service.map(m1);
    service.map(m2);
    assertThat(service.calls("map")).isEqualTo(1);
  }

  @Test
  void recordsAreKeyedComponentWise() {
    install();
    service.tag(new Tag("x, b=y", "z"));
    service.tag(new Tag("x", "y, b=z"));
    service.tag(new Tag("x", "y, b=z"));
    assertThat(service.calls("tag")).isEqualTo(2);
    assertThat(KeyedServiceCached.keyForTag(new Tag("x", "y")))
        .endsWith("(io.cachegen.processor.fixtures.KeyedService.Tag):Tag[a=x,b=y]");
    assertThat(KeyedServiceCached.keyForTag(null)).endsWith("):" + KeyParts.NULL);
  }

  @Test
  void arrayComponentsOfRecordsAreKeyedByContent() {
    install();
    service.shape(new Shape("tri", new int[] {1, 2, 3}));
    service.shape(new Shape("tri", new int[] {1, 2, 3})); // another array, equal content
    assertThat(service.calls("shape")).isEqualTo(1);
    service.shape(new Shape("tri", new int[] {1, 2, 4}));
    assertThat(service.calls("shape")).isEqualTo(2);
    assertThat(KeyedServiceCached.keyForShape(new Shape("tri", new int[] {1, 2})))
        .endsWith(":Shape[name=tri,sides=[1,2]]");
  }

  @Test
  void recordsInsideRecordsCollectionsMapsOptionalsAndArrays() {
    install();
    Node leaf = new Node("b", List.of());
    assertThat(KeyedServiceCached.keyForTree(new Node("a", List.of(leaf))))
        .endsWith(":Node[label=a,children=[Node[label=b,children=[]]]]");
    service.tree(new Node("a", List.of(new Node("b", List.of()))));
    service.tree(new Node("a", List.of(new Node("b", List.of()))));
    service.tree(new Node("a", null));
    assertThat(service.calls("tree")).isEqualTo(2);

    service.tags(List.of(new Tag("x, b=y", "z")));
    service.tags(List.of(new Tag("x", "y, b=z")));
    assertThat(service.calls("tags")).isEqualTo(2);

    assertThat(
            KeyedServiceCached.keyForTagsByName(
                Map.of("k", List.of(new Tag("a", "b"))),
                Optional.of(new Tag("c", "d")),
                new Tag[] {new Tag("e", "f"), null}))
        .endsWith(":[k=[Tag[a=a,b=b]]]:Tag[a=c,b=d]:[Tag[a=e,b=f],\\0]");
    assertThat(KeyedServiceCached.keyForTagsByName(null, Optional.empty(), null))
        .endsWith(":\\0:\\0:\\0");

    assertThat(KeyedServiceCached.keyForOrder(new Order(new Tag("a", "b"), null, ',')))
        .endsWith(":Order[tag=Tag[a=a,b=b],quantity=\\0,grade=\\,]");
    assertThat(KeyedServiceCached.keyForPair(new Pair<>("a", 1)))
        .endsWith(":Pair[first=a,second=1]");
  }

  @Test
  void templateSeparatorsCannotComeFromValues() {
    install();
    service.dash("x-y", "z");
    service.dash("x", "y-z");
    service.dash("x", "y-z");
    assertThat(service.calls("dash")).isEqualTo(2);
    assertThat(KeyedServiceCached.keyForDash("x-y", "z")).isEqualTo("dash:x\\-y-z");
    assertThat(KeyedServiceCached.keyForDash("x", "y-z")).isEqualTo("dash:x-y-z");
    assertThat(KeyedServiceCached.keyForDash("42", "ann")).isEqualTo("dash:42-ann");

    service.dot(1.5, 2);
    service.dot(1, 5.2);
    assertThat(service.calls("dot")).isEqualTo(2);
    assertThat(KeyedServiceCached.keyForDot(1.5, 2)).isEqualTo("dot:1\\.5.2.0");

    assertThat(KeyedServiceCached.keyForTagged(new Tag("a/b", "c")))
        .isNotEqualTo(KeyedServiceCached.keyForTagged(new Tag("a", "b/c")));
  }

  @Test
  void argumentsNeverPutBracesInKeys() {
    install();
    Map<String, List<String>> values = Map.of("{k}", List.of("}", "{{"));
    String key = KeyedServiceCached.keyForBraces("a{b}", values);
    assertThat(key).isEqualTo("braces:a\\ob\\c:[\\ok\\c=[\\c,\\o\\o]]").doesNotContain("{", "}");
    // injective still: a brace and the text of its escape are different arguments
    service.braces("{", Map.of());
    service.braces("\\o", Map.of());
    service.braces("o", Map.of());
    service.braces("{", Map.of());
    service.braces("{", Map.of("{", List.of()));
    service.braces("{", Map.of("\\o", List.of()));
    assertThat(service.calls("braces")).isEqualTo(5);
  }

  @Test
  void theHashTagIsTheOnlyBracesOfAKey() {
    install(Map.of("caches.default.key_prefix", "app"), null, null);
    assertThat(KeyedServiceCached.keyForPage(new User(1, "ann"), 2)).isEqualTo("user:{ann}:page:2");
    assertThat(KeyedServiceCached.keyForPage(new User(1, "a{b}"), 2))
        .isEqualTo("user:{a\\ob\\c}:page:2");
    assertThat(KeyedServiceCached.keyForPage(new User(1, ""), 2))
        .isEqualTo("user:{" + KeyParts.EMPTY_TAG + "}:page:2");
    assertThat(KeyedServiceCached.keyForPage(null, 2)).isEqualTo("user:{\\0}:page:2");
    assertThat(KeyedServiceCached.keyForById(42)).isEqualTo("id:{42}");

    BaseCache cache = handler.get("default");
    service.page(new User(1, "ann"), 2);
    service.page(new User(7, "ann"), 2); // the id is not in the key
    assertThat(service.calls("page")).isEqualTo(1);
    assertThat(cache.makeKey(KeyedServiceCached.keyForPage(new User(1, "ann"), 2)))
        .isEqualTo("app:1:user:{ann}:page:2");
    assertThat(cache.hasKey(KeyedServiceCached.keyForPage(new User(1, "ann"), 2))).isTrue();
    service.forgetPage(new User(3, "ann"), 2); // @CacheEvict of the same shape and tag
    assertThat(cache.hasKey(KeyedServiceCached.keyForPage(new User(1, "ann"), 2))).isFalse();
    service.page(new User(1, ""), 2);
    assertThat(cache.hasKey(KeyedServiceCached.keyForPage(new User(1, ""), 2))).isTrue();
    KeyedServiceCached.evictPage(new User(1, ""), 2);
    assertThat(cache.hasKey(KeyedServiceCached.keyForPage(new User(1, ""), 2))).isFalse();

    service.byId(42); // the memoized made key has the tag too
    service.byId(42);
    assertThat(service.calls("byId")).isEqualTo(1);
    assertThat(cache.hasKey("id:{42}")).isTrue();
  }

  @Test
  void nullAlongAPropertyPathRendersAsNull() {
    install();
    assertThat(KeyedServiceCached.keyForOwner(null)).isEqualTo("owner:\\0:\\0");
    assertThat(KeyedServiceCached.keyForOwner(new User(42, null))).isEqualTo("owner:42:\\0");
    assertThat(KeyedServiceCached.keyForOwner(new User(42, "ann"))).isEqualTo("owner:42:ann");
    service.owner(null);
    service.owner(null);
    assertThat(service.calls("owner")).isEqualTo(1);

    assertThat(KeyedServiceCached.keyForOrderTag(null)).isEqualTo("order:\\0");
    assertThat(KeyedServiceCached.keyForOrderTag(new Order(null, 1, 'a'))).isEqualTo("order:\\0");
    assertThat(KeyedServiceCached.keyForOrderTag(new Order(new Tag("t", "u"), 1, 'a')))
        .isEqualTo("order:t");
  }

  @Test
  void boxesAndCharsRenderLikeTheirPrimitives() {
    install();
    String prefix =
        "io.cachegen.processor.fixtures.KeyedService.boxes(java.lang.Character,java.lang.Integer):";
    assertThat(KeyedServiceCached.keyForBoxes(':', 1)).isEqualTo(prefix + "\\::1");
    assertThat(KeyedServiceCached.keyForBoxes(null, null)).isEqualTo(prefix + "\\0:\\0");
    service.boxes(null, null);
    service.boxes(null, null);
    service.boxes('n', null);
    assertThat(service.calls("boxes")).isEqualTo(2);

    service.chars(':', new char[] {':'}, new byte[] {1});
    service.chars(':', new char[] {':'}, new byte[] {1});
    service.chars(':', new char[] {':'}, new byte[] {2});
    assertThat(service.calls("chars")).isEqualTo(2);
  }

  @Test
  void varargsAreKeyedByContent() {
    install();
    assertThat(service.sum(1, 2)).isEqualTo(3);
    assertThat(service.sum(3)).isEqualTo(3);
    assertThat(service.sum(1, 2)).isEqualTo(3);
    assertThat(service.sum(12)).isEqualTo(12);
    assertThat(service.calls("sum")).isEqualTo(3);
    assertThat(KeyedServiceCached.keyForSum(1, 2)).endsWith(".sum(int[]):[1,2]");
    assertThat(KeyedServiceCached.keyForSum()).endsWith(".sum(int[]):[]");
  }

  @Test
  void madeKeyIsTheAliasMakeKeyOfTheCallerKey() {
    install(Map.of("caches.default.key_prefix", "app", "caches.default.version", "3"), null, null);
    service.dash("a", "b");
    BaseCache cache = handler.get("default");
    assertThat(cache.hasKey(KeyedServiceCached.keyForDash("a", "b"))).isTrue();
    assertThat(cache.makeKey("k")).isEqualTo("app:3:k");
    CacheSite.Bound bound = CacheSite.evict("default").build().bind();
    assertThat(bound.keyPrefix()).isEqualTo("app:3:");
    assertThat(bound.finishKey(bound.keyPrefix() + "k")).isEqualTo(cache.makeKey("k"));
    service.dash("a", "b");
    assertThat(service.calls("dash")).isEqualTo(1);
    KeyedServiceCached.evictDash("a", "b");
    assertThat(cache.hasKey(KeyedServiceCached.keyForDash("a", "b"))).isFalse();
  }

  @Test
  void customKeyFunctionIsStillApplied() {
    install(
        Map.of("caches.default.key_function", "upper", "caches.default.key_prefix", "p"),
        "upper",
        (key, prefix, version) -> (prefix + "/" + version + "/" + key).toUpperCase());
    service.dash("a", "b");
    BaseCache cache = handler.get("default");
    assertThat(cache.makeKey("dash:a-b")).isEqualTo("P/1/DASH:A-B");
    CacheSite.Bound bound = CacheSite.evict("default").build().bind();
    assertThat(bound.keyPrefix()).isEmpty();
    assertThat(bound.finishKey(bound.keyPrefix() + "k")).isEqualTo(cache.makeKey("k"));
    assertThat(cache.hasKey("dash:a-b")).isTrue();
    service.dash("a", "b");
    assertThat(service.calls("dash")).isEqualTo(1);
    KeyedServiceCached.evictDash("a", "b");
    assertThat(cache.hasKey("dash:a-b")).isFalse();
  }
}
