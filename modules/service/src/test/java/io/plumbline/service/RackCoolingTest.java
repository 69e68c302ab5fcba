package io.plumbline.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class RackCoolingTest {

  @Test
  void theHottestLatestInletAgainstTheMarksAndHeatAgainstCapacity() throws Exception {
    List<ObjectNode> rack =
        List.of(
            window("inlet-top", "08:00", "INLET_TEMPERATURE", 24.0, "Cel", "cdu-1"),
            window("inlet-top", "08:01", "INLET_TEMPERATURE", 29.0, "Cel", "cdu-1"),
            window("inlet-bottom", "08:01", "INLET_TEMPERATURE", 22.0, "Cel", null),
            window("outlet", "08:01", "OUTLET_TEMPERATURE", 41.0, "Cel", null));
    List<ObjectNode> cdu =
        List.of(
            window("cdu-1-supply", "08:00", "COOLANT_SUPPLY_TEMPERATURE", 24.0, "Cel", "cdu-1"),
            window("cdu-1-supply", "08:01", "COOLANT_SUPPLY_TEMPERATURE", 25.0, "Cel", "cdu-1"),
            window("cdu-1-flow", "08:01", "COOLANT_FLOW", 300.0, "L/min", "cdu-1"));
    JsonNode design = json("{'id':'14','name':'R14','coolingCapacityWatts':80000.0}");

    ObjectNode cooling = RackCooling.of("14", design, 60_000.0, rack, cdu);

    assertThat(cooling.path("name").asText()).isEqualTo("R14");
    assertThat(cooling.path("inletCelsius").asDouble()).isEqualTo(29.0);
    assertThat(cooling.path("inletLevel").asText()).isEqualTo("WARNING");
    assertThat(cooling.path("inletWarningCelsius").asDouble()).isEqualTo(27.0);
    assertThat(cooling.path("inletCriticalCelsius").asDouble()).isEqualTo(32.0);
    assertThat(cooling.path("headroomWatts").asDouble()).isEqualTo(20_000.0);
    assertThat(cooling.path("heatShare").asDouble()).isEqualTo(0.75);
    JsonNode top =
        cooling
            .path("sensors")
            .valueStream()
            .filter(s -> s.path("sensorId").asText().equals("inlet-top"))
            .findFirst()
            .orElseThrow();
    assertThat(top.path("latest").asDouble()).isEqualTo(29.0);
    assertThat(top.path("history").valueStream().map(p -> p.path("mean").asDouble()))
        .containsExactly(24.0, 29.0);
    JsonNode cdu1 = cooling.path("cdus").get(0);
    assertThat(cdu1.path("supplyCelsius").asDouble()).isEqualTo(25.0);
    assertThat(cdu1.path("flowLitresPerMinute").asDouble()).isEqualTo(300.0);

    ObjectNode brief = RackCooling.brief(cooling);
    assertThat(brief.has("sensors")).isFalse();
    assertThat(brief.path("inletSensors").asInt()).isEqualTo(2);
  }

  @Test
  void unknownsStayNull() {
    ObjectNode cooling = RackCooling.of("15", null, null, List.of(), List.of());
    assertThat(cooling.path("inletCelsius").isNull()).isTrue();
    assertThat(cooling.path("inletLevel").isNull()).isTrue();
    assertThat(cooling.path("headroomWatts").isNull()).isTrue();
    assertThat(RackCooling.inletLevel(32.5)).isEqualTo("CRITICAL");
    assertThat(RackCooling.inletLevel(27.0)).isEqualTo("OK");
  }

  private static ObjectNode window(
      String sensor, String minute, String kind, double mean, String unit, String cdu)
      throws Exception {
    ObjectNode node = (ObjectNode) json("{}");
    node.put("sensorId", sensor);
    node.put("cduId", cdu);
    node.put("windowStart", "2026-11-27T" + minute + ":00Z");
    node.put("windowEnd", "2026-11-27T" + minute + ":59Z");
    node.putArray("kinds").addObject().put("kind", kind).put("mean", mean).put("unit", unit);
    return node;
  }

  private static JsonNode json(String singleQuoted) throws Exception {
    return ApiResponse.JSON.readTree(singleQuoted.replace('\'', '"'));
  }
}
