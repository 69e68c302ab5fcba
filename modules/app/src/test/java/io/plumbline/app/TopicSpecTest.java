package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.topology.PlumblineTopics;
import java.nio.file.Path;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class TopicSpecTest {

  private static final Path OPS_TOPICS = Path.of("..", "..", "ops", "topics");

  @Test
  void productionSpecCoversEveryRoleWithReplicationThree() {
    TopicSpec spec = TopicSpec.load(OPS_TOPICS.resolve("production.yaml"));
    assertThat(spec.byRole()).containsOnlyKeys(PlumblineTopics.defaultNames().keySet());
    spec.byRole()
        .values()
        .forEach(
            t -> {
              assertThat(t.replicationFactor()).isEqualTo((short) 3);
              assertThat(t.configs()).containsEntry("min.insync.replicas", "2");
            });
    assertThat(spec.byRole().get("intent.devices").cleanupPolicy()).isEqualTo("compact");
    assertThat(spec.byRole().get("telemetry.power").cleanupPolicy()).isEqualTo("delete");
    assertThat(spec.byRole().get("telemetry.power").configs())
        .containsEntry("retention.ms", "604800000");
  }

  @Test
  void localSpecIsSingleReplica() {
    TopicSpec spec = TopicSpec.load(OPS_TOPICS.resolve("local.yaml"));
    assertThat(spec.byRole()).containsOnlyKeys(PlumblineTopics.defaultNames().keySet());
    spec.byRole().values().forEach(t -> assertThat(t.replicationFactor()).isEqualTo((short) 1));
  }

  @Test
  void everyTableTheCodeReadsIsCompactedInTheSpec() {
    TopicSpec spec = TopicSpec.load(OPS_TOPICS.resolve("production.yaml"));
    PlumblineTopics names = PlumblineTopics.defaultTopics();
    PlumblineTopics.defaultNames()
        .forEach(
            (role, name) ->
                assertThat(spec.byRole().get(role).cleanupPolicy().contains("compact"))
                    .as(role)
                    .isEqualTo(names.compacted().contains(name)));
  }

  @Test
  void aTableDeclaredWithDeleteIsRefused() {
    String yaml =
        fullSpec()
            .replace(
                "intent.devices: {configs: {cleanup.policy: compact}}",
                "intent.devices: {configs: {cleanup.policy: delete}}");
    assertThatThrownBy(() -> TopicSpec.parse(yaml, "test.yaml"))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("intent.devices")
        .hasMessageContaining("compact");
  }

  @Test
  void aMissingRoleIsNamed() {
    String yaml = fullSpec().replace("  dead-letters: {}\n", "");
    assertThatThrownBy(() -> TopicSpec.parse(yaml, "test.yaml"))
        .hasMessageContaining("missing")
        .hasMessageContaining("dead-letters");
  }

  @Test
  void aMisspelledRoleGetsASuggestion() {
    String yaml = fullSpec().replace("  dead-letters: {}\n", "  dead-leters: {}\n");
    assertThatThrownBy(() -> TopicSpec.parse(yaml, "test.yaml"))
        .hasMessageContaining("unknown topic role 'dead-leters'")
        .hasMessageContaining("did you mean dead-letters?");
  }

  @Test
  void anUnknownKeyOrABadNumberIsNamed() {
    assertThatThrownBy(
            () ->
                TopicSpec.parse(
                    fullSpec().replace("  dead-letters: {}\n", "  dead-letters: {partition: 3}\n"),
                    "t"))
        .hasMessageContaining("dead-letters: unknown key 'partition'");
    assertThatThrownBy(
            () -> TopicSpec.parse(fullSpec().replace("partitions: 3", "partitions: 0"), "t"))
        .hasMessageContaining("partitions must be a positive whole number");
  }

  /** A minimal valid spec: every role, the tables compacted, everything else deleted. */
  static String fullSpec() {
    StringBuilder yaml =
        new StringBuilder(
            "defaults:\n  partitions: 3\n  replication.factor: 1\n"
                + "  configs: {cleanup.policy: delete}\ntopics:\n");
    PlumblineTopics defaults = PlumblineTopics.defaultTopics();
    PlumblineTopics.defaultNames().entrySet().stream()
        .sorted(java.util.Map.Entry.comparingByKey())
        .forEach(
            e ->
                yaml.append("  ")
                    .append(e.getKey())
                    .append(
                        defaults.compacted().contains(e.getValue())
                            ? ": {configs: {cleanup.policy: compact}}\n"
                            : ": {}\n"));
    return yaml.toString();
  }
}
