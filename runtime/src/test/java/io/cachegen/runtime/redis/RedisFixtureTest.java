package io.cachegen.runtime.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.testcontainers.DockerClientFactory;

/** The fixture's own failures are clear and never show a password. */
@Tag("redis")
class RedisFixtureTest {

  @Test
  void aServerThatDoesNotStartIsReportedWithoutItsPassword() {
    assumeTrue(RedisFixture.redisServerOnPath(), "needs redis-server on the PATH");
    assertThatThrownBy(
            () ->
                RedisFixture.startPrivate(
                    "--requirepass", "Fixture-Secret-1", "--no-such-directive", "x"))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("did not start")
        .hasMessageContaining("--requirepass, ****")
        .hasMessageNotContaining("Fixture-Secret-1");
  }

  @Test
  void secretsOfTheCommandLineAreRedactedFromTheLogToo() {
    List<String> cmd =
        List.of(
            "redis-server",
            "--requirepass",
            "pw-1",
            "--masterauth",
            "pw-2",
            "--user",
            "alice",
            "on",
            ">pw-3",
            "~*");
    String text =
        RedisFixture.Server.redactSecrets(
            cmd + "\n>>> 'requirepass \"pw-1\"' masterauth pw-2 user alice >pw-3", cmd);
    assertThat(text).doesNotContain("pw-1", "pw-2", "pw-3").contains("alice");
  }

  @Test
  void withoutDockerTestcontainersSaysWhy() {
    assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine answers");
    assertThatThrownBy(RedisFixture.TestcontainersRedis::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Docker engine");
  }
}
