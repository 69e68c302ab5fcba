package io.plumbline.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.ConfigException;
import org.junit.jupiter.api.Test;

class SettingNamesTest {

  private static final Map<String, String> MINIMAL =
      Map.of(
          "bootstrap.servers", "127.0.0.1:9092",
          "schema.registry.url", "http://127.0.0.1:8081");

  @Test
  void distanceCountsEdits() {
    assertThat(SettingNames.distance("kitten", "sitting")).isEqualTo(3);
    assertThat(SettingNames.distance("", "abc")).isEqualTo(3);
    assertThat(SettingNames.distance("same", "same")).isZero();
  }

  @Test
  void aTypoGetsTheClosestKnownName() {
    assertThat(SettingNames.closest("procesing.guarantee", PlumblineConfig.knownNames()))
        .contains("processing.guarantee");
    assertThat(SettingNames.closest("bootstrap.server", PlumblineConfig.knownNames()))
        .contains("bootstrap.servers");
    assertThat(SettingNames.closest("completely.different", List.of("bootstrap.servers")))
        .isEmpty();
  }

  @Test
  void unknownSettingStopsStartUpWithASuggestion() {
    var settings = new HashMap<>(MINIMAL);
    settings.put("schema.registy.url", "http://127.0.0.1:8081");
    settings.put("aplication.id", "x");
    assertThatThrownBy(() -> PlumblineConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("unknown setting aplication.id (did you mean application.id?)");
  }

  @Test
  void unknownKafkaClientSettingIsNamedWithoutItsValue() {
    var settings = new HashMap<>(MINIMAL);
    settings.put("kafka.sasl.jass.config", "very-secret");
    assertThatThrownBy(() -> PlumblineConfig.of(settings))
        .isInstanceOf(ConfigException.class)
        .hasMessageContaining("kafka.sasl.jass.config (did you mean kafka.sasl.jaas.config?)")
        .hasMessageNotContaining("very-secret");
  }
}
