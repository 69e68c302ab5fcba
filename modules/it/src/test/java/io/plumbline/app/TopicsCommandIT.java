package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.it.support.SharedComponents;
import io.plumbline.serde.AvroSerdeConfig;
import io.plumbline.serde.SubjectCompatibility;
import io.plumbline.topology.PlumblineTopics;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code plumbline topics check|apply} against the real broker, with ops/topics/local.yaml. */
class TopicsCommandIT {

  @TempDir Path stateDir;

  private CommandLine commandLine() {
    return new CommandLine(
        SharedComponents.kafka().bootstrapServers(),
        SharedComponents.registry().ccompatUrl(),
        stateDir);
  }

  @Test
  void checkReportsEveryMissingTopicThenApplyCreatesThemAndCheckPasses() {
    CommandLine cli = commandLine();
    String spec = CommandLine.LOCAL_SPEC.toString();

    CommandLine.Result before = cli.run("topics", "check", "--topics", spec);
    assertThat(before.status()).isEqualTo(1);
    int roles = PlumblineTopics.defaultNames().size();
    assertThat(before.err()).contains(roles + " difference(s)", "plumbline topics apply");
    PlumblineTopics.defaultNames()
        .keySet()
        .forEach(
            role ->
                assertThat(before.err())
                    .contains(cli.topic(role) + " (topic." + role + "): missing"));

    // A registry that has never been told: every input subject is unprotected, and run warns.
    assertThat(InputSubjectCompatibility.unprotected(cli.config()))
        .hasSize(InputSubjectCompatibility.subjects(cli.config().topics()).size());
    assertThat(StartupChecks.warnings(cli.config()))
        .singleElement()
        .asString()
        .contains("lack compatibility FULL_TRANSITIVE", "plumbline topics apply");

    CommandLine.Result apply = cli.run("topics", "apply", "--topics", spec);
    assertThat(apply.status()).as(apply.err()).isZero();
    assertThat(apply.out()).contains("created " + cli.topic("intent.devices"), "topics match");
    // apply also sets the input subjects' registry compatibility (InputSubjectCompatibility).
    String observed = cli.topic("observed.systems") + "-value";
    assertThat(apply.out())
        .contains("compatibility FULL_TRANSITIVE on subject " + observed)
        .doesNotContain("on subject " + cli.topic("discrepancies") + "-value");
    SubjectCompatibility levels =
        new SubjectCompatibility(
            AvroSerdeConfig.parse(
                Map.of(
                    AvroSerdeConfig.SCHEMA_REGISTRY_URL,
                    SharedComponents.registry().ccompatUrl())));
    assertThat(levels.get(observed)).contains("FULL_TRANSITIVE");
    assertThat(InputSubjectCompatibility.unprotected(cli.config())).isEmpty();
    assertThat(StartupChecks.warnings(cli.config())).isEmpty();

    CommandLine.Result after = cli.run("topics", "check", "--topics", spec);
    assertThat(after.status()).as(after.err()).isZero();
    assertThat(after.out()).contains("topics match", roles + " topics checked");
  }

  @Test
  void applyFixesConfigsButReportsAPartitionCountItMustNotChange() throws Exception {
    CommandLine cli = commandLine();
    String spec = CommandLine.LOCAL_SPEC.toString();
    try (Admin admin = SharedComponents.kafka().admin()) {
      // Created by hand before the spec was applied: one partition, and not compacted.
      admin
          .createTopics(
              List.of(
                  new NewTopic(cli.topic("dead-letters"), 1, (short) 1),
                  new NewTopic(cli.topic("intent.sites"), 3, (short) 1)
                      .configs(Map.of("cleanup.policy", "delete"))))
          .all()
          .get();
    }
    CommandLine.Result check = cli.run("topics", "check", "--topics", spec);
    assertThat(check.status()).isEqualTo(1);
    assertThat(check.err())
        .contains(
            cli.topic("intent.sites")
                + " (topic.intent.sites): cleanup.policy is delete,"
                + " expected compact")
        .contains(cli.topic("dead-letters") + " (topic.dead-letters): partitions is 1, expected 3");

    CommandLine.Result apply = cli.run("topics", "apply", "--topics", spec);
    assertThat(apply.status()).isEqualTo(1);
    assertThat(apply.out())
        .contains("set " + cli.topic("intent.sites") + " cleanup.policy=compact");
    assertThat(apply.err())
        .contains("1 difference(s)")
        .contains("partitions is 1, expected 3 (not changed by apply")
        .doesNotContain("cleanup.policy is delete");

    try (Admin admin = SharedComponents.kafka().admin()) {
      ConfigResource telemetry =
          new ConfigResource(ConfigResource.Type.TOPIC, cli.topic("telemetry.power"));
      admin
          .incrementalAlterConfigs(
              Map.of(
                  telemetry,
                  List.of(
                      new AlterConfigOp(
                          new ConfigEntry("retention.ms", "1000"), AlterConfigOp.OpType.SET))))
          .all()
          .get();
    }
    CommandLine.Result drift = cli.run("topics", "check", "--topics", spec);
    assertThat(drift.err())
        .contains(
            cli.topic("telemetry.power")
                + " (topic.telemetry.power): retention.ms is 1000,"
                + " expected 604800000");
  }

  @Test
  void aMissingSpecFileIsNamed() {
    CommandLine.Result result =
        commandLine().run("topics", "check", "--topics", "/nonexistent/topics.yaml");
    assertThat(result.status()).isEqualTo(2);
    assertThat(result.err()).contains("/nonexistent/topics.yaml");
  }
}
