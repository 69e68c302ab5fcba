package io.plumbline.it.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.ingest.IngestCounters.Outcome;
import io.plumbline.ingest.KafkaSink;
import io.plumbline.ingest.redfish.MockupServer;
import io.plumbline.ingest.redfish.RedfishOptions;
import io.plumbline.ingest.redfish.RedfishSource;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.it.support.TopicReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Crawls DMTF's rack server, rack PDU and CDU mockups, served over HTTP like three BMCs, and
 * publishes to the real broker and registry; the records are read back from their topics.
 */
class RedfishIngestIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  @TempDir Path dir;

  @Test
  void crawledBmcsArePublishedToTheObservedSystemsAndTelemetryTopics() throws Exception {
    IngestTopics it =
        new IngestTopics(SharedComponents.kafka(), SharedComponents.registry(), "redfish");
    try (MockupServer server = MockupServer.http("redfish/public-rackmount1");
        MockupServer pdu = MockupServer.http("redfish/public-pdu");
        MockupServer cdu = MockupServer.http("redfish/public-cooling-unit")) {
      Path map =
          Files.writeString(
              dir.resolve("pdu-map.json"),
              "{\"pdus\":[{\"match\":\"29347ZT536\",\"feed\":\"301\"}],"
                  + "\"cdus\":[{\"match\":\"PDX5-92381\",\"rack\":\"4\"}]}");
      RedfishSource source =
          new RedfishSource(
              RedfishOptions.parse(
                  List.of(
                      "--bmc", server.url().toString(),
                      "--bmc", pdu.url().toString(),
                      "--bmc", cdu.url().toString(),
                      "--concurrency", "2",
                      "--pdu-map", map.toString())),
              Clock.systemUTC());
      IngestCounters counters = IngestCounters.inMemory();
      ByteArrayOutputStream progress = new ByteArrayOutputStream();
      try (KafkaSink sink = it.sink("redfish")) {
        int status =
            source.run(
                new IngestContext(
                    sink,
                    it.topics,
                    counters,
                    new PrintStream(progress, true, StandardCharsets.UTF_8),
                    true,
                    it.clientSettings()));
        assertThat(status).as(progress.toString(StandardCharsets.UTF_8)).isZero();
      }

      try (TopicReader<ObservedSystem> systems =
              new TopicReader<>(
                  it.kafka.bootstrapServers(), it.topics.observedSystems(), it.values());
          TopicReader<PowerReading> power =
              new TopicReader<>(
                  it.kafka.bootstrapServers(), it.topics.powerReadings(), it.values());
          TopicReader<EnvironmentReading> environment =
              new TopicReader<>(
                  it.kafka.bootstrapServers(), it.topics.environmentReadings(), it.values())) {
        ConsumerRecord<String, ObservedSystem> system =
            systems.awaitUntil(seen -> !seen.isEmpty(), TIMEOUT, "the rack server").get(0);
        assertThat(system.key()).isEqualTo("23:11:8a:33:cf:ea");
        assertThat(system.value().getSerialNumber()).isEqualTo("437XR1138R2");
        assertThat(system.value().getModel()).isEqualTo("3500");
        assertThat(system.value().getFirmware()).containsEntry("BMC", "1.45.455b66-rev4");
        assertThat(system.value().getReadErrors()).isEmpty();

        ConsumerRecord<String, PowerReading> feed =
            power.awaitUntil(seen -> !seen.isEmpty(), TIMEOUT, "the PDU's reading").get(0);
        assertThat(feed.key()).isEqualTo("301");
        assertThat(feed.value().getTotalPowerWatts()).isEqualTo(6438.0);
        assertThat(feed.value().getPhases()).hasSize(3);
        assertThat(feed.value().getPhases().get(0).getCurrentAmps()).isEqualTo(8.02);

        List<ConsumerRecord<String, EnvironmentReading>> cooling =
            environment.awaitUntil(
                seen ->
                    seen.stream()
                        .anyMatch(
                            r -> r.value().getKind() == EnvironmentKind.COOLANT_SUPPLY_TEMPERATURE),
                TIMEOUT,
                "the CDU's coolant supply temperature");
        assertThat(cooling)
            .filteredOn(r -> r.key().endsWith("SecondaryCoolantConnectors/1:supply"))
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.value().getValue()).isEqualTo(30.0);
                  assertThat(r.value().getRackId()).isEqualTo("4");
                });
        // The rack server's inlet, from its chassis ThermalMetrics.
        List<ConsumerRecord<String, EnvironmentReading>> inlets =
            environment.awaitUntil(
                seen ->
                    seen.stream()
                        .anyMatch(r -> r.value().getKind() == EnvironmentKind.INLET_TEMPERATURE),
                TIMEOUT,
                "the rack server's inlet temperature");
        assertThat(inlets)
            .filteredOn(r -> r.value().getKind() == EnvironmentKind.INLET_TEMPERATURE)
            .singleElement()
            .satisfies(
                r -> {
                  assertThat(r.key()).endsWith("/Chassis/1U/ThermalMetrics/Intake");
                  assertThat(r.value().getValue()).isEqualTo(24.8);
                });
      }
      assertThat(counters.get("redfish", Outcome.REJECTED)).isZero();
      assertThat(counters.get("redfish", Outcome.PUBLISHED))
          .isEqualTo(counters.get("redfish", Outcome.READ));
    }
  }
}
