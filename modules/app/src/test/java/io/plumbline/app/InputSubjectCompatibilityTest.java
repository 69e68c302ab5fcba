package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.topology.PlumblineTopics;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InputSubjectCompatibilityTest {

  @Test
  void theSubjectsAreTheValueSubjectsOfTheInputTopicsOnly() {
    PlumblineTopics topics =
        PlumblineTopics.from(Map.of("topic.observed.systems", "site-a.redfish"));

    List<String> subjects = InputSubjectCompatibility.subjects(topics);

    assertThat(subjects)
        .hasSize(12)
        .contains(
            "site-a.redfish-value",
            "plumbline.telemetry.power-value",
            "plumbline.intent.devices-value",
            "plumbline.supply.receipts-value")
        .doesNotContain(
            "plumbline.discrepancies-value",
            "plumbline.reconciled.inventory-value",
            "plumbline.alerts-value",
            "plumbline.dead-letters-value",
            "plumbline.acknowledgements-value");
  }

  @Test
  void aMockRegistryIsLeftAlone() {
    PlumblineConfig config =
        PlumblineConfig.of(
            Map.of(
                PlumblineConfig.BOOTSTRAP_SERVERS, "127.0.0.1:9",
                PlumblineConfig.SCHEMA_REGISTRY_URL, "mock://compatibility-test"));

    assertThat(InputSubjectCompatibility.apply(config))
        .containsExactly("registry compatibility not set: mock://compatibility-test");
  }
}
