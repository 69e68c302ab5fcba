package io.plumbline.ingest.redfish;

import static io.plumbline.ingest.redfish.ResourceReader.link;
import static io.plumbline.ingest.redfish.ResourceReader.number;
import static io.plumbline.ingest.redfish.ResourceReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.ObservedSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Reads a server's air inlet temperature from its BMC into INLET_TEMPERATURE {@link
 * EnvironmentReading}s (Cel), so the cooling domain can judge a rack's inlet from servers alone.
 * The chassis is the one {@link SystemInventory} reads. Sources, the first that yields a reading:
 *
 * <ol>
 *   <li>{@code ThermalSubsystem/ThermalMetrics}: each {@code TemperatureReadingsCelsius} entry
 *       whose {@code DeviceName} names an intake or inlet; else {@code
 *       TemperatureSummaryCelsius.Intake};
 *   <li>the legacy {@code Thermal} resource: each {@code Temperatures} entry with {@code
 *       PhysicalContext} Intake that is not Disabled or Absent.
 * </ol>
 *
 * The sensor id is {@code <bmc address>/Chassis/<Id>/ThermalMetrics/<DeviceName>} or {@code <bmc
 * address>/Chassis/<Id>/Thermal/Temperatures/<MemberId>}. The rack comes from the {@code servers}
 * entries of the {@link EquipmentMap}, matched with the server's serial number, asset tag, host
 * name, BMC MAC or BMC address; unmapped, the rack is null and the reading is still judged per
 * sensor.
 */
public final class ServerInletReadings {

  private static final EnvironmentKind INLET = EnvironmentKind.INLET_TEMPERATURE;
  private static final String CELSIUS = "Cel";

  private ServerInletReadings() {}

  /** The inlet readings of the server behind this service root; empty without a system. */
  public static List<EnvironmentReading> read(
      ResourceReader reader,
      JsonNode root,
      String address,
      EquipmentMap map,
      ObservedSystem observed,
      Instant measuredAt) {
    String systemsLink = link(root.path("Systems"));
    List<String> systems = systemsLink == null ? List.of() : reader.memberLinks(systemsLink);
    if (systems.isEmpty()) {
      return List.of();
    }
    JsonNode system = reader.read(systems.get(0)).orElse(MissingNode.getInstance());
    JsonNode chassis = SystemInventory.chassis(reader, root, system);
    String chassisPath = "Chassis/" + Optional.ofNullable(text(chassis, "Id")).orElse("?");
    String rack =
        map.serverRackOf(
                Arrays.asList(
                    observed.getSerialNumber(),
                    observed.getAssetTag(),
                    observed.getHostName(),
                    observed.getBmcMac(),
                    address))
            .orElse(null);
    EnvironmentReadingList out =
        new EnvironmentReadingList(
            address + "/" + chassisPath, rack, null, measuredAt, new ArrayList<>());
    thermalMetrics(reader, chassis, out);
    if (out.readings().isEmpty()) {
      legacyThermal(reader, chassis, out);
    }
    return out.readings();
  }

  private static void thermalMetrics(
      ResourceReader reader, JsonNode chassis, EnvironmentReadingList out) {
    if (link(chassis.path("ThermalSubsystem")) == null) {
      return;
    }
    Optional<JsonNode> metrics =
        reader
            .follow(chassis, "ThermalSubsystem")
            .filter(subsystem -> link(subsystem.path("ThermalMetrics")) != null)
            .flatMap(subsystem -> reader.follow(subsystem, "ThermalMetrics"));
    if (metrics.isEmpty()) {
      return;
    }
    for (JsonNode entry : metrics.get().path("TemperatureReadingsCelsius")) {
      String name = text(entry, "DeviceName");
      if (name != null && namesInlet(name)) {
        out.add("ThermalMetrics/" + name, INLET, number(entry, "Reading"), CELSIUS);
      }
    }
    if (out.readings().isEmpty()) {
      out.add(
          "ThermalMetrics/Intake",
          INLET,
          number(metrics.get().path("TemperatureSummaryCelsius").path("Intake"), "Reading"),
          CELSIUS);
    }
  }

  private static void legacyThermal(
      ResourceReader reader, JsonNode chassis, EnvironmentReadingList out) {
    if (link(chassis.path("Thermal")) == null) {
      return;
    }
    reader
        .follow(chassis, "Thermal")
        .ifPresent(
            thermal -> {
              int index = 0;
              for (JsonNode sensor : thermal.path("Temperatures")) {
                String member = Optional.ofNullable(text(sensor, "MemberId")).orElse("" + index);
                index++;
                String state = text(sensor.path("Status"), "State");
                if (!"Intake".equalsIgnoreCase(text(sensor, "PhysicalContext"))
                    || "Disabled".equalsIgnoreCase(state)
                    || "Absent".equalsIgnoreCase(state)) {
                  continue;
                }
                out.add(
                    "Thermal/Temperatures/" + member,
                    INLET,
                    number(sensor, "ReadingCelsius"),
                    CELSIUS);
              }
            });
  }

  private static boolean namesInlet(String deviceName) {
    String name = deviceName.toLowerCase(Locale.ROOT);
    return name.contains("intake") || name.contains("inlet");
  }
}
