package io.plumbline.topology.supply;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TopologyConfig;
import java.util.Map;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TopologyDescription;
import org.junit.jupiter.api.Test;

/** Every store, repartition and processor of the supply domain is named after it. */
class SupplyTopologyNamingTest {

  private static final java.util.Set<String> SHARED_SOURCES =
      java.util.Set.of(
          "intent-devices-source",
          "intent-device-types-source",
          "purchase-orders-source",
          "receipts-source",
          // The shared receipts stream's validation step.
          "receipts-valid",
          // The shared observed-systems table (source, filter, re-key, table).
          "observed-systems-");
  private static final java.util.Set<String> SHARED_STORES =
      java.util.Set.of(
          SharedSources.DEVICES_STORE,
          SharedSources.DEVICE_TYPES_STORE,
          SharedSources.PURCHASE_ORDERS_STORE,
          SharedSources.OBSERVED_SYSTEMS_STORE);

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
                          // Input sources are shared by every domain and named after their topic.
                          if (SHARED_SOURCES.stream().anyMatch(node.name()::startsWith)) {
                            return;
                          }
                          assertThat(node.name()).startsWith("supply-");
                          if (node instanceof TopologyDescription.Processor processor) {
                            assertThat(processor.stores())
                                .allMatch(
                                    s -> s.startsWith("supply-") || SHARED_STORES.contains(s));
                          }
                        }));
  }
}
