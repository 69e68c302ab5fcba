package io.plumbline.ingest.redfish;

import static io.plumbline.ingest.redfish.ResourceReader.link;
import static io.plumbline.ingest.redfish.ResourceReader.reading;
import static io.plumbline.ingest.redfish.ResourceReader.text;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Reads rack PDUs ({@code PowerEquipment/RackPDUs}) into {@link PowerReading}s, one per feed the
 * {@link EquipmentMap} assigns. A circuit ({@code Mains}, {@code Branches}, {@code Outlets}) gives
 * per-phase current from {@code PolyPhaseCurrentAmps} (or {@code CurrentAmps} when single-phase),
 * voltage from {@code PolyPhaseVoltage} line-to-neutral (else line-to-line), phase power from
 * {@code PolyPhasePowerWatts}; total power from {@code PowerWatts}, else the sum of phase powers;
 * energy from {@code EnergykWh}. A PDU mapped as a whole takes total power and energy from its
 * {@code Metrics} and phases from its mains circuit when it has exactly one.
 */
public final class PduReadings {

  /** What a crawl of the PDUs gave: readings for mapped feeds, and PDUs nobody mapped. */
  public record Outcome(List<PowerReading> readings, List<Unmapped> unmapped) {}

  /** A PDU (or circuit) that could not become a reading, with why. */
  public record Unmapped(String location, String raw, String reason) {}

  private static final String[][] LINES = {
    {"L1", "Line1", "Line1ToNeutral", "Line1ToLine2"},
    {"L2", "Line2", "Line2ToNeutral", "Line2ToLine3"},
    {"L3", "Line3", "Line3ToNeutral", "Line3ToLine1"}
  };

  private PduReadings() {}

  public static Outcome read(
      ResourceReader reader, JsonNode root, String address, EquipmentMap map, Instant measuredAt) {
    List<PowerReading> readings = new ArrayList<>();
    List<Unmapped> unmapped = new ArrayList<>();
    Optional<JsonNode> equipment = reader.follow(root, "PowerEquipment");
    if (equipment.isEmpty()) {
      return new Outcome(readings, unmapped);
    }
    for (JsonNode pdu : reader.members(equipment.get(), "RackPDUs")) {
      String path = link(pdu);
      String id = "RackPDUs/" + text(pdu, "Id");
      String sourceId = address + "/" + id;
      List<EquipmentMap.PduFeed> feeds =
          map.feedsOf(
              Arrays.asList(
                  text(pdu, "SerialNumber"),
                  text(pdu, "AssetTag"),
                  text(pdu, "Name"),
                  id,
                  address,
                  host(address),
                  sourceId));
      if (feeds.isEmpty()) {
        unmapped.add(
            new Unmapped(
                sourceId,
                pdu.toString(),
                "no feed in --pdu-map for PDU "
                    + sourceId
                    + " (serial "
                    + text(pdu, "SerialNumber")
                    + ")"));
        continue;
      }
      for (EquipmentMap.PduFeed feed : feeds) {
        Optional<PowerReading> reading =
            feed.circuit() == null
                ? wholePdu(reader, pdu, feed.feed(), sourceId, measuredAt)
                : circuit(
                    reader,
                    path + "/" + feed.circuit(),
                    feed.feed(),
                    sourceId + "/" + feed.circuit(),
                    measuredAt);
        if (reading.isPresent()) {
          readings.add(reading.get());
        } else {
          unmapped.add(
              new Unmapped(
                  sourceId,
                  pdu.toString(),
                  "no power reading for feed "
                      + feed.feed()
                      + " at "
                      + sourceId
                      + (feed.circuit() == null ? "" : "/" + feed.circuit())));
        }
      }
    }
    return new Outcome(readings, unmapped);
  }

  private static Optional<PowerReading> wholePdu(
      ResourceReader reader, JsonNode pdu, String feed, String sourceId, Instant measuredAt) {
    Optional<JsonNode> metrics = reader.follow(pdu, "Metrics");
    List<JsonNode> mains = reader.members(pdu, "Mains");
    List<PhaseReading> phases = mains.size() == 1 ? phases(mains.get(0)) : List.of();
    Double total = metrics.map(m -> reading(m, "PowerWatts")).orElse(null);
    if (total == null && mains.size() == 1) {
      total = totalOf(mains.get(0), phases);
    }
    if (total == null) {
      return Optional.empty();
    }
    return Optional.of(
        PowerReading.newBuilder()
            .setFeedId(feed)
            .setSourceId(sourceId)
            .setMeasuredAt(measuredAt)
            .setTotalPowerWatts(total)
            .setEnergyKwh(metrics.map(m -> reading(m, "EnergykWh")).orElse(null))
            .setPhases(phases)
            .build());
  }

  private static Optional<PowerReading> circuit(
      ResourceReader reader, String path, String feed, String sourceId, Instant measuredAt) {
    return reader
        .read(path)
        .flatMap(
            circuit -> {
              List<PhaseReading> phases = phases(circuit);
              Double total = totalOf(circuit, phases);
              if (total == null) {
                return Optional.empty();
              }
              return Optional.of(
                  PowerReading.newBuilder()
                      .setFeedId(feed)
                      .setSourceId(sourceId)
                      .setMeasuredAt(measuredAt)
                      .setTotalPowerWatts(total)
                      .setEnergyKwh(reading(circuit, "EnergykWh"))
                      .setPhases(phases)
                      .build());
            });
  }

  /** Per-phase readings of a circuit; neutral current is not a phase and is left out. */
  static List<PhaseReading> phases(JsonNode circuit) {
    List<PhaseReading> phases = new ArrayList<>();
    JsonNode currents = circuit.path("PolyPhaseCurrentAmps");
    JsonNode voltages = circuit.path("PolyPhaseVoltage");
    JsonNode powers = circuit.path("PolyPhasePowerWatts");
    for (String[] line : LINES) {
      Double amps = reading(currents, line[1]);
      if (amps == null) {
        continue;
      }
      phases.add(
          PhaseReading.newBuilder()
              .setPhase(line[0])
              .setCurrentAmps(amps)
              .setVoltageVolts(firstOf(reading(voltages, line[2]), reading(voltages, line[3])))
              .setPowerWatts(firstOf(reading(powers, line[2]), reading(powers, line[3])))
              .build());
    }
    if (phases.isEmpty() && reading(circuit, "CurrentAmps") != null) {
      phases.add(
          PhaseReading.newBuilder()
              .setPhase("L1")
              .setCurrentAmps(reading(circuit, "CurrentAmps"))
              .setVoltageVolts(reading(circuit, "Voltage"))
              .setPowerWatts(reading(circuit, "PowerWatts"))
              .build());
    }
    return phases;
  }

  private static Double totalOf(JsonNode circuit, List<PhaseReading> phases) {
    Double total = reading(circuit, "PowerWatts");
    if (total != null) {
      return total;
    }
    if (!phases.isEmpty() && phases.stream().allMatch(p -> p.getPowerWatts() != null)) {
      return phases.stream().mapToDouble(PhaseReading::getPowerWatts).sum();
    }
    return null;
  }

  private static Double firstOf(Double a, Double b) {
    return a != null ? a : b;
  }

  private static String host(String address) {
    int colon = address.lastIndexOf(':');
    return colon > 0 && !address.endsWith("]") ? address.substring(0, colon) : address;
  }
}
