package io.plumbline.topology;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The saved topology description is the contract with running instances: a renamed store or
 * repartition topic loses state on upgrade. Regenerate deliberately with {@code
 * -Dplumbline.topology.update=true}.
 */
class TopologyDescriptionTest {

  private static final Path SAVED = Path.of("src/test/resources/topology-description.txt");

  private static String describe() {
    TopologyConfig config =
        new TopologyConfig(
            PlumblineTopics.defaultTopics(), Map.of("schema.registry.url", "mock://describe"));
    return PlumblineTopology.build(config).describe().toString();
  }

  @Test
  void descriptionMatchesTheSavedOne() throws IOException {
    String current = describe();
    if (Boolean.getBoolean("plumbline.topology.update")) {
      Files.writeString(SAVED, current, StandardCharsets.UTF_8);
    }
    assertThat(current)
        .as("topology changed; if intended, rerun with -Dplumbline.topology.update=true")
        .isEqualTo(Files.readString(SAVED, StandardCharsets.UTF_8));
  }

  @Test
  void everyNodeIsNamed() {
    assertThat(describe()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
  }
}
