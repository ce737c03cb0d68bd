package io.cachegen.redis;

import io.cachegen.runtime.CacheConfig;
import io.cachegen.runtime.CacheHandler;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.utility.DockerImageName;
import redis.clients.jedis.UnifiedJedis;

/**
 * The one Redis fixture for every Redis test in the project (published in the cachegen-redis
 * test-jar, so processor/, example/ and benchmarks/ reuse it).
 *
 * <p>{@link #shared()} picks, in order: (1) the {@code REDIS_URL} environment variable, never
 * flushed (use {@link #uniquePrefix()} for keys); (2) a private {@code redis-server} from the PATH
 * on a free port ({@code --save "" --appendonly no}, in a temporary directory), stopped when the
 * JVM exits; (3) a {@code redis:7-alpine} container through Testcontainers, if it is on the test
 * class path (it is for redis/) and a Docker engine answers; (4) otherwise it fails saying why each
 * way failed and how to get a Redis. See DEVELOPERS.md.
 *
 * <p>{@link #startPrivate(String...)} starts extra private servers for tests that need their own
 * (replicas, TLS, ACL users, kill/restart, SIGSTOP); those require {@code redis-server} on the
 * PATH. Only servers started here are ever flushed or killed.
 *
 * <p>It never skips a test under CI ({@code CI=true}): no Redis found, or no {@code redis-server}
 * for {@link #assumeRedisServerOnPath()}, is a failure there.
 *
 * <p>Private servers die with the JVM that started them, even when it is killed with SIGKILL and
 * its shutdown hooks never run: each runs under a small watchdog shell ({@link Server#WATCHDOG})
 * that kills it as soon as the JVM's end of the watchdog's standard input closes.
 */
public final class RedisFixture {
  private static final Set<Server> STARTED = ConcurrentHashMap.newKeySet();
  private static final AtomicInteger PREFIXES = new AtomicInteger();
  private static final String RUN = UUID.randomUUID().toString().substring(0, 8);
  private static volatile String sharedUrl;

