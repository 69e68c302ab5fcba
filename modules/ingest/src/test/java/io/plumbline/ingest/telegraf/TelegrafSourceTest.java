package io.plumbline.ingest.telegraf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.ingest.IngestContext;
import io.plumbline.ingest.IngestCounters;
import io.plumbline.ingest.IngestCounters.Outcome;
import io.plumbline.ingest.RecordingSink;
import io.plumbline.topology.PlumblineTopics;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Telegraf JSON lines to readings by the mapping file; what cannot be mapped is dead-lettered. */
class TelegrafSourceTest {

  private static final Instant AT = Instant.ofEpochSecond(1772446530);

  @TempDir Path dir;

  @Test
  void mapsPduPhasesTotalsAndSensorsAndDeadLettersTheRest() throws Exception {
    RecordingSink sink = new RecordingSink();
    IngestCounters counters = IngestCounters.inMemory();
    ByteArrayOutputStream progress = new ByteArrayOutputStream();
    TelegrafSource source =
        TelegrafSource.fromArguments(
            List.of(
                "--mapping",
                resource("telegraf/mapping.json"),
                "--file",
                resource("telegraf/metrics.jsonl")));

    int status =
        source.run(
            new IngestContext(
                sink,
                PlumblineTopics.defaultTopics(),
                counters,
                new PrintStream(progress, true, StandardCharsets.UTF_8),
                true));

    List<PowerReading> power = sink.values(PowerReading.class);
    assertThat(power)
        .extracting(
            PowerReading::getFeedId,
            PowerReading::getSourceId,
            PowerReading::getMeasuredAt,
            PowerReading::getTotalPowerWatts,
            PowerReading::getEnergyKwh)
        .containsExactly(
            tuple("301", "pdu-r14-a.example.net/phase1", AT, 2858.0, null),
            tuple("301", "pdu-r14-a.example.net/phase2", AT, 3010.0, null),
            tuple("302", "pdu-r14-a.example.net", AT, 8720.0, 1234.567));
    assertThat(power.get(0).getPhases())
        .extracting(
            PhaseReading::getPhase,
            PhaseReading::getCurrentAmps,
            PhaseReading::getVoltageVolts,
            PhaseReading::getPowerWatts)
        .containsExactly(tuple("L1", 12.4, 230.5, 2858.0));
    assertThat(power.get(1).getPhases())
        .extracting(PhaseReading::getPhase, PhaseReading::getCurrentAmps)
        .containsExactly(tuple("L2", 13.1));
    assertThat(power.get(2).getPhases()).isEmpty();

    assertThat(sink.values(EnvironmentReading.class))
        .extracting(
            EnvironmentReading::getSensorId,
            EnvironmentReading::getRackId,
            EnvironmentReading::getKind,
            EnvironmentReading::getValue,
            EnvironmentReading::getUnit,
            EnvironmentReading::getMeasuredAt)
        .containsExactly(
            tuple(
                "env-r14.example.net:front-top",
                "14",
                EnvironmentKind.INLET_TEMPERATURE,
                27.1,
                "Cel",
                Instant.ofEpochMilli(1772446530123L)));
    assertThat(sink.committed)
        .extracting(RecordingSink.Sent::topic, RecordingSink.Sent::key)
        .containsExactly(
            tuple("plumbline.telemetry.power", "301"),
            tuple("plumbline.telemetry.power", "301"),
            tuple("plumbline.telemetry.power", "302"),
            tuple("plumbline.telemetry.environment", "env-r14.example.net:front-top"));

    assertThat(sink.deadLetters)
        .extracting(RecordingSink.Dead::location, RecordingSink.Dead::reason)
        .containsExactly(
            tuple(
                "metrics.jsonl:5",
                "no mapping rule for measurement 'system' with tags {host=collector-1}"),
            tuple("metrics.jsonl:6", "field 'current' is not a number: \"n/a\""),
            tuple("metrics.jsonl:7", "tag 'rack' needed by '{rack}' is missing"),
            tuple("metrics.jsonl:8", sink.deadLetters.get(3).reason()));
    assertThat(sink.deadLetters.get(3).reason()).startsWith("not JSON: ");
    assertThat(sink.deadLetters).allSatisfy(d -> assertThat(d.source()).isEqualTo("telegraf"));
    assertThat(counters.get("telegraf", Outcome.READ)).isEqualTo(8);
    assertThat(counters.get("telegraf", Outcome.PUBLISHED)).isEqualTo(4);
    assertThat(counters.get("telegraf", Outcome.REJECTED)).isEqualTo(4);
    assertThat(progress.toString(StandardCharsets.UTF_8))
        .contains("telegraf metrics.jsonl:5: rejected: no mapping rule");
    assertThat(status).isEqualTo(1);
  }

  @Test
  void timestampsInEveryTelegrafUnitAreRead() {
    String line = "{\"fields\":{\"v\":1},\"name\":\"m\",\"tags\":{},\"timestamp\":%s}";
    Instant expected = Instant.parse("2026-03-02T10:15:30.123456789Z");
    assertThat(TelegrafMetric.parse(line.formatted("1772446530")).timestamp())
        .isEqualTo(Instant.parse("2026-03-02T10:15:30Z"));
    assertThat(TelegrafMetric.parse(line.formatted("1772446530123")).timestamp())
        .isEqualTo(Instant.parse("2026-03-02T10:15:30.123Z"));
    assertThat(TelegrafMetric.parse(line.formatted("1772446530123456")).timestamp())
        .isEqualTo(Instant.parse("2026-03-02T10:15:30.123456Z"));
    assertThat(TelegrafMetric.parse(line.formatted("1772446530123456789")).timestamp())
        .isEqualTo(expected);
  }

  @Test
  void aBadMappingFileStopsStartUpNamingTheRule() throws Exception {
    Path mapping =
        Files.writeString(
            dir.resolve("mapping.json"),
            "{\"rules\":[{\"measurement\":\"pdu\",\"feed\":\"1\",\"fields\":{\"a\":{\"reading\":\"watts\"}}}]}");
    assertThatThrownBy(
            () ->
                TelegrafSource.fromArguments(
                    List.of("--mapping", mapping.toString(), "--topic", "t")))
        .hasMessage(
            "--mapping "
                + mapping
                + ": rules[0].fields.a: 'reading' must be one of "
                + readingNames());
    assertThatThrownBy(() -> TelegrafSource.fromArguments(List.of("--topic", "t")))
        .hasMessageContaining("--mapping is required");
  }

  private static String readingNames() {
    // Set order is unspecified; the message lists whatever the set prints.
    return java.util.Set.of("total", "energy", "current", "voltage", "phasePower").toString();
  }

  private static String resource(String name) throws URISyntaxException {
    return Path.of(TelegrafSourceTest.class.getClassLoader().getResource(name).toURI()).toString();
  }
}
