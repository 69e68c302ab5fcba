package io.plumbline.topology.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.plumbline.avro.v1.Alert;
import io.plumbline.avro.v1.AlertState;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
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
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PowerTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private static final String FEED = "501";
  private static final String OTHER_FEED = "502";

  /** 415 V x 60 A x sqrt(3) x 80 %. */
  private static final double USABLE = 34_502.45;

  private final PlumblineTopics topics = PlumblineTopics.defaultTopics();
  private TopologyTestDriver driver;
  private TestInputTopic<String, IntentPowerFeed> feeds;
  private TestInputTopic<String, PowerReading> readings;
  private TestOutputTopic<String, Discrepancy> discrepancies;
  private TestOutputTopic<String, Alert> alerts;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    TopologyConfig config = TestTopologies.config(topics, "power");
    StreamsBuilder builder = new StreamsBuilder();
    new PowerTopology(config).addTo(builder);
    Properties props = TestTopologies.streamsProperties("power-test", stateDir);
    // Ticks advance stream time with readings of a feed the design lacks: dead-lettered.
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        io.plumbline.topology.validation.InvalidInputHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());
    driver = TestTopologies.driver(builder.build(), props);
    var serdes = config.serdes();
    var keys = Serdes.String();
    feeds =
        driver.createInputTopic(
            topics.intentPowerFeeds(),
            keys.serializer(),
            serdes.value(IntentPowerFeed.class).serializer());
    readings =
        driver.createInputTopic(
            topics.powerReadings(),
            keys.serializer(),
            serdes.value(PowerReading.class).serializer());
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
  void sustainedLoadOpensWarningEscalatesToCriticalAndResolves() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    loadFor(0, 85);
    loadFor(1, 105);
    loadFor(2, 50);
    closeWindowsBefore(3);

    List<Discrepancy> transitions = of(DiscrepancyType.FEED_OVER_BUDGET);
    assertThat(transitions)
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, Severity.WARNING),
            tuple(DiscrepancyState.UPDATED, Severity.CRITICAL),
            tuple(DiscrepancyState.RESOLVED, Severity.CRITICAL));
    Discrepancy opened = transitions.get(0);
    assertThat(opened.getId()).isEqualTo("FEED_OVER_BUDGET:POWER_FEED:501");
    assertThat(opened.getSubject().getKind()).isEqualTo(SubjectKind.POWER_FEED);
    assertThat(opened.getSubject().getName()).isEqualTo("R02-B");
    assertThat(opened.getSubject().getRackId()).isEqualTo("2");
    assertThat(opened.getExpected()).contains("usable 34,502 W (415 V x 60 A x sqrt3 x 80 %)");
    assertThat(opened.getDetail()).contains("85.0 %");
    assertThat(transitions.get(2).getRevision()).isEqualTo(3);
  }

  @Test
  void alertsFireOnOpenAndEscalationAndResolveWithTheirWindow() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    loadFor(0, 85);
    loadFor(1, 105);
    loadFor(2, 50);
    closeWindowsBefore(3);

    List<Alert> fired = alerts.readValuesToList();
    assertThat(fired)
        .extracting(Alert::getState, Alert::getSeverity)
        .containsExactly(
            tuple(AlertState.FIRING, Severity.WARNING),
            tuple(AlertState.FIRING, Severity.CRITICAL),
            tuple(AlertState.RESOLVED, Severity.CRITICAL));
    Alert first = fired.get(0);
    assertThat(first.getId()).isEqualTo("FEED_OVER_BUDGET:POWER_FEED:501");
    assertThat(first.getWindowStart()).isEqualTo(T0);
    assertThat(first.getWindowEnd()).isEqualTo(T0.plusSeconds(60));
    assertThat(first.getMeasured()).isCloseTo(0.85 * USABLE, within(1.0));
    assertThat(first.getBudget()).isCloseTo(USABLE, within(1.0));
    assertThat(first.getUnit()).isEqualTo("W");
    Alert resolved = fired.get(2);
    assertThat(resolved.getWindowStart()).isEqualTo(T0.plusSeconds(120));
    assertThat(resolved.getMeasured()).isCloseTo(0.50 * USABLE, within(1.0));
  }

  @Test
  void loadHoveringAroundTheWarningThresholdDoesNotFlap() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    double[] percents = {81, 79, 81, 79, 81, 79};
    for (int minute = 0; minute < percents.length; minute++) {
      loadFor(minute, percents[minute]);
    }
    closeWindowsBefore(percents.length);

    assertThat(of(DiscrepancyType.FEED_OVER_BUDGET))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void loadBelowTheClearThresholdResolvesAfterHovering() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    loadFor(0, 81);
    loadFor(1, 76);
    loadFor(2, 74);
    closeWindowsBefore(3);

    assertThat(of(DiscrepancyType.FEED_OVER_BUDGET))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  @Test
  void raisingTheFeedCapacityInTheDesignResolvesAgainstTheLatestWindow() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    loadFor(0, 90);
    closeWindowsBefore(1);
    feeds.pipeInput(FEED, feed(FEED, 100, "active"), T0.plusSeconds(120));

    List<Discrepancy> transitions = of(DiscrepancyType.FEED_OVER_BUDGET);
    assertThat(transitions)
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(transitions.get(1).getChangedAt()).isEqualTo(T0.plusSeconds(120));
    List<Alert> fired = alerts.readValuesToList();
    assertThat(fired)
        .extracting(Alert::getState)
        .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
    assertThat(fired.get(1).getBudget()).isCloseTo(USABLE * 100 / 60, within(1.0));
  }

  @Test
  void loweringTheFeedCapacityInTheDesignOpensItWithoutNewTelemetry() {
    feeds.pipeInput(FEED, feed(FEED, 100, "active"), T0);
    loadFor(0, 90); // of the 60 A feed's usable power: 54 % of the 100 A one
    closeWindowsBefore(1);
    assertThat(of(DiscrepancyType.FEED_OVER_BUDGET)).isEmpty();

    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0.plusSeconds(120));

    assertThat(of(DiscrepancyType.FEED_OVER_BUDGET))
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(tuple(DiscrepancyState.OPENED, Severity.WARNING));
  }

  @Test
  void aLateReadingWithinTheGraceCountsInItsWindowAndOneAfterItDoesNot() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(10), 0.70 * USABLE));
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(70), 0.70 * USABLE));
    // out of order by 20 s, within the 30 s grace: counts in [0 s, 60 s)
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(50), 1.00 * USABLE));
    closeWindowsBefore(1);
    // after the window closed: too late, dropped
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(55), 5.00 * USABLE));
    closeWindowsBefore(2);

    List<Discrepancy> transitions = of(DiscrepancyType.FEED_OVER_BUDGET);
    assertThat(transitions)
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, Severity.WARNING),
            tuple(DiscrepancyState.RESOLVED, Severity.WARNING));
    List<Alert> fired = alerts.readValuesToList();
    assertThat(fired.get(0).getMeasured()).isCloseTo(0.85 * USABLE, within(1.0));
    assertThat(fired.get(0).getWindowStart()).isEqualTo(T0);
  }

  @Test
  void aFeedThatStopsReportingGoesSilentAfterFiveMinutesOfStreamTimeAndResolvesOnItsNextReading() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(5), 1000));
    for (int second = 30; second <= 300; second += 30) {
      readings.pipeInput(OTHER_FEED, reading(OTHER_FEED, T0.plusSeconds(second), 1000));
    }
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT)).as("4 min 55 s of silence").isEmpty();

    readings.pipeInput(OTHER_FEED, reading(OTHER_FEED, T0.plusSeconds(330), 1000));
    List<Discrepancy> silent = of(DiscrepancyType.TELEMETRY_SILENT);
    assertThat(silent).hasSize(1);
    assertThat(silent.get(0).getId()).isEqualTo("TELEMETRY_SILENT:POWER_FEED:501");
    assertThat(silent.get(0).getState()).isEqualTo(DiscrepancyState.OPENED);
    assertThat(silent.get(0).getFirstSeen()).isEqualTo(T0.plusSeconds(330));
    assertThat(silent.get(0).getObserved()).contains(T0.plusSeconds(5).toString());

    readings.pipeInput(OTHER_FEED, reading(OTHER_FEED, T0.plusSeconds(600), 1000));
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT)).as("stays open, no repeat").isEmpty();

    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(610), 1000));
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void aPhaseOverItsContinuousRatingIsOverloaded() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    // 48 A per phase allowed (60 A x 80 %)
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(10), 20_000, 44, 52, 46));
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(70), 20_000, 44, 45, 45));
    closeWindowsBefore(2);

    List<Discrepancy> overloads = of(DiscrepancyType.PHASE_OVERLOAD);
    assertThat(overloads)
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, Severity.CRITICAL),
            tuple(DiscrepancyState.RESOLVED, Severity.CRITICAL));
    assertThat(overloads.get(0).getObserved())
        .isEqualTo("phase L2 over the limit (until below 95 % of it)");
    List<Alert> fired = alerts.readValuesToList();
    assertThat(fired).extracting(Alert::getUnit).containsOnly("A");
    assertThat(fired.get(0).getMeasured()).isCloseTo(52.0, within(1e-9));
    assertThat(fired.get(0).getBudget()).isCloseTo(48.0, within(1e-9));
  }

  @Test
  void unevenPhasesAreImbalancedOnlyAboveTheMinimumLoad() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    // mean 30 A, (40 - 20) / 30 = 67 %
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(10), 20_000, 40, 30, 20));
    // mean 3 A, under 10 % of 60 A: too little load to judge, resolves
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(70), 2_000, 5, 3, 1));
    closeWindowsBefore(2);

    assertThat(of(DiscrepancyType.PHASE_IMBALANCE))
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, Severity.WARNING),
            tuple(DiscrepancyState.RESOLVED, Severity.WARNING));
  }

  @Test
  void loadOnAPlannedFeedIsFlaggedUntilTheDesignActivatesIt() {
    feeds.pipeInput(FEED, feed(FEED, 60, "planned"), T0);
    loadFor(0, 10);
    closeWindowsBefore(1);
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0.plusSeconds(120));

    List<Discrepancy> transitions = of(DiscrepancyType.LOAD_ON_UNUSED_FEED);
    assertThat(transitions)
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(transitions.get(0).getExpected()).isEqualTo("no load: feed status planned");
  }

  @Test
  void loadOnAFeedWithNoAllocatedDrawIsFlaggedAndANegligibleOneIsNot() {
    feeds.pipeInput(
        FEED,
        IntentPowerFeed.newBuilder(feed(FEED, 60, "active")).setAllocatedDrawWatts(0.0).build(),
        T0);
    feeds.pipeInput(
        OTHER_FEED, IntentPowerFeed.newBuilder(feed(OTHER_FEED, 60, "offline")).build(), T0);
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(10), 3_000));
    readings.pipeInput(OTHER_FEED, reading(OTHER_FEED, T0.plusSeconds(10), 40));
    closeWindowsBefore(1);

    List<Discrepancy> transitions = of(DiscrepancyType.LOAD_ON_UNUSED_FEED);
    assertThat(transitions)
        .extracting(Discrepancy::getId)
        .containsExactly("LOAD_ON_UNUSED_FEED:POWER_FEED:501");
    assertThat(transitions.get(0).getExpected())
        .isEqualTo("no load: no draw allocated on this feed");
  }

  @Test
  void removingTheFeedFromTheDesignResolvesItsFindingsAndAlerts() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    loadFor(0, 110);
    closeWindowsBefore(1);
    feeds.pipeInput(FEED, null, T0.plusSeconds(120));

    assertThat(of(DiscrepancyType.FEED_OVER_BUDGET))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(alerts.readValuesToList())
        .extracting(Alert::getState)
        .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
  }

  @Test
  void aRedeliveredDesignRecordMakesNoTransition() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    loadFor(0, 90);
    closeWindowsBefore(1);
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0.plusSeconds(120));
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0.plusSeconds(130));

    assertThat(of(DiscrepancyType.FEED_OVER_BUDGET)).hasSize(1);
    assertThat(alerts.readValuesToList()).hasSize(1);
  }

  @Test
  void telemetryWithoutADesignedFeedDecidesNothing() {
    loadFor(0, 200);
    closeWindowsBefore(1);

    assertThat(of(DiscrepancyType.FEED_OVER_BUDGET)).isEmpty();
    assertThat(alerts.isEmpty()).isTrue();
  }

  @Test
  void aPhaseHoveringJustUnderItsLimitStaysOverloadedUntilBelowTheClearLevel() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    // limit 48 A: 52 A opens, 47 A (98 %) holds, 49 A holds, 45 A (94 %) resolves
    double[] highest = {52, 47, 49, 45};
    for (int minute = 0; minute < highest.length; minute++) {
      readings.pipeInput(
          FEED, reading(FEED, T0.plusSeconds(minute * 60L + 10), 20_000, 40, highest[minute], 40));
    }
    closeWindowsBefore(highest.length);

    assertThat(of(DiscrepancyType.PHASE_OVERLOAD))
        .extracting(Discrepancy::getState, Discrepancy::getChangedAt)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, T0.plusSeconds(10)),
            tuple(DiscrepancyState.RESOLVED, T0.plusSeconds(3 * 60 + 10)));
    assertThat(
            alerts.readValuesToList().stream()
                .filter(a -> a.getDiscrepancyType() == DiscrepancyType.PHASE_OVERLOAD))
        .extracting(Alert::getState)
        .containsExactly(AlertState.FIRING, AlertState.RESOLVED);
  }

  @Test
  void phaseImbalanceHoveringAroundItsThresholdDoesNotFlap() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    // mean 30 A: 67 % opens, 18 % holds (clears below 15 %), 22 % holds, 10 % resolves
    double[][] phases = {{40, 30, 20}, {32.7, 30, 27.3}, {33.3, 30, 26.7}, {31.5, 30, 28.5}};
    for (int minute = 0; minute < phases.length; minute++) {
      readings.pipeInput(
          FEED, reading(FEED, T0.plusSeconds(minute * 60L + 10), 20_000, phases[minute]));
    }
    closeWindowsBefore(phases.length);

    List<Discrepancy> transitions = of(DiscrepancyType.PHASE_IMBALANCE);
    assertThat(transitions)
        .extracting(Discrepancy::getState, Discrepancy::getChangedAt)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, T0.plusSeconds(10)),
            tuple(DiscrepancyState.RESOLVED, T0.plusSeconds(3 * 60 + 10)));
    assertThat(transitions.get(0).getObserved())
        .isEqualTo("imbalance over 20 % (until below 15 %)");
  }

  @Test
  void aFeedRemovedFromTheDesignWhileSilentIsResolvedAndForgotten() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    feeds.pipeInput(OTHER_FEED, feed(OTHER_FEED, 60, "active"), T0);
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(5), 1000));
    keepOtherFeedReportingUntil(330);
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);

    feeds.pipeInput(FEED, null, T0.plusSeconds(340));
    keepOtherFeedReportingUntil(390);

    assertThat(of(DiscrepancyType.TELEMETRY_SILENT))
        .extracting(Discrepancy::getId, Discrepancy::getState)
        .containsExactly(tuple("TELEMETRY_SILENT:POWER_FEED:501", DiscrepancyState.RESOLVED));
    assertThat(heartbeatOf(FEED)).isNull();
    assertThat(latestWindowOf(FEED)).isNull();
    assertThat(heartbeatOf(OTHER_FEED)).isNotNull();
    assertThat(latestWindowOf(OTHER_FEED)).isNotNull();
  }

  @Test
  void aFeedTheDesignDoesNotHaveIsNeverFlaggedSilentNorKept() {
    feeds.pipeInput(OTHER_FEED, feed(OTHER_FEED, 60, "active"), T0);
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(5), 1000));
    keepOtherFeedReportingUntil(600);

    assertThat(of(DiscrepancyType.TELEMETRY_SILENT)).isEmpty();
    assertThat(heartbeatOf(FEED)).isNull();
    assertThat(latestWindowOf(FEED)).isNull();
  }

  @Test
  void aFeedRemovedFromTheDesignBeforeGoingSilentIsNeverFlagged() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    feeds.pipeInput(OTHER_FEED, feed(OTHER_FEED, 60, "active"), T0);
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(5), 1000));
    keepOtherFeedReportingUntil(120);
    feeds.pipeInput(FEED, null, T0.plusSeconds(125));
    keepOtherFeedReportingUntil(600);

    assertThat(of(DiscrepancyType.TELEMETRY_SILENT)).isEmpty();
    assertThat(heartbeatOf(FEED)).isNull();
  }

  @Test
  void aFeedSilentPastTheRetentionIsForgottenButStaysFlaggedUntilItReports() {
    feeds.pipeInput(FEED, feed(FEED, 60, "active"), T0);
    feeds.pipeInput(OTHER_FEED, feed(OTHER_FEED, 60, "active"), T0);
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(5), 1000));
    keepOtherFeedReportingUntil(330);
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT)).hasSize(1);

    Instant eightDays = T0.plus(Duration.ofDays(8));
    readings.pipeInput(OTHER_FEED, reading(OTHER_FEED, eightDays, 1000));
    assertThat(heartbeatOf(FEED)).as("forgotten after 7 days").isNull();
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT)).as("still open").isEmpty();

    readings.pipeInput(FEED, reading(FEED, eightDays.plusSeconds(5), 1000));
    assertThat(of(DiscrepancyType.TELEMETRY_SILENT))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  private void keepOtherFeedReportingUntil(int second) {
    for (int at = 30; at <= second; at += 30) {
      readings.pipeInput(OTHER_FEED, reading(OTHER_FEED, T0.plusSeconds(at), 1000));
    }
  }

  private Object heartbeatOf(String feedId) {
    return driver.getKeyValueStore(PowerTopology.HEARTBEATS_STORE).get(feedId);
  }

  private Object latestWindowOf(String feedId) {
    return driver.getKeyValueStore(PowerTopology.LATEST_WINDOW_STORE).get(feedId);
  }

  /** Two readings at {@code percent} of usable power in minute {@code minute} after T0. */
  private void loadFor(int minute, double percent) {
    double watts = percent / 100.0 * USABLE;
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(minute * 60L + 10), watts));
    readings.pipeInput(FEED, reading(FEED, T0.plusSeconds(minute * 60L + 40), watts));
  }

  /** Moves stream time past the grace of every window before minute {@code minute}. */
  private void closeWindowsBefore(int minute) {
    Instant at = T0.plus(Duration.ofMinutes(minute)).plusSeconds(30);
    readings.pipeInput("tick", reading("tick", at, 0));
  }

  /** Drains the discrepancy output and keeps the transitions of one type. */
  private List<Discrepancy> of(DiscrepancyType type) {
    return discrepancies.readValuesToList().stream().filter(d -> d.getType() == type).toList();
  }

  private static org.assertj.core.groups.Tuple tuple(Object... values) {
    return org.assertj.core.groups.Tuple.tuple(values);
  }

  private static IntentPowerFeed feed(String id, double amps, String status) {
    return IntentPowerFeed.newBuilder()
        .setId(id)
        .setName("R02-B")
        .setSiteId("1")
        .setRackId("2")
        .setPanelName("PP-02")
        .setSide("B")
        .setPhase("three-phase")
        .setVoltage(415)
        .setAmperage(amps)
        .setMaxUtilizationPercent(80)
        .setAllocatedDrawWatts(28_000.0)
        .setStatus(status)
        .setUrl("https://netbox.example.com/dcim/power-feeds/" + id + "/")
        .build();
  }

  private static PowerReading reading(String feedId, Instant at, double watts, double... amps) {
    PowerReading.Builder reading =
        PowerReading.newBuilder()
            .setFeedId(feedId)
            .setSourceId("pdu-" + feedId)
            .setMeasuredAt(at)
            .setTotalPowerWatts(watts);
    List<PhaseReading> phases = new java.util.ArrayList<>();
    for (int i = 0; i < amps.length; i++) {
      phases.add(PhaseReading.newBuilder().setPhase("L" + (i + 1)).setCurrentAmps(amps[i]).build());
    }
    return reading.setPhases(phases).build();
  }
}
