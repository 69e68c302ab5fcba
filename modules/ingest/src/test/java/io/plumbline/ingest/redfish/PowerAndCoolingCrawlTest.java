package io.plumbline.ingest.redfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.ingest.IngestCounters.Outcome;
import io.plumbline.topology.PlumblineTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Crawls DMTF's rack PDU and CDU mockups into power and environment readings. */
class PowerAndCoolingCrawlTest {

  @TempDir Path dir;

  @Test
  void aRackPduBecomesPerFeedReadingsWithPerPhaseValues() throws Exception {
    try (MockupServer pdu = MockupServer.http("redfish/public-pdu")) {
      Path map =
          write(
              "{\"pdus\":["
                  + "{\"match\":\"29347ZT536\",\"feed\":\"301\"},"
                  + "{\"match\":\"RackPDUs/1\",\"circuit\":\"Branches/A\",\"feed\":\"302\"},"
                  + "{\"match\":\""
                  + pdu.address()
                  + "\",\"circuit\":\"Outlets/A1\",\"feed\":\"303\"}]}");

      Crawls crawl = Crawls.run(Crawls.against(pdu, "--pdu-map", map.toString()));

      assertThat(crawl.sink.values(ObservedSystem.class)).as("a PDU is not a server").isEmpty();
      Map<String, PowerReading> byFeed =
          crawl.sink.values(PowerReading.class).stream()
              .collect(Collectors.toMap(PowerReading::getFeedId, Function.identity()));
      assertThat(byFeed).containsOnlyKeys("301", "302", "303");
      assertThat(crawl.sink.sent)
          .filteredOn(s -> s.value() instanceof PowerReading)
          .allSatisfy(
              s -> {
                assertThat(s.topic()).isEqualTo(PlumblineTopics.defaultTopics().powerReadings());
                assertThat(s.key()).isEqualTo(((PowerReading) s.value()).getFeedId());
              });

      PowerReading whole = byFeed.get("301");
      assertThat(whole.getSourceId()).isEqualTo(pdu.address() + "/RackPDUs/1");
      assertThat(whole.getMeasuredAt()).isEqualTo(Crawls.NOW);
      assertThat(whole.getTotalPowerWatts()).isEqualTo(6438.0);
      assertThat(whole.getEnergyKwh()).isEqualTo(56438.0);
      assertThat(whole.getPhases())
          .extracting(
              PhaseReading::getPhase,
              PhaseReading::getCurrentAmps,
              PhaseReading::getVoltageVolts,
              PhaseReading::getPowerWatts)
          .containsExactly(
              tuple("L1", 8.02, 117.8, 198.4),
              tuple("L2", 8.66, 116.6, 231.5),
              tuple("L3", 6.91, 118.5, 58.1));

      PowerReading branch = byFeed.get("302");
      assertThat(branch.getSourceId()).isEqualTo(pdu.address() + "/RackPDUs/1/Branches/A");
      assertThat(branch.getTotalPowerWatts()).isEqualTo(937.4);
      assertThat(branch.getEnergyKwh()).isEqualTo(325675.0);
      assertThat(branch.getPhases())
          .extracting(
              PhaseReading::getPhase,
              PhaseReading::getCurrentAmps,
              PhaseReading::getVoltageVolts,
              PhaseReading::getPowerWatts)
          .containsExactly(tuple("L1", 5.19, 118.2, 937.4));

      PowerReading outlet = byFeed.get("303");
      assertThat(outlet.getTotalPowerWatts()).isEqualTo(197.4);
      assertThat(outlet.getEnergyKwh()).isEqualTo(36166.0);
      assertThat(outlet.getPhases())
          .extracting(PhaseReading::getCurrentAmps, PhaseReading::getVoltageVolts)
          .containsExactly(tuple(1.68, 117.5));

      assertThat(crawl.sink.deadLetters).isEmpty();
      assertThat(crawl.counters.get("redfish", Outcome.PUBLISHED)).isEqualTo(3);
    }
  }

  @Test
  void anUnmappedPduIsDeadLetteredWithItsReason() throws Exception {
    try (MockupServer pdu = MockupServer.http("redfish/public-pdu")) {
      Crawls crawl = Crawls.run(Crawls.against(pdu));

      assertThat(crawl.sink.values(PowerReading.class)).isEmpty();
      assertThat(crawl.sink.deadLetters)
          .singleElement()
          .satisfies(
              dead -> {
                assertThat(dead.source()).isEqualTo("redfish");
                assertThat(dead.location()).isEqualTo(pdu.address() + "/RackPDUs/1");
                assertThat(dead.reason())
                    .isEqualTo(
                        "no feed in --pdu-map for PDU "
                            + pdu.address()
                            + "/RackPDUs/1 (serial 29347ZT536)");
              });
      assertThat(crawl.counters.get("redfish", Outcome.REJECTED)).isEqualTo(1);
      assertThat(crawl.status).isEqualTo(1);
    }
  }

