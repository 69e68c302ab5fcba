package io.plumbline.topology.cooling;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.plumbline.avro.v1.Alert;
import io.plumbline.avro.v1.AlertState;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.SubjectKind;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TestTopologies;
import io.plumbline.topology.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CoolingTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private static final String SENSOR = "r07-inlet-top";
  private static final String CDU = "cdu-3-supply";

  private final PlumblineTopics topics = PlumblineTopics.defaultTopics();
  private TopologyTestDriver driver;
  private TestInputTopic<String, EnvironmentReading> readings;
  private TestOutputTopic<String, Discrepancy> discrepancies;
  private TestOutputTopic<String, Alert> alerts;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    TopologyConfig config = TestTopologies.config(topics, "cooling");
    StreamsBuilder builder = new StreamsBuilder();
    new CoolingTopology(config).addTo(builder);
    Properties props = TestTopologies.streamsProperties("cooling-test", stateDir);
    driver = TestTopologies.driver(builder.build(), props);
    var serdes = config.serdes();
    var keys = Serdes.String();
    readings =
        driver.createInputTopic(
            topics.environmentReadings(),
            keys.serializer(),
            serdes.value(EnvironmentReading.class).serializer());
    discrepancies =
        driver.createOutputTopic(
            topics.discrepancies(),
            keys.deserializer(),
            serdes.value(Discrepancy.class).deserializer());
    alerts =
        driver.createOutputTopic(
            topics.alerts(), keys.deserializer(), serdes.value(Alert.class).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void inletAboveRecommendedWarnsAboveAllowableIsCriticalAndResolvesWhenCool() {
    inletFor(0, 28.0);
    inletFor(1, 33.0);
    inletFor(2, 24.0);
    closeWindowsBefore(3);

    List<Discrepancy> transitions = of(DiscrepancyType.INLET_OVER_TEMPERATURE);
    assertThat(transitions)
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, Severity.WARNING),
            tuple(DiscrepancyState.UPDATED, Severity.CRITICAL),
            tuple(DiscrepancyState.RESOLVED, Severity.CRITICAL));
    Discrepancy opened = transitions.get(0);
    assertThat(opened.getId()).isEqualTo("INLET_OVER_TEMPERATURE:SENSOR:r07-inlet-top");
    assertThat(opened.getSubject().getKind()).isEqualTo(SubjectKind.SENSOR);
    assertThat(opened.getSubject().getRackId()).isEqualTo("7");
    assertThat(opened.getDetail()).contains("mean 28.0 °C");

    List<Alert> fired = alerts.readValuesToList();
    assertThat(fired)
        .extracting(Alert::getState, Alert::getSeverity, Alert::getBudget)
        .containsExactly(
            tuple(AlertState.FIRING, Severity.WARNING, 27.0),
            tuple(AlertState.FIRING, Severity.CRITICAL, 32.0),
            tuple(AlertState.RESOLVED, Severity.CRITICAL, 27.0));
    assertThat(fired.get(1).getMeasured()).isCloseTo(33.0, within(1e-9));
    assertThat(fired.get(1).getUnit()).isEqualTo("Cel");
    assertThat(fired.get(1).getWindowStart()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void inletHoveringAroundTheRecommendedLimitDoesNotFlap() {
    double[] celsius = {27.4, 26.6, 27.4, 26.6, 27.4};
    for (int minute = 0; minute < celsius.length; minute++) {
      inletFor(minute, celsius[minute]);
    }
    closeWindowsBefore(celsius.length);

    assertThat(of(DiscrepancyType.INLET_OVER_TEMPERATURE))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void aLateInletReadingWithinTheGraceCountsInItsWindow() {
    readings.pipeInput(SENSOR, inlet(T0.plusSeconds(10), 26.0));
    readings.pipeInput(SENSOR, inlet(T0.plusSeconds(70), 26.0));
    readings.pipeInput(SENSOR, inlet(T0.plusSeconds(55), 30.0)); // 15 s late, grace 30 s
    closeWindowsBefore(1);

    assertThat(of(DiscrepancyType.INLET_OVER_TEMPERATURE))
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(tuple(DiscrepancyState.OPENED, Severity.WARNING));
    assertThat(alerts.readValuesToList().get(0).getMeasured()).isCloseTo(28.0, within(1e-9));
  }

  @Test
  void coolantOutOfRangeOpensAndResolvesBackInRange() {
    readings.pipeInput(CDU, coolant(T0.plusSeconds(10), EnvironmentKind.COOLANT_FLOW, 12, "L/min"));
    readings.pipeInput(
        CDU, coolant(T0.plusSeconds(20), EnvironmentKind.COOLANT_SUPPLY_TEMPERATURE, 25, "Cel"));
    readings.pipeInput(CDU, coolant(T0.plusSeconds(70), EnvironmentKind.COOLANT_FLOW, 90, "L/min"));
    readings.pipeInput(
        CDU, coolant(T0.plusSeconds(80), EnvironmentKind.COOLANT_SUPPLY_TEMPERATURE, 25, "Cel"));
    closeWindowsBefore(2);

    List<Discrepancy> transitions = of(DiscrepancyType.COOLANT_OUT_OF_RANGE);
    assertThat(transitions)
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, Severity.CRITICAL),
            tuple(DiscrepancyState.RESOLVED, Severity.CRITICAL));
    assertThat(transitions.get(0).getObserved()).isEqualTo("flow below 20 (until back above 25)");
    assertThat(transitions.get(0).getExpected())
        .isEqualTo("supply temperature 18 to 32 Cel, flow 20 to 500 L/min");
    List<Alert> fired = alerts.readValuesToList();
    assertThat(fired)
        .extracting(Alert::getState, Alert::getMeasured, Alert::getBudget, Alert::getUnit)
        .containsExactly(
            tuple(AlertState.FIRING, 12.0, 20.0, "L/min"),
            tuple(AlertState.RESOLVED, 25.0, 32.0, "Cel"));
  }

  @Test
  void aSensorThatStopsReportingGoesSilentAndResolvesOnItsNextReading() {
    readings.pipeInput(SENSOR, inlet(T0, 22.0));
    for (int second = 60; second <= 300; second += 60) {
      readings.pipeInput(
          CDU, coolant(T0.plusSeconds(second), EnvironmentKind.COOLANT_FLOW, 90, "L/min"));
    }
    List<Discrepancy> silent = of(DiscrepancyType.TELEMETRY_SILENT);
    assertThat(silent)
        .extracting(Discrepancy::getId)
        .containsExactly("TELEMETRY_SILENT:SENSOR:r07-inlet-top");
    assertThat(silent.get(0).getSubject().getRackId()).isEqualTo("7");
    assertThat(silent.get(0).getFirstSeen()).isEqualTo(T0.plusSeconds(300));

    readings.pipeInput(SENSOR, inlet(T0.plusSeconds(320), 22.0));
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void coolantHoveringAtItsBoundDoesNotFlapAndClearsInsideTheMargin() {
    // flow 20-500 L/min, clears 5 L/min inside: 18 opens, 22 and 19 hold, 26 resolves
    double[] flow = {18, 22, 19, 26};
    for (int minute = 0; minute < flow.length; minute++) {
      readings.pipeInput(
          CDU,
          coolant(
              T0.plusSeconds(minute * 60L + 10),
              EnvironmentKind.COOLANT_FLOW,
              flow[minute],
              "L/min"));
    }
    closeWindowsBefore(flow.length);

    assertThat(of(DiscrepancyType.COOLANT_OUT_OF_RANGE))
        .extracting(Discrepancy::getState, Discrepancy::getChangedAt)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, T0.plusSeconds(10)),
            tuple(DiscrepancyState.RESOLVED, T0.plusSeconds(3 * 60 + 10)));
    assertThat(alerts.readValuesToList())
        .extracting(Alert::getState)
        .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
  }

  @Test
  void aSensorSilentPastTheRetentionIsForgottenButStaysFlaggedUntilItReports() {
    readings.pipeInput(SENSOR, inlet(T0, 22.0));
    readings.pipeInput(
        CDU, coolant(T0.plusSeconds(330), EnvironmentKind.COOLANT_FLOW, 90, "L/min"));
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT)).hasSize(1);

    Instant eightDays = T0.plus(Duration.ofDays(8));
    readings.pipeInput(CDU, coolant(eightDays, EnvironmentKind.COOLANT_FLOW, 90, "L/min"));
    assertThat(driver.getKeyValueStore(CoolingTopology.HEARTBEATS_STORE).get(SENSOR))
        .as("forgotten after 7 days")
        .isNull();
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT)).as("still open").isEmpty();

    readings.pipeInput(SENSOR, inlet(eightDays.plusSeconds(5), 22.0));
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  /** Two inlet readings at {@code celsius} in minute {@code minute} after T0. */
  private void inletFor(int minute, double celsius) {
    readings.pipeInput(SENSOR, inlet(T0.plusSeconds(minute * 60L + 10), celsius));
    readings.pipeInput(SENSOR, inlet(T0.plusSeconds(minute * 60L + 40), celsius));
  }

  /** Moves stream time past the grace of every window before minute {@code minute}. */
  private void closeWindowsBefore(int minute) {
    Instant at = T0.plus(Duration.ofMinutes(minute)).plusSeconds(30);
    readings.pipeInput("tick", coolant(at, EnvironmentKind.OTHER, 0, "W"));
  }

  private List<Discrepancy> of(DiscrepancyType type) {
    return discrepancies.readValuesToList().stream().filter(d -> d.getType() == type).toList();
  }

  private static EnvironmentReading inlet(Instant at, double celsius) {
    return EnvironmentReading.newBuilder()
        .setSensorId(SENSOR)
        .setRackId("7")
        .setMeasuredAt(at)
        .setKind(EnvironmentKind.INLET_TEMPERATURE)
        .setValue(celsius)
        .setUnit("Cel")
        .build();
  }

  private static EnvironmentReading coolant(
      Instant at, EnvironmentKind kind, double value, String unit) {
    return EnvironmentReading.newBuilder()
        .setSensorId(CDU)
        .setCduId("cdu-3")
        .setMeasuredAt(at)
        .setKind(kind)
        .setValue(value)
        .setUnit(unit)
        .build();
  }
}
