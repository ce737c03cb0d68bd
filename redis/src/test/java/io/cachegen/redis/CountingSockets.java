package io.cachegen.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.SocketException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.UnaryOperator;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Wraps each server's socket factory (in the order the servers are made: primary first) to count,
 * per server, the connections opened and the writes sent on them. Jedis sends one small command (or
 * one pipeline) per write, so writes count commands sent. For {@link
 * RedisCache#RedisCache(io.cachegen.runtime.CacheSettings, io.cachegen.runtime.spi.BackendContext,
 * UnaryOperator)}.
 */
final class CountingSockets implements UnaryOperator<JedisSocketFactory> {
  private final List<Counts> servers = new CopyOnWriteArrayList<>();

  /** What one server's sockets did. */
  static final class Counts {
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();

    /** Sockets opened (connected or not). */
    long connections() {
      return connections.get();
    }

    /** Writes sent on this server's sockets. */
    long writes() {
      return writes.get();
    }

    /** Connections and writes so far, as {@code [connections, writes]}. */
    List<Long> snapshot() {
      return List.of(connections.get(), writes.get());
    }
  }

  @Override
  public JedisSocketFactory apply(JedisSocketFactory real) {
    Counts counts = new Counts();
    servers.add(counts);
    return () -> {
      counts.connections.incrementAndGet();
      return new CountingSocket(real.createSocket(), counts.writes);
    };
  }

  /** The counts of the {@code index}th server of the location (0 = primary). */
  Counts server(int index) {
    return servers.get(index);
  }

  /** A {@link Socket} that forwards what Jedis uses to a real one, counting writes. */
  private static final class CountingSocket extends Socket {
    private final Socket real;
    private final OutputStream out;

    CountingSocket(Socket real, AtomicLong writes) {
      this.real = real;
      OutputStream realOut;
      try {
        realOut = real.getOutputStream();
      } catch (IOException e) {
        throw new JedisConnectionException(e);
      }
      this.out =
          new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              writes.incrementAndGet();
              realOut.write(b);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              writes.incrementAndGet();
              realOut.write(b, off, len);
            }

            @Override
            public void flush() throws IOException {
              realOut.flush();
            }
          };
    }

    @Override
    public InputStream getInputStream() throws IOException {
      return real.getInputStream();
    }

    @Override
    public OutputStream getOutputStream() {
      return out;
    }

    @Override
    public void setSoTimeout(int timeout) throws SocketException {
      real.setSoTimeout(timeout);
    }

    @Override
    public int getSoTimeout() throws SocketException {
      return real.getSoTimeout();
    }

    @Override
    public boolean isConnected() {
      return real.isConnected();
    }

    @Override
    public boolean isBound() {
      return real.isBound();
    }

    @Override
    public boolean isClosed() {
      return real.isClosed();
    }

    @Override
    public boolean isInputShutdown() {
      return real.isInputShutdown();
    }

    @Override
    public boolean isOutputShutdown() {
      return real.isOutputShutdown();
    }

    @Override
    public SocketAddress getRemoteSocketAddress() {
      return real.getRemoteSocketAddress();
    }

    @Override
    public SocketAddress getLocalSocketAddress() {
      return real.getLocalSocketAddress();
    }

    @Override
    public void close() throws IOException {
      real.close();
    }
  }
}
