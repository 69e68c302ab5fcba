package io.plumbline.ingest.redfish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.topology.PlumblineTopics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server inlet temperature read from DMTF's public-rackmount1 chassis thermal resources. */
class ServerInletCrawlTest {

  @TempDir Path dir;

  @Test
  void readsTheIntakeOfThermalMetricsWithTheRackFromTheServersMap() throws Exception {
    Path map =
        Files.writeString(
            dir.resolve("map.json"),
            """
            {"servers": [{"match": " 437xr1138r2 ", "rack": "14"}]}
            """);
    try (MockupServer bmc = MockupServer.http("redfish/public-rackmount1")) {
      Crawls crawl = Crawls.run(Crawls.against(bmc, "--pdu-map", map.toString()));

      List<EnvironmentReading> readings = crawl.sink.values(EnvironmentReading.class);
      assertThat(readings).hasSize(1);
      EnvironmentReading inlet = readings.get(0);
      // TemperatureReadingsCelsius[DeviceName=Intake]; the Exhaust entry is not an inlet.
      assertThat(inlet.getSensorId())
          .isEqualTo(bmc.address() + "/Chassis/1U/ThermalMetrics/Intake");
      assertThat(inlet.getKind()).isEqualTo(EnvironmentKind.INLET_TEMPERATURE);
      assertThat(inlet.getValue()).isEqualTo(24.8);
      assertThat(inlet.getUnit()).isEqualTo("Cel");
      assertThat(inlet.getRackId()).isEqualTo("14");
      assertThat(inlet.getCduId()).isNull();
      assertThat(inlet.getMeasuredAt()).isEqualTo(Crawls.NOW);
      assertThat(crawl.sink.committed)
          .filteredOn(r -> r.value() instanceof EnvironmentReading)
          .singleElement()
          .satisfies(
              r -> {
                assertThat(r.topic())
                    .isEqualTo(PlumblineTopics.defaultTopics().environmentReadings());
                assertThat(r.key()).isEqualTo(inlet.getSensorId());
              });
      // The legacy Thermal resource is not read when ThermalMetrics answered.
      assertThat(bmc.count("GET", Crawls.CHASSIS + "/Thermal")).isZero();
    }
  }

  @Test
  void fallsBackToTheSummaryIntakeWhenNoReadingNamesAnInlet() throws Exception {
    try (MockupServer bmc = MockupServer.http("redfish/public-rackmount1")) {
      bmc.rewrite(
          Crawls.CHASSIS + "/ThermalSubsystem/ThermalMetrics",
          metrics -> {
            metrics.remove("TemperatureReadingsCelsius");
            return metrics;
          });
      Crawls crawl = Crawls.run(Crawls.against(bmc));

      EnvironmentReading inlet = crawl.sink.values(EnvironmentReading.class).get(0);
      assertThat(crawl.sink.values(EnvironmentReading.class)).hasSize(1);
      assertThat(inlet.getSensorId())
          .isEqualTo(bmc.address() + "/Chassis/1U/ThermalMetrics/Intake");
      assertThat(inlet.getValue()).isEqualTo(24.8);
      assertThat(inlet.getRackId()).as("no servers entry: judged per sensor").isNull();
    }
  }

  @Test
  void readsTheLegacyThermalIntakeWhenThereIsNoThermalSubsystem() throws Exception {
    try (MockupServer bmc = MockupServer.http("redfish/public-rackmount1")) {
      bmc.rewrite(
          Crawls.CHASSIS,
          chassis -> {
            chassis.remove("ThermalSubsystem");
            return chassis;
          });
      Crawls crawl = Crawls.run(Crawls.against(bmc));

      // Temperatures: CPU1 (PhysicalContext CPU), CPU2 (Disabled), Chassis Intake Temp (Intake).
      List<EnvironmentReading> readings = crawl.sink.values(EnvironmentReading.class);
      assertThat(readings).hasSize(1);
      assertThat(readings.get(0).getSensorId())
          .isEqualTo(bmc.address() + "/Chassis/1U/Thermal/Temperatures/2");
      assertThat(readings.get(0).getKind()).isEqualTo(EnvironmentKind.INLET_TEMPERATURE);
      assertThat(readings.get(0).getValue()).isEqualTo(25.0);
      assertThat(readings.get(0).getUnit()).isEqualTo("Cel");
    }
  }

  @Test
  void aServersEntryWithoutRackStopsStartUpNamingIt() throws Exception {
    Path map =
        Files.writeString(dir.resolve("map.json"), "{\"servers\": [{\"match\": \"web483\"}]}");
    assertThatThrownBy(() -> EquipmentMap.load(map))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("servers[0]")
        .hasMessageContaining("'rack' is required");
  }
}