  @Test
  void aCduBecomesCoolantReadingsForItsRack() throws Exception {
    try (MockupServer cdu = MockupServer.http("redfish/public-cooling-unit")) {
      Path map = write("{\"cdus\":[{\"match\":\"PDX5-92381\",\"rack\":\"4\"}]}");

      Crawls crawl = Crawls.run(Crawls.against(cdu, "--pdu-map", map.toString()));

      String prefix = cdu.address() + "/CDUs/1/";
      Map<String, EnvironmentReading> bySensor =
          crawl.sink.values(EnvironmentReading.class).stream()
              .collect(Collectors.toMap(EnvironmentReading::getSensorId, Function.identity()));
      assertThat(bySensor.values())
          .allSatisfy(
              r -> {
                assertThat(r.getRackId()).isEqualTo("4");
                assertThat(r.getCduId()).isEqualTo(cdu.address() + "/CDUs/1");
                assertThat(r.getMeasuredAt()).isEqualTo(Crawls.NOW);
              });
      assertReading(
          bySensor,
          prefix + "SecondaryCoolantConnectors/1:supply",
          EnvironmentKind.COOLANT_SUPPLY_TEMPERATURE,
          30.0,
          "Cel");
      assertReading(
          bySensor,
          prefix + "SecondaryCoolantConnectors/1:return",
          EnvironmentKind.COOLANT_RETURN_TEMPERATURE,
          48.0,
          "Cel");
      assertReading(
          bySensor,
          prefix + "SecondaryCoolantConnectors/1:flow",
          EnvironmentKind.COOLANT_FLOW,
          42.0,
          "L/min");
      assertReading(
          bySensor,
          prefix + "PrimaryCoolantConnectors/1:supply",
          EnvironmentKind.COOLANT_SUPPLY_TEMPERATURE,
          30.0,
          "Cel");
      assertReading(
          bySensor,
          prefix + "PrimaryCoolantConnectors/1:return",
          EnvironmentKind.COOLANT_RETURN_TEMPERATURE,
          40.0,
          "Cel");
      assertReading(
          bySensor,
          prefix + "PrimaryCoolantConnectors/1:heat",
          EnvironmentKind.HEAT_REMOVED,
          25480.0,
          "W");
      assertReading(bySensor, prefix + "Pumps/1:speed", EnvironmentKind.OTHER, 38.5, "%");
      assertReading(bySensor, prefix + "Pumps/1:running", EnvironmentKind.OTHER, 1.0, "running");
      assertReading(bySensor, prefix + "Pumps/2:running", EnvironmentKind.OTHER, 0.0, "running");
      assertReading(
          bySensor, prefix + "EnvironmentMetrics:temperature", EnvironmentKind.OTHER, 24.0, "Cel");
      assertThat(crawl.sink.sent)
          .filteredOn(s -> s.value() instanceof EnvironmentReading)
          .allSatisfy(
              s -> {
                assertThat(s.topic())
                    .isEqualTo(PlumblineTopics.defaultTopics().environmentReadings());
                assertThat(s.key()).isEqualTo(((EnvironmentReading) s.value()).getSensorId());
              });
    }
  }

  @Test
  void anUnmappedCduIsPublishedWithoutARackAndSaysSo() throws Exception {
    try (MockupServer cdu = MockupServer.http("redfish/public-cooling-unit")) {
      Crawls crawl = Crawls.run(Crawls.against(cdu));

      assertThat(crawl.sink.values(EnvironmentReading.class))
          .isNotEmpty()
          .allSatisfy(r -> assertThat(r.getRackId()).isNull());
      assertThat(crawl.progress())
          .contains("no rack in --pdu-map for CDU " + cdu.address() + "/CDUs/1");
    }
  }

  private static void assertReading(
      Map<String, EnvironmentReading> bySensor,
      String sensor,
      EnvironmentKind kind,
      double value,
      String unit) {
    assertThat(bySensor).containsKey(sensor);
    EnvironmentReading reading = bySensor.get(sensor);
    assertThat(reading.getKind()).as(sensor).isEqualTo(kind);
    assertThat(reading.getValue()).as(sensor).isEqualTo(value);
    assertThat(reading.getUnit()).as(sensor).isEqualTo(unit);
  }

  private Path write(String json) throws Exception {
    return Files.writeString(dir.resolve("pdu-map.json"), json);
  }
}
