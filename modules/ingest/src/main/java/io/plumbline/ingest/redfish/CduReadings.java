package io.plumbline.ingest.redfish;

import static io.plumbline.ingest.redfish.ResourceReader.link;
import static io.plumbline.ingest.redfish.ResourceReader.reading;
import static io.plumbline.ingest.redfish.ResourceReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads coolant distribution units ({@code ThermalEquipment/CDUs}) into {@link
 * EnvironmentReading}s, keyed by a sensor id {@code <bmc>/CDUs/<id>/<resource>:<quantity>}, with
 * the rack from the {@link EquipmentMap} (null when unmapped):
 *
 * <ul>
 *   <li>each primary (facility) and secondary (rack) coolant connector: {@code
 *       SupplyTemperatureCelsius} as COOLANT_SUPPLY_TEMPERATURE, {@code ReturnTemperatureCelsius}
 *       as COOLANT_RETURN_TEMPERATURE (Cel), {@code FlowLitersPerMinute} as COOLANT_FLOW (L/min),
 *       {@code HeatRemovedkW} as HEAT_REMOVED (W);
 *   <li>each pump: {@code PumpSpeedPercent} as OTHER in {@code %}, and its state as OTHER in unit
 *       {@code running}: 1 when {@code Status.State} is Enabled and health not Critical, else 0;
 *   <li>the CDU's {@code EnvironmentMetrics.TemperatureCelsius} as OTHER (ambient, Cel).
 * </ul>
 */
public final class CduReadings {

  /** The readings, and CDUs that no rack is mapped to (published anyway, rack null). */
  public record Outcome(List<EnvironmentReading> readings, List<String> unmappedCdus) {}

  private CduReadings() {}

  public static Outcome read(
      ResourceReader reader, JsonNode root, String address, EquipmentMap map, Instant measuredAt) {
    List<EnvironmentReading> readings = new ArrayList<>();
    List<String> unmapped = new ArrayList<>();
    Optional<JsonNode> equipment = reader.follow(root, "ThermalEquipment");
    if (equipment.isEmpty()) {
      return new Outcome(readings, unmapped);
    }
    for (JsonNode cdu : reader.members(equipment.get(), "CDUs")) {
      String id = "CDUs/" + text(cdu, "Id");
      String cduId = address + "/" + id;
      Optional<String> rack =
          map.rackOf(
              Arrays.asList(
                  text(cdu, "SerialNumber"),
                  text(cdu, "AssetTag"),
                  text(cdu, "Name"),
                  id,
                  address,
                  cduId));
      if (rack.isEmpty()) {
        unmapped.add(cduId);
      }
      EnvironmentReadingList out =
          new EnvironmentReadingList(cduId, rack.orElse(null), cduId, measuredAt, readings);
      for (String side : List.of("PrimaryCoolantConnectors", "SecondaryCoolantConnectors")) {
        for (JsonNode connector : reader.members(cdu, side)) {
          String sensor = side + "/" + text(connector, "Id");
          out.add(
              sensor + ":supply",
              EnvironmentKind.COOLANT_SUPPLY_TEMPERATURE,
              reading(connector, "SupplyTemperatureCelsius"),
              "Cel");
          out.add(
              sensor + ":return",
              EnvironmentKind.COOLANT_RETURN_TEMPERATURE,
              reading(connector, "ReturnTemperatureCelsius"),
              "Cel");
          out.add(
              sensor + ":flow",
              EnvironmentKind.COOLANT_FLOW,
              reading(connector, "FlowLitersPerMinute"),
              "L/min");
          Double heatKw = reading(connector, "HeatRemovedkW");
          out.add(
              sensor + ":heat",
              EnvironmentKind.HEAT_REMOVED,
              heatKw == null ? null : heatKw * 1000,
              "W");
        }
      }
      for (JsonNode pump : reader.members(cdu, "Pumps")) {
        String sensor = "Pumps/" + text(pump, "Id");
        out.add(sensor + ":speed", EnvironmentKind.OTHER, reading(pump, "PumpSpeedPercent"), "%");
        String state = text(pump.path("Status"), "State");
        if (state != null) {
          boolean running =
              state.equalsIgnoreCase("Enabled")
                  && !"Critical".equalsIgnoreCase(text(pump.path("Status"), "Health"));
          out.add(sensor + ":running", EnvironmentKind.OTHER, running ? 1.0 : 0.0, "running");
        }
      }
      if (link(cdu.path("EnvironmentMetrics")) != null) {
        reader
            .follow(cdu, "EnvironmentMetrics")
            .ifPresent(
                metrics ->
                    out.add(
                        "EnvironmentMetrics:temperature",
                        EnvironmentKind.OTHER,
                        reading(metrics, "TemperatureCelsius"),
                        "Cel"));
      }
    }
    return new Outcome(readings, unmapped);
  }
}
