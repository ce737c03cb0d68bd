package io.cachegen.runtime.spi;

import java.nio.charset.StandardCharsets;

/**
 * Redis Cluster's key slots, computed as a cluster does, so that {@link
 * DistributedLocking#lockKey(String)} can put a lock in the slot of the key it guards on every
 * backend, without knowing whether an alias is a cluster. A key's slot is the CRC16 (XMODEM) of its
 * hash tag, modulo 16384, or of the whole key when it has none; the hash tag is what lies between
 * the first <code>&#123;</code> and the first <code>&#125;</code> after it, if that is not empty.
 * Keys are the UTF-8 bytes of the Java string, as Jedis sends them.
 */
final class ClusterSlots {
  /** Slots in a Redis Cluster. */
  static final int SLOTS = 16384;

  /** The CRC16 of each byte value, for the byte-at-a-time update. */
  private static final char[] CRC_TABLE = crcTable();

  private ClusterSlots() {}

  /** Whether Redis Cluster hashes {@code key} on a hash tag rather than on the whole key. */
  static boolean hasHashTag(String key) {
    int open = key.indexOf('{');
    return open >= 0 && key.indexOf('}', open + 1) > open + 1;
  }

  /** The slot Redis Cluster stores {@code key} in. */
  static int slot(String key) {
    byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
    int from = 0;
    int to = bytes.length;
    int open = indexOf(bytes, (byte) '{', 0);
    if (open >= 0) {
      int close = indexOf(bytes, (byte) '}', open + 1);
      if (close > open + 1) {
        from = open + 1;
        to = close;
      }
    }
    return crc16(bytes, from, to) & (SLOTS - 1);
  }

  /**
   * A short text without braces whose slot is {@code slot}: four characters from {@code @A...O}
   * (Redis Cluster has far fewer slots than such texts, and every slot has one; a test checks them
   * all).
   */
  static String tagFor(int slot) {
    char nibbles = Tags.BY_SLOT[slot];
    char[] text = new char[4];
    for (int i = 0; i < 4; i++) {
      text[i] = (char) ('@' + ((nibbles >>> (12 - 4 * i)) & 0xF));
    }
    return new String(text);
  }

  /** The CRC16 (XMODEM: polynomial 0x1021, initial value 0) of {@code bytes[from..to)}. */
  static int crc16(byte[] bytes, int from, int to) {
    int crc = 0;
    for (int i = from; i < to; i++) {
      crc = ((crc << 8) ^ CRC_TABLE[((crc >>> 8) ^ bytes[i]) & 0xFF]) & 0xFFFF;
    }
    return crc;
  }

  private static int indexOf(byte[] bytes, byte b, int from) {
    for (int i = from; i < bytes.length; i++) {
      if (bytes[i] == b) {
        return i;
      }
    }
    return -1;
  }

  private static char[] crcTable() {
    char[] table = new char[256];
    for (int b = 0; b < 256; b++) {
      int crc = b << 8;
      for (int bit = 0; bit < 8; bit++) {
        crc = (crc & 0x8000) != 0 ? (crc << 1) ^ 0x1021 : crc << 1;
      }
      table[b] = (char) (crc & 0xFFFF);
    }
    return table;
  }

  /**
   * For each slot, the first four-nibble text (as 16 bits, one character {@code '@' + nibble} each)
   * in that slot: built on first use, only for keys whose lock cannot simply wrap them.
   */
  private static final class Tags {
    static final char[] BY_SLOT = build();

    private static char[] build() {
      char[] bySlot = new char[SLOTS];
      boolean[] found = new boolean[SLOTS];
      byte[] text = new byte[4];
      for (int n = 0; n <= 0xFFFF; n++) {
        for (int i = 0; i < 4; i++) {
          text[i] = (byte) ('@' + ((n >>> (12 - 4 * i)) & 0xF));
        }
        int slot = crc16(text, 0, 4) & (SLOTS - 1);
        if (!found[slot]) {
          found[slot] = true;
          bySlot[slot] = (char) n;
        }
      }
      return bySlot;
    }
  }
}
