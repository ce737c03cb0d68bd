package io.cachegen.redis;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Path;
import redis.clients.jedis.JedisSocketFactory;
import redis.clients.jedis.exceptions.JedisConnectionException;

/**
 * Opens connections to {@code unix:///path/redis.sock} locations with the JDK's Unix-domain
 * channels (JDK 16+), wrapped in a {@link Socket} so Jedis can use them. Reads and writes honour
 * {@code socket_timeout} through a selector, as a TCP socket's {@code SO_TIMEOUT} would.
 */
final class UnixSocketFactory implements JedisSocketFactory {
  private final Path path;
  private final int connectTimeoutMillis;
  private final int socketTimeoutMillis;

  UnixSocketFactory(String path, int connectTimeoutMillis, int socketTimeoutMillis) {
    this.path = Path.of(path);
    this.connectTimeoutMillis = connectTimeoutMillis;
    this.socketTimeoutMillis = socketTimeoutMillis;
  }

  @Override
  public Socket createSocket() {
    SocketChannel channel = null;
    Selector selector = null;
    try {
      channel = SocketChannel.open(StandardProtocolFamily.UNIX);
      channel.configureBlocking(false);
      selector = Selector.open();
      if (!channel.connect(UnixDomainSocketAddress.of(path))) {
        channel.register(selector, SelectionKey.OP_CONNECT);
        if (selector.select(connectTimeoutMillis) == 0) {
          throw new SocketTimeoutException("connect timed out");
        }
        channel.finishConnect();
      }
      return new ChannelSocket(channel, selector, socketTimeoutMillis);
    } catch (IOException | RuntimeException e) {
      // the selector holds file descriptors of its own: a failed connect must close both
      closeQuietly(selector);
      closeQuietly(channel);
      throw new JedisConnectionException("Failed to connect to unix:" + path, e);
    }
  }

  private static void closeQuietly(Closeable c) {
    if (c == null) {
      return;
    }
    try {
      c.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  /** A {@link Socket} face over a non-blocking Unix-domain channel. */
  private static final class ChannelSocket extends Socket {
    private final SocketChannel channel;
    private final Selector selector;
    private volatile int timeoutMillis;
    private final InputStream in;
    private final OutputStream out;

    ChannelSocket(SocketChannel channel, Selector selector, int timeoutMillis) {
      this.channel = channel;
      this.selector = selector;
      this.timeoutMillis = timeoutMillis;
      this.in =
          new InputStream() {
            @Override
            public int read() throws IOException {
              byte[] one = new byte[1];
              return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
              if (len == 0) {
                return 0;
              }
              ByteBuffer buf = ByteBuffer.wrap(b, off, len);
              while (true) {
                int n = channel.read(buf);
                if (n != 0) {
                  return n;
                }
                await(SelectionKey.OP_READ);
              }
            }
          };
      this.out =
          new OutputStream() {
            @Override
            public void write(int b) throws IOException {
              write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
              ByteBuffer buf = ByteBuffer.wrap(b, off, len);
              while (buf.hasRemaining()) {
                if (channel.write(buf) == 0) {
                  await(SelectionKey.OP_WRITE);
                }
              }
            }
          };
    }

    private synchronized void await(int op) throws IOException {
      SelectionKey key = channel.register(selector, op);
      try {
        int ready = selector.select(timeoutMillis);
        if (ready == 0) {
          throw new SocketTimeoutException("Read timed out");
        }
        selector.selectedKeys().clear();
      } finally {
        key.interestOps(0);
      }
    }

    @Override
    public InputStream getInputStream() {
      return in;
    }

    @Override
    public OutputStream getOutputStream() {
      return out;
    }

    @Override
    public void setSoTimeout(int timeout) {
      this.timeoutMillis = timeout;
    }

    @Override
    public int getSoTimeout() {
      return timeoutMillis;
    }

    @Override
    public boolean isConnected() {
      return channel.isConnected();
    }

    @Override
    public boolean isBound() {
      return channel.isOpen();
    }

    @Override
    public boolean isClosed() {
      return !channel.isOpen();
    }

    @Override
    public boolean isInputShutdown() {
      return false;
    }

    @Override
    public boolean isOutputShutdown() {
      return false;
    }

    @Override
    public void setTcpNoDelay(boolean on) {}

    @Override
    public void setKeepAlive(boolean on) {}

    @Override
    public void setSoLinger(boolean on, int linger) {}

    @Override
    public void setReuseAddress(boolean on) {}

    @Override
    public synchronized void close() throws IOException {
      try {
        selector.close();
      } finally {
        channel.close();
      }
    }
  }
}
