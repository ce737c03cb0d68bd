package io.cachegen.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;
import org.testcontainers.DockerClientFactory;

/** The fixture's own failures are clear, never show a password, and are never skips under CI. */
@Tag("redis")
class RedisFixtureTest {

  @Test
  void aServerThatDoesNotStartIsReportedWithoutItsPassword() {
    RedisFixture.assumeRedisServerOnPath();
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
  void withoutRedisServerATestIsSkippedButUnderCiItFails() {
    String why = "redis-server is not on the PATH";
    RedisFixture.requireOrSkip(true, "true", why); // available: the test runs
    for (String notCi : new String[] {null, "", "false", "1"}) {
      assertThatThrownBy(() -> RedisFixture.requireOrSkip(false, notCi, why))
          .as("CI=%s", notCi)
          .isInstanceOf(TestAbortedException.class)
          .hasMessageContaining(why);
    }
    for (String ci : new String[] {"true", "TRUE"}) {
      assertThatThrownBy(() -> RedisFixture.requireOrSkip(false, ci, why))
          .as("CI=%s", ci)
          .isInstanceOf(IllegalStateException.class)
          .hasMessageContaining(why)
          .hasMessageContaining("CI=true, so this test fails instead of being skipped")
          .hasMessageContaining("apt-get install -y redis-server");
    }
  }

  @Test
  void withoutDockerTestcontainersSaysWhy() {
    assumeFalse(DockerClientFactory.instance().isDockerAvailable(), "a Docker engine answers");
    assertThatThrownBy(RedisFixture.TestcontainersRedis::start)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("no Docker engine");
  }
}
