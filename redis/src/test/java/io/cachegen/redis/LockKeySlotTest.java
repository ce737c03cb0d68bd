package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;

import io.cachegen.runtime.KeyFunction;
import io.cachegen.runtime.internal.KeyParts;
import io.cachegen.runtime.spi.DistributedLocking;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import redis.clients.jedis.util.JedisClusterCRC16;

/**
 * The stampede guard's lock ({@link DistributedLocking#lockKey}) is in its value key's Redis
 * Cluster slot, by Jedis's own slot function: for keys generated code makes, with and without a
 * hash tag, and for any key a {@code BaseCache} caller, a {@code key_prefix} or a {@code
 * key_function} can make, braces included.
 */
class LockKeySlotTest {
  private static final String ALPHABET = "ab{}:\\o,=[]é\uD83D\uDE00";

  private final Random random = new Random(14);

  private String randomText(int maxLength) {
    StringBuilder sb = new StringBuilder();
    int length = random.nextInt(maxLength + 1);
    for (int i = 0; i < length; i++) {
      int at = random.nextInt(ALPHABET.length() - 1);
      char c = ALPHABET.charAt(at);
      sb.append(Character.isHighSurrogate(c) ? ALPHABET.substring(at, at + 2) : String.valueOf(c));
    }
    return sb.toString();
  }

  private static void assertSameSlot(String key, List<String> wrong) {
    String lock = DistributedLocking.lockKey(key);
    if (JedisClusterCRC16.getSlot(lock) != JedisClusterCRC16.getSlot(key)) {
      wrong.add(key + " -> " + lock);
    }
  }

  @Test
  void generatedKeysWithoutAHashTagAreTheLocksTag() {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      String prefix = KeyFunction.defaultPrefix("app", 1);
      String key =
          prefix
              + "user:"
              + KeyParts.string(randomText(12))
              + ":"
              + KeyParts.of(Map.of(randomText(4), List.of(randomText(4))));
      assertThat(key).doesNotContain("{", "}");
      assertThat(DistributedLocking.lockKey(key)).isEqualTo("{" + key + "}:lock");
      assertSameSlot(key, wrong);
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void generatedKeysWithAHashTagShareItWithTheirLock() {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 5_000; i++) {
      String value = randomText(12);
      String tag = KeyParts.tag(KeyParts.string(value));
      String key = KeyFunction.defaultPrefix("app", 1) + "user:{" + tag + "}:orders";
      assertThat(JedisClusterCRC16.getSlot(key))
          .as("hashed on the tag alone: %s", key)
          .isEqualTo(JedisClusterCRC16.getSlot(tag));
      assertThat(DistributedLocking.lockKey(key)).isEqualTo(key + ":lock");
      assertSameSlot(key, wrong);
    }
    assertThat(wrong).isEmpty();
  }

  @Test
  void anyKeyBracesIncludedSharesItsSlotWithItsLock() {
    List<String> wrong = new ArrayList<>();
    for (int i = 0; i < 20_000; i++) {
      String key = randomText(16);
      assertSameSlot(key, wrong);
      assertThat(DistributedLocking.lockKey(key)).contains(key);
    }
    for (String key :
        List.of("", "{", "}", "{}", "}{", "{}{a}", "a}b", "x{}", "{a}", "a{b", "p{}:1:user:{42}")) {
      assertSameSlot(key, wrong);
    }
    assertThat(wrong).isEmpty();
  }
}
