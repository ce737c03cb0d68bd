package io.cachegen.runtime.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The stampede guard's lock key is in its value key's Redis Cluster slot. Slots are checked here
 * against Redis's published values; the Redis module checks them against Jedis's own CRC16.
 */
class LockKeyTest {

  @Test
  void slotsAreRedisClusters() {
    byte[] check = "123456789".getBytes(StandardCharsets.US_ASCII);
    assertThat(ClusterSlots.crc16(check, 0, check.length)).isEqualTo(0x31C3); // the spec's check
    assertThat(ClusterSlots.slot("foo")).isEqualTo(12182); // CLUSTER KEYSLOT foo
    assertThat(ClusterSlots.slot("bar")).isEqualTo(5061);
    assertThat(ClusterSlots.slot("hello")).isEqualTo(866);
    assertThat(ClusterSlots.slot("x{foo}y")).isEqualTo(12182);
    assertThat(ClusterSlots.slot("{foo}{bar}")).isEqualTo(12182); // the first tag only
    assertThat(ClusterSlots.slot("{}{foo}")).isNotEqualTo(12182); // empty: the whole key
    assertThat(ClusterSlots.slot("foo}{")).isNotEqualTo(12182);
  }

  @Test
  void everySlotHasABraceFreeTag() {
    for (int slot = 0; slot < ClusterSlots.SLOTS; slot++) {
      String tag = ClusterSlots.tagFor(slot);
      assertThat(tag).hasSize(4).doesNotContain("{", "}");
      assertThat(ClusterSlots.slot(tag)).as("tag %s", tag).isEqualTo(slot);
    }
  }

  @Test
  void aKeyWithAHashTagKeepsIt() {
    assertThat(DistributedLocking.lockKey("users:1:user:{42}:orders"))
        .isEqualTo("users:1:user:{42}:orders:lock");
    assertThat(DistributedLocking.lockKey("{app}:1:user:42")).isEqualTo("{app}:1:user:42:lock");
    assertThat(DistributedLocking.lockKey("a{b{c}d}")).isEqualTo("a{b{c}d}:lock");
    // a } before the first { does not matter
    assertThat(DistributedLocking.lockKey("p}:1:user:{42}")).isEqualTo("p}:1:user:{42}:lock");
  }

  @Test
  void aKeyWithoutOneIsTheLocksHashTag() {
    assertThat(DistributedLocking.lockKey("users:1:user:42")).isEqualTo("{users:1:user:42}:lock");
    assertThat(DistributedLocking.lockKey("a{b")).isEqualTo("{a{b}:lock");
    assertThat(DistributedLocking.lockKey("x\\oy\\c")).isEqualTo("{x\\oy\\c}:lock");
  }

  @Test
  void aKeyWithABraceThatClosesNoTagGetsATagInItsSlot() {
    for (String key : List.of("a}b", "{}x", "x{}", "}{", "", "{}{a}")) {
      String lock = DistributedLocking.lockKey(key);
      assertThat(lock).as(key).endsWith("}:" + key + ":lock").startsWith("{");
      assertThat(ClusterSlots.slot(lock)).as(key).isEqualTo(ClusterSlots.slot(key));
    }
  }

  @Test
  void lockAndValueShareASlotForManyKeys() {
    List<String> wrong = new ArrayList<>();
    String[] parts = {"", "a", "{", "}", "{}", "{x}", ":", "é", "\uD83D\uDE00", "\uD800", "42"};
    for (String a : parts) {
      for (String b : parts) {
        for (String c : parts) {
          String key = "p" + a + ":" + b + c;
          String lock = DistributedLocking.lockKey(key);
          if (ClusterSlots.slot(lock) != ClusterSlots.slot(key) || !lock.contains(key)) {
            wrong.add(key + " -> " + lock);
          }
        }
      }
    }
    assertThat(wrong).isEmpty();
  }
}
