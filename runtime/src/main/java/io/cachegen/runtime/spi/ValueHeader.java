package io.cachegen.runtime.spi;

import java.util.Arrays;

/**
 * The one owner of the stored value format: the small versioned header that a backend storing bytes
 * outside the JVM (Redis) writes before a value, so that a reader knows how the bytes were written
 * before it decodes them. Documented in {@code docs/VALUE-FORMAT.md}.
 *
 * <pre>
 *   byte 0     0xC0            magic: never the first byte of UTF-8 text (so of JSON), of Smile
 *                              (':'), gzip (0x1F), zlib (0x78) or a plain decimal integer
 *   byte 1     'g' (0x67)      magic
 *   byte 2     format version  1
 *   byte 3     flags           bit 0: the body is compressed (the compressor's own framing)
 *                              bit 1: an 8-byte schema fingerprint follows
 *                              bit 2: an 8-byte soft-expiry time (epoch milliseconds) follows
 *                              bits 3-7: reserved; a reader that meets one does not understand
 *                              the value
 *   [8 bytes   schema fingerprint, big-endian, if bit 1]
 *   [8 bytes   soft expiry, epoch millis, big-endian, if bit 2]
 *   body       the codec's bytes (JSON, Smile...), or their compressed form if bit 0
 * </pre>
 *
 * <p>Values written before the header existed (plain codec bytes, or gzip/zlib of them) have no
 * header and still read: {@link #read} says so with {@link #NONE}. A value whose version or flags
 * this version does not understand reads as {@link #UNKNOWN}: a clean miss, never a wrong value.
 *
 * <p>Reading allocates nothing: {@link #read} returns the header packed in a {@code long} (see
 * {@link #bodyOffset}, {@link #flags}), so a hit costs a few byte comparisons. Counters stored for
 * {@code INCRBY} (plain decimal text) and locks are written without a header.
 */
public final class ValueHeader {
  /** The first magic byte. */
  public static final byte MAGIC_0 = (byte) 0xC0;

  /** The second magic byte. */
  public static final byte MAGIC_1 = 'g';

  /** The format version this build writes and reads. */
  public static final byte VERSION = 1;

  /** Flag: the body is compressed, in the compressor's own framing. */
  public static final int COMPRESSED = 1;

  /** Flag: an 8-byte schema fingerprint follows the fixed header. */
  public static final int SCHEMA = 1 << 1;

  /** Flag: an 8-byte soft-expiry time (epoch milliseconds) follows. */
  public static final int SOFT_EXPIRY = 1 << 2;

  /** The flags this version understands. */
  static final int KNOWN_FLAGS = COMPRESSED | SCHEMA | SOFT_EXPIRY;

  /** The length of the fixed part: magic, version, flags. */
  public static final int FIXED_LENGTH = 4;

  /** What {@link #read} returns for bytes with no header (written before the header existed). */
  public static final long NONE = -1;

  /** What {@link #read} returns for a header this version does not understand. */
  public static final long UNKNOWN = -2;

  private static final byte[] PLAIN = {MAGIC_0, MAGIC_1, VERSION, 0};
  private static final byte[] PLAIN_COMPRESSED = {MAGIC_0, MAGIC_1, VERSION, COMPRESSED};

  private ValueHeader() {}

  /** The header of a value with no optional fields: {@code compressed} or not. Do not modify. */
  public static byte[] of(boolean compressed) {
    return compressed ? PLAIN_COMPRESSED.clone() : PLAIN.clone();
  }

  /**
   * The header of {@code stored}, packed: {@link #NONE} if it has none, {@link #UNKNOWN} if this
   * version does not understand it, else a value to pass to {@link #bodyOffset} and {@link #flags}.
   */
  public static long read(byte[] stored) {
    if (stored.length < FIXED_LENGTH || stored[0] != MAGIC_0 || stored[1] != MAGIC_1) {
      return NONE;
    }
    int flags = stored[3] & 0xFF;
    if (stored[2] != VERSION || (flags & ~KNOWN_FLAGS) != 0) {
      return UNKNOWN;
    }
    int offset =
        FIXED_LENGTH + ((flags & SCHEMA) != 0 ? 8 : 0) + ((flags & SOFT_EXPIRY) != 0 ? 8 : 0);
    if (offset > stored.length) {
      return UNKNOWN;
    }
    return ((long) flags << 32) | offset;
  }

  /** Where the body starts, for a {@link #read} result that is neither NONE nor UNKNOWN. */
  public static int bodyOffset(long header) {
    return (int) header;
  }

  /** The flags of a {@link #read} result that is neither NONE nor UNKNOWN. */
  public static int flags(long header) {
    return (int) (header >>> 32);
  }

  /** The schema fingerprint of {@code stored}, whose {@link #read} result is {@code header}. */
  public static long schemaFingerprint(byte[] stored, long header) {
    if ((flags(header) & SCHEMA) == 0) {
      throw new IllegalArgumentException("the value has no schema fingerprint");
    }
    return readLong(stored, FIXED_LENGTH);
  }

  /**
   * The soft-expiry time (epoch millis) of {@code stored}, whose {@link #read} is {@code header}.
   */
  public static long softExpiry(byte[] stored, long header) {
    int flags = flags(header);
    if ((flags & SOFT_EXPIRY) == 0) {
      throw new IllegalArgumentException("the value has no soft-expiry time");
    }
    return readLong(stored, FIXED_LENGTH + ((flags & SCHEMA) != 0 ? 8 : 0));
  }

  /**
   * A header with the optional fields: {@code schema} and {@code softExpiry} are written when
   * non-null.
   */
  public static byte[] of(boolean compressed, Long schema, Long softExpiry) {
    int flags =
        (compressed ? COMPRESSED : 0)
            | (schema != null ? SCHEMA : 0)
            | (softExpiry != null ? SOFT_EXPIRY : 0);
    byte[] header =
        Arrays.copyOf(
            PLAIN, FIXED_LENGTH + (schema != null ? 8 : 0) + (softExpiry != null ? 8 : 0));
    header[3] = (byte) flags;
    int at = FIXED_LENGTH;
    if (schema != null) {
      writeLong(header, at, schema);
      at += 8;
    }
    if (softExpiry != null) {
      writeLong(header, at, softExpiry);
    }
    return header;
  }

  /** {@code header} followed by {@code body}, in one new array. */
  public static byte[] prepend(byte[] header, byte[] body) {
    byte[] out = Arrays.copyOf(header, header.length + body.length);
    System.arraycopy(body, 0, out, header.length, body.length);
    return out;
  }

  private static long readLong(byte[] b, int at) {
    long v = 0;
    for (int i = 0; i < 8; i++) {
      v = (v << 8) | (b[at + i] & 0xFF);
    }
    return v;
  }

  private static void writeLong(byte[] b, int at, long v) {
    for (int i = 7; i >= 0; i--) {
      b[at + i] = (byte) v;
      v >>>= 8;
    }
  }
}
