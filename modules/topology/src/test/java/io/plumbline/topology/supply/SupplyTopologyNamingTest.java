package io.plumbline.topology.supply;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TopologyConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** Every store, repartition and processor of the supply domain is named after it. */
class SupplyTopologyNamingTest {

  @Test
  void everyNodeIsNamedAndPrefixedWithTheDomain() {
    TopologyConfig config =
        new TopologyConfig(
            PlumblineTopics.defaultTopics(), Map.of("schema.registry.url", "mock://supply-names"));
    StreamsBuilder builder = new StreamsBuilder();
    new SupplyTopology(config).addTo(builder);

    TopologyDescription description = builder.build().describe();

    assertThat(description.toString()).doesNotContain("KSTREAM-").doesNotContain("KTABLE-");
    description
        .subtopologies()
        .forEach(
            subtopology ->
                subtopology
                    .nodes()
                    .forEach(
                        node -> {
                          assertThat(node.name()).startsWith("supply-");
                          if (node instanceof TopologyDescription.Processor processor) {
                            assertThat(processor.stores()).allMatch(s -> s.startsWith("supply-"));
                          }
                        }));
  }
}