  static {
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(() -> STARTED.forEach(Server::close), "redis-fixture-shutdown"));
  }

  private RedisFixture() {}

  /**
   * The URL ({@code redis://host:port/db}) of the Redis every ordinary test shares; see the class
   * comment for how it is chosen.
   *
   * @throws IllegalStateException saying how to get a Redis when none can be found
   */
  public static synchronized String shared() {
    if (sharedUrl != null) {
      return sharedUrl;
    }
    String env = System.getenv("REDIS_URL");
    if (env != null && !env.isBlank()) {
      return sharedUrl = env.trim();
    }
    List<String> why = new ArrayList<>(List.of("REDIS_URL is not set"));
    if (redisServerOnPath()) {
      try {
        return sharedUrl = startPrivate().url();
      } catch (IllegalStateException e) {
        why.add("redis-server from the PATH did not start: " + e.getMessage());
      }
    } else {
      why.add("redis-server is not on the PATH");
    }
    if (testcontainersOnClassPath()) {
      try {
        return sharedUrl = TestcontainersRedis.start();
      } catch (RuntimeException e) {
        why.add("Testcontainers: " + e.getMessage());
      }
    } else {
      why.add("Testcontainers is not on this module's test class path");
    }
    throw new IllegalStateException(noRedis(why));
  }

  /** Why no Redis could be had ({@code why}, one reason a line), and how to get one. */
  private static String noRedis(List<String> why) {
    return "The Redis tests need a Redis server, and none could be found:\n  - "
        + String.join("\n  - ", why)
        + "\nInstall one (apt-get install -y redis-server) so the tests start a private"
        + " redis-server, or set REDIS_URL=redis://host:port/db (that server is never flushed),"
        + " or run a Docker engine for Testcontainers. See DEVELOPERS.md.";
  }

  /**
   * For a test that starts its own servers: skips it when {@code redis-server} is not on the PATH,
   * so that a developer without one still runs the others; but under CI (the environment variable
   * {@code CI} is {@code true}) it fails the test with the fixture's explanation, so that a CI run
   * never passes with Redis tests skipped.
   */
  public static void assumeRedisServerOnPath() {
    requireOrSkip(redisServerOnPath(), System.getenv("CI"), "redis-server is not on the PATH");
  }

  /**
   * {@link #assumeRedisServerOnPath()}'s decision, given whether the server is {@code available}
   * and the value of {@code CI} ({@code null} when unset).
   *
   * @throws IllegalStateException (a failure) when unavailable under {@code CI=true}
   * @throws org.opentest4j.TestAbortedException (a skip) when unavailable elsewhere
   */
  static void requireOrSkip(boolean available, String ci, String why) {
    if (available) {
      return;
    }
    if ("true".equalsIgnoreCase(ci)) {
      throw new IllegalStateException(
          noRedis(List.of(why, "CI=true, so this test fails instead of being skipped")));
    }
    Assumptions.abort(why + " (under CI=true this fails)");
  }

  private static boolean testcontainersOnClassPath() {
    try {
      // a presence check only: modules reusing this fixture through the test-jar may lack it
      Class.forName(
          "org.testcontainers.DockerClientFactory", false, RedisFixture.class.getClassLoader());
      return true;
    } catch (ClassNotFoundException | LinkageError e) {
      return false;
    }
  }

  /** Whether {@link #shared()} is a server this fixture started (and may therefore flush). */
  public static boolean sharedIsPrivate() {
    String url = shared();
    return STARTED.stream().anyMatch(s -> s.url().equals(url));
  }

  /** A key prefix no other test (or test run) uses, e.g. {@code t3-1a2b3c4d}. */
  public static String uniquePrefix() {
    return "t" + PREFIXES.incrementAndGet() + "-" + RUN;
  }

  /** Whether {@code redis-server} is on the PATH, so {@link #startPrivate} can work. */
  public static boolean redisServerOnPath() {
    String path = System.getenv("PATH");
    if (path == null) {
      return false;
    }
    return Stream.of(path.split(File.pathSeparator))
        .anyMatch(dir -> Files.isExecutable(Path.of(dir, "redis-server")));
  }

  /**
   * Starts a private {@code redis-server} on a free port of 127.0.0.1, with no persistence, plus
   * {@code extraArgs} (e.g. {@code "--requirepass", "s3cret"}). Stopped by {@link Server#close()}
   * or when the JVM exits.
   */
  public static Server startPrivate(String... extraArgs) {
    return startPrivateOn(0, extraArgs);
  }

  /**
   * Starts a private TLS-only server with certificates made by {@code openssl} in a temporary
   * directory (see {@link Server#caFile()}); clients are not asked for certificates.
   */
  public static Server startTls(String... extraArgs) {
    Path dir = tempDir("redis-tls-");
    TlsFiles.make(dir);
    int tlsPort = freePort();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--tls-port",
                Integer.toString(tlsPort),
                "--tls-cert-file",
                dir.resolve("server.crt").toString(),
                "--tls-key-file",
                dir.resolve("server.key").toString(),
                "--tls-ca-cert-file",
                dir.resolve("ca.crt").toString(),
                "--tls-auth-clients",
                "no"));
    args.addAll(List.of(extraArgs));
    Server s = new Server(0, tlsPort, dir.resolve("ca.crt"), args);
    s.start();
    STARTED.add(s);
    return s;
  }

  /**
   * Starts a Redis Sentinel on a free port, monitoring {@code primary} as {@code service} with
   * quorum {@code quorum}, {@code down-after-milliseconds} 1000 and {@code failover-timeout} 5000,
   * from a config file of its own (Sentinel rewrites it), plus {@code extraLines} (e.g. {@code
   * requirepass x}, {@code sentinel auth-pass ...}).
   */
  public static Server startSentinel(
      Server primary, String service, int quorum, String... extraLines) {
    if (!redisServerOnPath()) {
      throw new IllegalStateException(
          "redis-server is not on the PATH; install it with apt-get install -y redis-server");
    }
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      Server s = new Server(freePort(), 0, null, List.of("--sentinel"));
      List<String> lines =
          new ArrayList<>(
              List.of(
                  "sentinel monitor " + service + " 127.0.0.1 " + primary.port() + " " + quorum,
                  "sentinel down-after-milliseconds " + service + " 1000",
                  "sentinel failover-timeout " + service + " 5000",
                  "sentinel parallel-syncs " + service + " 1"));
      lines.addAll(List.of(extraLines));
      Path conf = s.dir.resolve("sentinel.conf");
      try {
        Files.write(conf, lines);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      s.configFile = conf;
      try {
        s.start();
        STARTED.add(s);
        return s;
      } catch (IllegalStateException e) {
        last = e;
      }
    }
    throw last;
  }

  /**
   * Starts a Redis Sentinel that speaks TLS only (its own TLS port, the certificates in {@code
   * tlsDir}, {@code tls-replication yes} so it reaches the data nodes and the other sentinels over
   * TLS too), monitoring {@code primaryTlsPort} on {@code localhost} as {@code service}, announcing
   * host names; plus {@code extraLines}.
   */
  static Server startTlsSentinel(
      Path tlsDir, int primaryTlsPort, String service, int quorum, String... extraLines) {
    int tlsPort = freePort();
    Server s = new Server(0, tlsPort, tlsDir.resolve("ca.crt"), List.of("--sentinel"));
    List<String> lines =
        new ArrayList<>(
            List.of(
                "tls-port " + tlsPort,
                "tls-cert-file " + tlsDir.resolve("server.crt"),
                "tls-key-file " + tlsDir.resolve("server.key"),
                "tls-ca-cert-file " + tlsDir.resolve("ca.crt"),
                "tls-auth-clients no",
                "tls-replication yes",
                "sentinel resolve-hostnames yes",
                "sentinel announce-hostnames yes",
                "sentinel monitor " + service + " localhost " + primaryTlsPort + " " + quorum,
                "sentinel down-after-milliseconds " + service + " 1000",
                "sentinel failover-timeout " + service + " 5000"));
    lines.addAll(List.of(extraLines));
    try {
      Files.write(s.dir.resolve("sentinel.conf"), lines);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    s.configFile = s.dir.resolve("sentinel.conf");
    s.start();
    STARTED.add(s);
    return s;
  }

  /** Starts a private TLS-only data node with the certificates in {@code tlsDir}. */
  static Server startTlsNode(Path tlsDir, String... extraArgs) {
    int tlsPort = freePort();
    List<String> args =
        new ArrayList<>(
            List.of(
                "--tls-port",
                Integer.toString(tlsPort),
                "--tls-cert-file",
                tlsDir.resolve("server.crt").toString(),
                "--tls-key-file",
                tlsDir.resolve("server.key").toString(),
                "--tls-ca-cert-file",
                tlsDir.resolve("ca.crt").toString(),
                "--tls-auth-clients",
                "no",
                "--tls-replication",
                "yes"));
    args.addAll(List.of(extraArgs));
    Server s = new Server(0, tlsPort, tlsDir.resolve("ca.crt"), args);
    s.start();
    STARTED.add(s);
    return s;
  }

  /** Starts {@code server} and stops it with the JVM, as the other private servers. */
  static void startServer(Server server) {
    server.start();
    STARTED.add(server);
  }

  /** Starts a private server on {@code port} (a cluster node, whose bus port must be free too). */
  static Server startPrivateOnPort(int port, String... extraArgs) {
    return startPrivateOn(port, extraArgs);
  }

  private static Server startPrivateOn(int port, String... extraArgs) {
    if (!redisServerOnPath()) {
      throw new IllegalStateException(
          "redis-server is not on the PATH; install it with" + " apt-get install -y redis-server");
    }
    IllegalStateException last = null;
    for (int attempt = 0; attempt < 3; attempt++) {
      Server s = new Server(port == 0 ? freePort() : port, 0, null, List.of(extraArgs));
      try {
        s.start();
        STARTED.add(s);
        return s;
      } catch (IllegalStateException e) {
        last = e; // most likely the free port was taken meanwhile
        if (port != 0) {
          break;
        }
      }
    }
    throw last;
  }

  static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Path tempDir(String prefix) {
    try {
      return Files.createTempDirectory(prefix);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A {@link RedisCache} under alias {@code redis-test} on {@code location}, built through {@link
   * io.cachegen.runtime.CacheHandler} (so the provider's validation runs), with a {@link
   * #uniquePrefix()} unless {@code settings} (relative to the alias, e.g. {@code
   * options.serializer}) names a {@code key_prefix}. Close it when done.
   */
  public static RedisCache cache(String location, Map<String, String> settings) {
    Map<String, String> props = new HashMap<>();
    props.put("caches.redis-test.backend", "redis");
    props.put("caches.redis-test.location", location);
    props.put("caches.redis-test.key_prefix", uniquePrefix());
    settings.forEach((k, v) -> props.put("caches.redis-test." + k, v));
    CacheHandler handler = CacheHandler.builder().config(CacheConfig.fromMap(props)).build();
    return (RedisCache) handler.get("redis-test");
  }

  /** Deletes a directory and everything in it; best effort. */
  public static void deleteTree(Path dir) {
    try (Stream<Path> files = Files.walk(dir)) {
      files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
    } catch (IOException e) {
      // best effort
    }
  }

  /** A Jedis client on {@code url}, for tests that look at the server behind the cache's back. */
  public static UnifiedJedis directClient(String url) {
    return DirectClients.open(URI.create(url));
  }

  /**
   * A private {@code redis-server} process. It can be killed and restarted on the same port, and
   * paused with SIGSTOP, for fault tests.
   */
  public static final class Server implements AutoCloseable {
    private final int port;
    private final int tlsPort;
    private final Path caFile;
    private final List<String> extraArgs;
    private final Path dir;

    /**
     * Runs {@code redis-server "$@"} in the background and prints {@code redis-fixture-pid <pid>};
     * a watcher reads the shell's standard input, whose other end only this JVM holds, and kills
     * the server with SIGKILL when it closes: when the JVM exits, however it exits, or when {@link
     * #kill()} closes it. The shell waits for the server, so it ends (and reaps it) when the server
     * ends for any reason; it never signals any other process.
     */
    static final String WATCHDOG =
        String.join(
            "\n",
            "exec 3<&0 </dev/null",
            "redis-server \"$@\" 3<&- &",
            "pid=$!",
            "echo \"redis-fixture-pid $pid\"",
            "{ while read -r _ <&3; do :; done; kill -KILL \"$pid\"; } >/dev/null 2>&1 &",
            "watcher=$!",
            "exec 3<&-",
            "wait \"$pid\"",
            "status=$?",
            "kill \"$watcher\" 2>/dev/null",
            "exit \"$status\"");

    private static final String PID_LINE = "redis-fixture-pid ";

    /** The watchdog shell; the server is its child {@link #pid}. */
    private volatile Process process;

    private volatile long pid;
    private volatile boolean paused;

    /** A config file given first on the command line (a sentinel needs one), or null. */
    private volatile Path configFile;

    Server(int port, int tlsPort, Path caFile, List<String> extraArgs) {
      this.port = port;
      this.tlsPort = tlsPort;
      this.caFile = caFile;
      this.extraArgs = List.copyOf(extraArgs);
      this.dir = tempDir("redis-fixture-");
    }

    /** The plain TCP port (0 for a TLS-only server). */
    public int port() {
      return port;
    }

    /** The TLS port (0 for a plain server). */
    public int tlsPort() {
      return tlsPort;
    }

    /** The CA certificate (PEM) that signed a TLS server's certificate, or null. */
    public Path caFile() {
      return caFile;
    }

    /** {@code redis://127.0.0.1:port/0}, or {@code rediss://localhost:tlsPort/0} for TLS. */
    public String url() {
      return tlsPort != 0
          ? "rediss://localhost:" + tlsPort + "/0"
          : "redis://127.0.0.1:" + port + "/0";
    }

    /** {@code 127.0.0.1:port}. */
    public String hostAndPort() {
      return "127.0.0.1:" + (tlsPort != 0 ? tlsPort : port);
    }

    /** The redis-server's process id, for signals. */
    public long pid() {
      return pid;
    }

    synchronized void start() {
      List<String> cmd =
          new ArrayList<>(
              List.of(
                  "redis-server",
                  "--port",
                  Integer.toString(port),
                  "--bind",
                  "127.0.0.1",
                  "--save",
                  "",
                  "--appendonly",
                  "no",
                  "--dir",
                  dir.toString(),
                  "--daemonize",
                  "no",
                  "--protected-mode",
                  "no"));
      if (configFile != null) {
        cmd.add(1, configFile.toString());
      }
      cmd.addAll(extraArgs);
      List<String> watched = new ArrayList<>(List.of("sh", "-c", WATCHDOG, "redis-fixture"));
      watched.addAll(cmd.subList(1, cmd.size()));
      Process p;
      try {
        p = new ProcessBuilder(watched).redirectErrorStream(true).start();
      } catch (IOException e) {
        throw new IllegalStateException("cannot start redis-server: " + e.getMessage(), e);
      }
      CompletableFuture<Void> ready = new CompletableFuture<>();
      CompletableFuture<Long> serverPid = new CompletableFuture<>();
      StringBuilder log = new StringBuilder();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader r =
                    new BufferedReader(
                        new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = r.readLine()) != null) {
                    if (line.startsWith(PID_LINE)) {
                      serverPid.complete(Long.parseLong(line.substring(PID_LINE.length()).trim()));
                      continue;
                    }
                    synchronized (log) {
                      if (log.length() < 20_000) {
                        log.append(line).append('\n');
                      }
                    }
                    if (line.contains("Ready to accept connections")
                        || line.contains("+monitor master")) {
                      ready.complete(null);
                    }
                  }
                } catch (IOException e) {
                  // the process ended
                }
                ready.completeExceptionally(new IllegalStateException("redis-server exited"));
                serverPid.completeExceptionally(new IllegalStateException("the watchdog exited"));
              },
              "redis-fixture-log-" + port);
      reader.setDaemon(true);
      reader.start();
      long started;
      try {
        ready.get(20, TimeUnit.SECONDS);
        started = serverPid.get(20, TimeUnit.SECONDS);
      } catch (Exception e) {
        stop(p, serverPid.getNow(-1L));
        synchronized (log) {
          throw new IllegalStateException(
              redactSecrets("redis-server " + cmd + " did not start:\n" + log, cmd));
        }
      }
      this.process = p;
      this.pid = started;
      this.paused = false;
    }

    /** SIGKILLs the server (when its pid is known), then ends and waits for its watchdog. */
    private static void stop(Process watchdog, long serverPid) {
      if (serverPid > 0) {
        ProcessHandle.of(serverPid).ifPresent(ProcessHandle::destroyForcibly);
      }
      try {
        watchdog.getOutputStream().close(); // the watchdog kills the server, if still needed
      } catch (IOException e) {
        // it has gone already
      }
      try {
        if (!watchdog.waitFor(10, TimeUnit.SECONDS)) {
          watchdog.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        watchdog.destroyForcibly();
      }
    }

    /**
     * {@code text} with every secret of the command line ({@code --requirepass}/{@code
     * --masterauth} values, {@code >password} of an ACL user) replaced by {@code ****}:
     * redis-server echoes a bad configuration line, so the log may hold them too.
     */
    static String redactSecrets(String text, List<String> cmd) {
      String out = text;
      for (int i = 0; i < cmd.size(); i++) {
        String arg = cmd.get(i);
        String secret = null;
        if ((arg.equals("--requirepass") || arg.equals("--masterauth")) && i + 1 < cmd.size()) {
          secret = cmd.get(i + 1);
        } else if (arg.startsWith(">") && arg.length() > 1) {
          secret = arg.substring(1);
        } else {
          for (String word : arg.split(" ")) {
            if (word.startsWith(">") && word.length() > 1) {
              out = out.replace(word.substring(1), "****");
            }
          }
        }
        if (secret != null && !secret.isEmpty()) {
          out = out.replace(secret, "****");
        }
      }
      return out;
    }

    /** Kills the server with SIGKILL (no shutdown), like a crash, and waits until it is gone. */
    public synchronized void kill() {
      Process p = process;
      if (p == null) {
        return;
      }
      if (paused) {
        signal("CONT");
      }
      stop(p, pid); // returns once the watchdog has reaped the server
      process = null;
    }

    /** Starts the server again on the same port(s) after {@link #kill()}. */
    public synchronized void restart() {
      kill();
      start();
    }

    /** Pauses the process with SIGSTOP: it keeps its socket but answers nothing. */
    public synchronized void pause() {
      signal("STOP");
      paused = true;
    }

    /** Resumes a {@link #pause() paused} process with SIGCONT. */
    public synchronized void resume() {
      signal("CONT");
      paused = false;
    }

    private void signal(String name) {
      try {
        Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(pid())).start();
        if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
          throw new IllegalStateException("kill -" + name + " " + pid() + " failed");
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }

    /** Stops the server and removes its directory. Idempotent. */
    @Override
    public synchronized void close() {
      kill();
      STARTED.remove(this);
      deleteTree(dir);
      if (caFile != null) {
        deleteTree(caFile.getParent());
      }
    }

    @Override
    public String toString() {
      return "RedisFixture.Server[" + hostAndPort() + "]";
    }
  }

  /**
   * Test certificates made with {@code openssl}: a CA and a server certificate for the name {@code
   * localhost} only (so connecting to 127.0.0.1 fails the hostname check).
   */
  static final class TlsFiles {
    private TlsFiles() {}

    static void make(Path dir) {
      run(
          dir,
          "openssl",
          "req",
          "-x509",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-days",
          "2",
          "-subj",
          "/CN=cachegen test CA",
          "-keyout",
          "ca.key",
          "-out",
          "ca.crt");
      run(
          dir,
          "openssl",
          "req",
          "-newkey",
          "rsa:2048",
          "-nodes",
          "-subj",
          "/CN=localhost",
          "-keyout",
          "server.key",
          "-out",
          "server.csr");
      try {
        Files.writeString(dir.resolve("san.ext"), "subjectAltName=DNS:localhost\n");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      run(
          dir,
          "openssl",
          "x509",
          "-req",
          "-in",
          "server.csr",
          "-CA",
          "ca.crt",
          "-CAkey",
          "ca.key",
          "-CAcreateserial",
          "-days",
          "2",
          "-extfile",
          "san.ext",
          "-out",
          "server.crt");
    }

    private static void run(Path dir, String... cmd) {
      try {
        Process p =
            new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
          throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
        }
      } catch (IOException e) {
        throw new IllegalStateException("openssl is needed for the TLS tests: " + e, e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }

  /**
   * Starts {@code redis:7-alpine} through Testcontainers; only used when it is on the class path.
   */
  static final class TestcontainersRedis {
    private TestcontainersRedis() {}

    /**
     * The URL of a fresh container, stopped when the JVM exits.
     *
     * @throws IllegalStateException saying why when no Docker engine answers or the start fails
     */
    static String start() {
      if (!DockerClientFactory.instance().isDockerAvailable()) {
        throw new IllegalStateException(
            "no Docker engine answers (is DOCKER_HOST set, or" + " /var/run/docker.sock there?)");
      }
      GenericContainer<?> container =
          new GenericContainer<>(DockerImageName.parse("redis:7-alpine")).withExposedPorts(6379);
      try {
        container.start();
      } catch (RuntimeException e) {
        throw new IllegalStateException("the redis:7-alpine container did not start: " + e, e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(container::stop, "redis-fixture-container"));
      return "redis://" + container.getHost() + ":" + container.getMappedPort(6379) + "/0";
    }
  }
}
