package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.it.support.SharedComponents;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code plumbline run} tried as a new user would, against the real broker and registry: a typo in
 * a setting, a missing topic, a topic that should be compacted, the registry down. Each stops
 * start-up with one line saying what is wrong and what to do, and a non-zero exit status.
 */
// A check that wrongly passes would start the reconciler, which runs until stopped: fail instead.
@Timeout(value = 5, unit = java.util.concurrent.TimeUnit.MINUTES)
class StartupRefusalIT {

  @TempDir Path stateDir;

  private CommandLine commandLine(String registryUrl) {
    return new CommandLine(SharedComponents.kafka().bootstrapServers(), registryUrl, stateDir);
  }

  private CommandLine withTopics() {
    CommandLine cli = commandLine(SharedComponents.registry().ccompatUrl());
    CommandLine.Result apply =
        cli.run("topics", "apply", "--topics", CommandLine.LOCAL_SPEC.toString());
    assertThat(apply.status()).as(apply.err()).isZero();
    return cli;
  }

  @Test
  void aTypoInASettingIsNamedWithTheSettingMeant() {
    CommandLine.Result result =
        commandLine(SharedComponents.registry().ccompatUrl())
            .set("procesing.guarantee", "at_least_once")
            .run("run");
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err().strip())
        .isEqualTo(
            "configuration error: unknown setting procesing.guarantee (did you mean"
                + " processing.guarantee?). Every setting is listed in docs/configuration.md.");
  }

  @Test
  void aMissingTopicIsNamedWithTheCommandThatCreatesIt() throws Exception {
    CommandLine cli = withTopics();
    try (Admin admin = SharedComponents.kafka().admin()) {
      admin.deleteTopics(List.of(cli.topic("dead-letters"))).all().get();
      // The controller has deleted it; wait until the broker no longer lists it either.
      awaitCondition(
          () -> !admin.listTopics().names().get().contains(cli.topic("dead-letters")),
          "the deleted topic to disappear");
    }
    CommandLine.Result result = cli.run("run");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith("plumbline cannot start: topic " + cli.topic("dead-letters") + " is missing")
        .contains("plumbline topics apply");
  }

  @Test
  void anIntentTopicThatIsNotCompactedIsRefused() throws Exception {
    CommandLine cli = withTopics();
    try (Admin admin = SharedComponents.kafka().admin()) {
      ConfigResource sites =
          new ConfigResource(ConfigResource.Type.TOPIC, cli.topic("intent.sites"));
      admin
          .incrementalAlterConfigs(
              Map.of(
                  sites,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("cleanup.policy", "delete"), AlterConfigOp.OpType.SET))))
          .all()
          .get();
      awaitCondition(
          () ->
              admin
                  .describeConfigs(List.of(sites))
                  .all()
                  .get()
                  .get(sites)
                  .get("cleanup.policy")
                  .value()
                  .equals("delete"),
          "the broker to report the changed cleanup.policy");
    }
    CommandLine.Result result = cli.run("run");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .singleElement()
        .asString()
        .contains(
            "topic "
                + cli.topic("intent.sites")
                + " has cleanup.policy=delete but is read as a table and must be compacted")
        .contains("plumbline topics apply");
  }

  @Test
  void theRegistryDownIsNamedBySetting() throws Exception {
    CommandLine cli = withTopics();
    String closed = "http://127.0.0.1:" + closedPort();
    CommandLine.Result result = cli.set("schema.registry.url", closed).run("run");
    assertThat(result.status()).isEqualTo(1);
    assertThat(result.err().lines().toList())
        .singleElement()
        .asString()
        .startsWith(
            "plumbline cannot start: the schema registry at schema.registry.url="
                + closed
                + " cannot be reached")
        .endsWith("Check schema.registry.url and that the registry is up.");
  }

  interface Condition {
    boolean holds() throws Exception;
  }

  /** Polls until the condition holds; fails after a generous deadline. */
  private static void awaitCondition(Condition condition, String what) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
    while (!condition.holds()) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("timed out waiting for " + what);
      }
      LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
    }
  }

  /** A loopback port nothing listens on: bound once to get a free number, then released. */
  private static int closedPort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
