package io.cachegen.redis;

import io.cachegen.runtime.CacheConfigurationException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.InflaterInputStream;

/**
 * Compresses stored payloads ({@code options.compressor}). Each format is recognised by its header,
 * so an alias with a compressor also reads values stored plain or by another compressor; an alias
 * whose compressor is {@code none} inflates nothing (see {@link RedisPayloads}). Implementations
 * are stateless and thread-safe.
 */
interface Compressor {
  /** The names {@link #named} accepts. */
  List<String> NAMES = List.of("none", "gzip", "zlib", "deflate");

  /** The name users select it by, e.g. {@code gzip}. */
  String id();

  /** Compresses {@code raw}. */
  byte[] compress(byte[] raw);

  /** Whether {@code stored} starts with this format's header. */
  boolean recognises(byte[] stored);

  /**
   * Decompresses {@code stored}, to at most {@link #DEFAULT_MAX_SIZE} bytes.
   *
   * @throws IOException if the bytes are not in this format
   * @throws TooLargeException if they decompress to more than {@link #DEFAULT_MAX_SIZE} bytes
   */
  default byte[] decompress(byte[] stored) throws IOException {
    return decompress(stored, DEFAULT_MAX_SIZE);
  }

  /**
   * Decompresses {@code stored}, giving up as soon as the output would pass {@code maxSize} bytes,
   * so a small "compression bomb" cannot exhaust the heap: at most about 1.5 times {@code maxSize}
   * bytes are ever held.
   *
   * @throws IOException if the bytes are not in this format
   * @throws TooLargeException if they decompress to more than {@code maxSize} bytes
   */
  byte[] decompress(byte[] stored, int maxSize) throws IOException;

  /**
   * The default bound on a decompressed value ({@code options.max_value_size}): 16 MiB, which a
   * service can afford to hold several times over at once.
   */
  int DEFAULT_MAX_SIZE = 16 * 1024 * 1024;

  /** A payload that decompresses to more than the allowed size. */
  final class TooLargeException extends IOException {
    private static final long serialVersionUID = 1L;

    TooLargeException(int maxSize) {
      super("decompresses to more than " + maxSize + " bytes (options.max_value_size)");
    }
  }

  /**
   * The compressor called {@code name}: {@code none}, {@code gzip}, or {@code zlib} ({@code
   * deflate} is the same format).
   *
   * @throws CacheConfigurationException naming {@code property} for any other name
   */
  static Compressor named(String name, String property) {
    return switch (name.trim().toLowerCase(Locale.ROOT)) {
      case "none", "" -> Builtin.NONE;
      case "gzip" -> Builtin.GZIP;
      case "zlib", "deflate" -> Builtin.ZLIB;
      default ->
          throw new CacheConfigurationException(
              property + " = '" + name + "' is not a compressor; use one of " + NAMES);
    };
  }

  /** The JDK compressors. */
  enum Builtin implements Compressor {
    NONE {
      @Override
      public byte[] compress(byte[] raw) {
        return raw;
      }

      @Override
      public boolean recognises(byte[] stored) {
        return false;
      }

      @Override
      public byte[] decompress(byte[] stored, int maxSize) throws TooLargeException {
        if (stored.length > maxSize) {
          throw new TooLargeException(maxSize);
        }
        return stored;
      }
    },
    GZIP {
      @Override
      public byte[] compress(byte[] raw) {
        return write(raw, GZIPOutputStream::new);
      }

      @Override
      public boolean recognises(byte[] stored) {
        return stored.length > 2 && (stored[0] & 0xff) == 0x1f && (stored[1] & 0xff) == 0x8b;
      }

      @Override
      public byte[] decompress(byte[] stored, int maxSize) throws IOException {
        return readBounded(
            new GZIPInputStream(new ByteArrayInputStream(stored)), stored.length, maxSize);
      }
    },
    ZLIB {
      @Override
      public byte[] compress(byte[] raw) {
        return write(raw, DeflaterOutputStream::new);
      }

      @Override
      public boolean recognises(byte[] stored) {
        // RFC 1950: CM=8 (deflate) in the low nibble, and the 16-bit header is a multiple of 31
        return stored.length > 2
            && (stored[0] & 0x0f) == 8
            && (((stored[0] & 0xff) << 8) | (stored[1] & 0xff)) % 31 == 0;
      }

      @Override
      public byte[] decompress(byte[] stored, int maxSize) throws IOException {
        return readBounded(
            new InflaterInputStream(new ByteArrayInputStream(stored)), stored.length, maxSize);
      }
    };

    @Override
    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Java's largest array, less one so that one byte more can be read to detect overflow. */
    private static final int MAX_ARRAY = Integer.MAX_VALUE - 9;

    /** The first output buffer, relative to the compressed size. */
    private static final int FIRST_RATIO = 4;

    /**
     * Reads {@code stream} into one buffer that doubles as data arrives, up to {@code maxSize + 1}
     * bytes: a bomb costs at most the last two buffers (about 1.5 times {@code maxSize}).
     */
    private static byte[] readBounded(InputStream stream, int storedSize, int maxSize)
        throws IOException {
      int limit = Math.min(maxSize, MAX_ARRAY) + 1;
      try (InputStream in = stream) {
        byte[] buf =
            new byte[(int) Math.min(limit, Math.max(256L, (long) storedSize * FIRST_RATIO))];
        int n = 0;
        while (true) {
          if (n == buf.length) {
            if (n == limit) {
              throw new TooLargeException(maxSize);
            }
            buf = Arrays.copyOf(buf, (int) Math.min(limit, 2L * n));
          }
          int read = in.read(buf, n, buf.length - n);
          if (read < 0) {
            return n == buf.length ? buf : Arrays.copyOf(buf, n);
          }
          n += read;
        }
      }
    }

    private interface StreamMaker {
      OutputStream wrap(OutputStream out) throws IOException;
    }

    private static byte[] write(byte[] raw, StreamMaker maker) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream(Math.max(32, raw.length / 2));
      try (OutputStream out = maker.wrap(bytes)) {
        out.write(raw);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return bytes.toByteArray();
    }
  }
}
