package io.cachegen.redis;

/**
 * A JVM that starts one private server, prints {@code <port> <pid>} and waits until its standard
 * input closes; {@link RedisFixtureLifetimeTest} kills it to check that the server dies with it.
 */
public final class RedisFixtureChild {
  private RedisFixtureChild() {}

  /** Starts the server and waits. */
  public static void main(String[] args) throws Exception {
    RedisFixture.Server server = RedisFixture.startPrivate();
    System.out.println(server.port() + " " + server.pid());
    System.out.flush();
    while (System.in.read() >= 0) {
      // wait for the parent to kill this JVM (or close our stdin)
    }
  }
}
