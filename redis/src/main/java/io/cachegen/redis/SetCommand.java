package io.cachegen.redis;

import io.cachegen.runtime.Timeout;
import io.cachegen.runtime.spi.SetMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import redis.clients.jedis.AbstractPipeline;
import redis.clients.jedis.Protocol;
import redis.clients.jedis.Response;
import redis.clients.jedis.commands.ProtocolCommand;

/**
 * {@code SET key value [PX ms] [NX|XX]} as the raw arguments of {@code sendCommand}: the same call
 * on every supported Jedis line. (Jedis's {@code SetParams.px} returns a package-private type on
 * Jedis 6.0 and {@code SetParams} from 7.0, so code compiled against one line fails on the other;
 * see {@link JedisLine}.)
 */
final class SetCommand {
  static final ProtocolCommand SET = Protocol.Command.SET;
  private static final byte[] PX = bytes("PX");
  private static final byte[] NX = bytes("NX");
  private static final byte[] XX = bytes("XX");
  private static final byte[] OK = bytes("OK");

  private SetCommand() {}

  /**
   * The arguments after {@code SET}: key, value, then the expiry ({@code PX pxMillis}, none if
   * {@code pxMillis} is negative) and the condition if any.
   */
  static byte[][] args(byte[] key, byte[] value, long pxMillis, SetMode mode) {
    byte[][] args = new byte[6][];
    int n = 0;
    args[n++] = key;
    args[n++] = value;
    if (pxMillis >= 0) {
      args[n++] = PX;
      args[n++] = bytes(Long.toString(pxMillis));
    }
    if (mode == SetMode.IF_ABSENT) {
      args[n++] = NX;
    } else if (mode == SetMode.IF_PRESENT) {
      args[n++] = XX;
    }
    return n == args.length ? args : Arrays.copyOf(args, n);
  }

  /** The arguments for storing {@code value} with {@code timeout}. */
  static byte[][] args(byte[] key, byte[] value, Timeout timeout, SetMode mode) {
    return args(key, value, timeout.isNever() ? -1 : timeout.toMillis(), mode);
  }

  /**
   * Stores {@code value} in a cluster pipeline, which must see the key to route the command: {@code
   * PSETEX} (or {@code SET} without expiry) through the pipeline's typed methods, whose signatures
   * are the same on every Jedis line (raw arguments carry no key a cluster pipeline can read).
   */
  static Response<String> routed(AbstractPipeline pipe, byte[] key, byte[] value, Timeout timeout) {
    return timeout.isNever() ? pipe.set(key, value) : pipe.psetex(key, timeout.toMillis(), value);
  }

  /** Whether {@code reply} is {@code OK}: stored (a null reply is "NX/XX said no"). */
  static boolean stored(Object reply) {
    return reply instanceof byte[] b ? Arrays.equals(b, OK) : "OK".equals(reply);
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }
}
