package io.plumbline.topology.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.plumbline.avro.v1.Alert;
import io.plumbline.avro.v1.AlertState;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
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

/**
 * RACK_OVER_BUDGET, AB_HEADROOM_VIOLATED and RACK_HEAT_OVER_COOLING: a rack's feeds summed against
 * its budgets.
 */
class RackPowerTest {

  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private static final String RACK = "7";
  private static final String FEED_A = "701";
  private static final String FEED_B = "702";

  /** 415 V x 60 A x sqrt(3) x 80 %, each side. */
  private static final double ONE_SIDE = 34_502.45;

  private final PlumblineTopics topics = PlumblineTopics.defaultTopics();
  private TopologyTestDriver driver;
  private TestInputTopic<String, IntentRack> racks;
  private TestInputTopic<String, IntentPowerFeed> feeds;
  private TestInputTopic<String, PowerReading> readings;
  private TestOutputTopic<String, Discrepancy> discrepancies;
  private TestOutputTopic<String, Alert> alerts;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    TopologyConfig config = TestTopologies.config(topics, "rack-power");
    StreamsBuilder builder = new StreamsBuilder();
    new PowerTopology(config).addTo(builder);
    Properties props = TestTopologies.streamsProperties("rack-power-test", stateDir);
    // Ticks advance stream time with readings of a feed the design lacks: dead-lettered.
    props.put(
        StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        io.plumbline.topology.validation.InvalidInputHandler.class);
    props.put(StreamsConfig.ERRORS_DEAD_LETTER_QUEUE_TOPIC_NAME_CONFIG, topics.deadLetters());
    driver = TestTopologies.driver(builder.build(), props);
    var serdes = config.serdes();
    var keys = Serdes.String();
    racks =
        driver.createInputTopic(
            topics.intentRacks(), keys.serializer(), serdes.value(IntentRack.class).serializer());
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
  void feedsOverTheRackBudgetOpenItAndARaisedBudgetResolvesIt() {
    design(40_000);
    load(0, 22_000, 20_000);
    closeWindowsBefore(1);

    List<Discrepancy> opened = of(DiscrepancyType.RACK_OVER_BUDGET);
    assertThat(opened).extracting(Discrepancy::getState).containsExactly(DiscrepancyState.OPENED);
    assertThat(opened.get(0).getId()).isEqualTo("RACK_OVER_BUDGET:RACK:7");
    assertThat(opened.get(0).getSubject().getKind()).isEqualTo(SubjectKind.RACK);
    assertThat(opened.get(0).getDetail()).contains("42,000 W over 2 of 2 feeds");

    racks.pipeInput(RACK, rack(50_000), T0.plusSeconds(120));
    assertThat(of(DiscrepancyType.RACK_OVER_BUDGET))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
    List<Alert> rackAlerts =
        alerts.readValuesToList().stream()
            .filter(a -> a.getDiscrepancyType() == DiscrepancyType.RACK_OVER_BUDGET)
            .toList();
    assertThat(rackAlerts)
        .extracting(Alert::getState, Alert::getBudget)
        .containsExactly(tuple(AlertState.FIRING, 40_000.0), tuple(AlertState.RESOLVED, 50_000.0));
    assertThat(rackAlerts.get(0).getMeasured()).isCloseTo(42_000.0, within(1e-6));
  }

  @Test
  void aRackThatCouldNotSurviveTheLossOfOneSideViolatesTheHeadroomUntilTheLoadDrops() {
    design(100_000);
    load(0, 20_000, 20_000);
    load(1, 16_800, 16_800); // 97 % of one side: within the hysteresis, stays open
    load(2, 15_000, 15_000); // 87 %: resolves
    closeWindowsBefore(3);

    List<Discrepancy> transitions = of(DiscrepancyType.AB_HEADROOM_VIOLATED);
    assertThat(transitions)
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(transitions.get(0).getExpected()).contains("34,502 W");
    assertThat(transitions.get(1).getChangedAt()).isEqualTo(T0.plusSeconds(130));
  }

  @Test
  void oneFeedWithoutTelemetryCanProveAnOverrunButNeverItsAbsence() {
    design(40_000);
    readings.pipeInput(FEED_A, reading(FEED_A, T0.plusSeconds(10), 30_000));
    closeWindowsBefore(1);
    assertThat(of(DiscrepancyType.RACK_OVER_BUDGET)).isEmpty();

    readings.pipeInput(FEED_A, reading(FEED_A, T0.plusSeconds(70), 41_000));
    closeWindowsBefore(2);
    assertThat(of(DiscrepancyType.RACK_OVER_BUDGET))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);

    readings.pipeInput(FEED_A, reading(FEED_A, T0.plusSeconds(130), 10_000));
    closeWindowsBefore(3);
    assertThat(of(DiscrepancyType.RACK_OVER_BUDGET)).as("B unknown: stays open").isEmpty();
  }

  @Test
  void aSideThatTripsIsNeverSummedWithTheOtherSidesOlderWindow() {
    // Side B trips in minute 1 and A carries the whole 30 kW rack: within the 40 kW budget and
    // one side's 34.5 kW in every minute. The two windows of minute 1 close together but reach
    // the rack one after the other; A's new window must not be added to B's old one (45 kW), nor
    // the reverse when B comes back in minute 2 (A's old 30 kW plus B's new 15 kW).
    design(40_000);
    load(0, 15_000, 15_000);
    load(1, 30_000, 0);
    load(2, 15_000, 15_000);
    closeWindowsBefore(3);

    assertThat(discrepancies.readValuesToList())
        .as("no rack finding in any minute")
        .filteredOn(d -> RackChecks.TYPES.contains(d.getType()))
        .isEmpty();
  }

  @Test
  void aRackOverItsBudgetStaysOpenWhileOnlyOneSideOfTheNewWindowIsKnown() {
    design(40_000);
    load(0, 22_000, 20_000);
    closeWindowsBefore(1);
    assertThat(of(DiscrepancyType.RACK_OVER_BUDGET)).hasSize(1);

    // Minute 1: A reports 10 kW, B nothing yet; A alone cannot prove the rack back in budget.
    readings.pipeInput(FEED_A, reading(FEED_A, T0.plusSeconds(70), 10_000));
    closeWindowsBefore(2);
    assertThat(of(DiscrepancyType.RACK_OVER_BUDGET)).as("B unknown for minute 1").isEmpty();

    load(2, 10_000, 10_000);
    closeWindowsBefore(3);
    assertThat(of(DiscrepancyType.RACK_OVER_BUDGET))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void movingAFeedToAnotherRackInTheDesignReEvaluatesBothRacks() {
    design(40_000);
    load(0, 22_000, 20_000);
    closeWindowsBefore(1);
    assertThat(of(DiscrepancyType.RACK_OVER_BUDGET)).hasSize(1);

    feeds.pipeInput(
        FEED_B,
        IntentPowerFeed.newBuilder(feed(FEED_B, "B")).setRackId("8").build(),
        T0.plusSeconds(120));

    assertThat(of(DiscrepancyType.RACK_OVER_BUDGET))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void heatOverCoolingWarnsEscalatesAndClearsWithHysteresisWhenTheLoadDrops() {
    design(rack(100_000, 40_000));
    load(0, 18_500, 18_500); // 92.5 % of cooling: WARNING
    load(1, 20_500, 20_000); // 101.25 %: CRITICAL
    load(2, 19_200, 19_000); // 95.5 %: stays CRITICAL (clears below 95 %)
    load(3, 18_000, 18_000); // 90 %: back to WARNING
    load(4, 17_500, 17_500); // 87.5 %: stays WARNING (clears below 85 %)
    load(5, 16_000, 16_000); // 80 %: resolves
    closeWindowsBefore(6);

    List<Discrepancy> transitions = of(DiscrepancyType.RACK_HEAT_OVER_COOLING);
    assertThat(transitions)
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(
            tuple(DiscrepancyState.OPENED, Severity.WARNING),
            tuple(DiscrepancyState.UPDATED, Severity.CRITICAL),
            tuple(DiscrepancyState.UPDATED, Severity.WARNING),
            tuple(DiscrepancyState.RESOLVED, Severity.WARNING));
    Discrepancy opened = transitions.get(0);
    assertThat(opened.getId()).isEqualTo("RACK_HEAT_OVER_COOLING:RACK:7");
    assertThat(opened.getDomain()).isEqualTo(DiscrepancyDomain.COOLING);
    assertThat(opened.getSubject().getKind()).isEqualTo(SubjectKind.RACK);
    assertThat(opened.getExpected()).isEqualTo("heat within the rack's cooling capacity, 40,000 W");
    assertThat(opened.getDetail()).contains("37,000 W over 2 of 2 feeds").contains("92.5 %");

    List<Alert> heatAlerts = alertsOf(DiscrepancyType.RACK_HEAT_OVER_COOLING);
    assertThat(heatAlerts)
        .extracting(Alert::getState, Alert::getSeverity, Alert::getBudget, Alert::getUnit)
        .containsExactly(
            tuple(AlertState.FIRING, Severity.WARNING, 40_000.0, "W"),
            tuple(AlertState.FIRING, Severity.CRITICAL, 40_000.0, "W"),
            tuple(AlertState.FIRING, Severity.WARNING, 40_000.0, "W"),
            tuple(AlertState.RESOLVED, Severity.WARNING, 40_000.0, "W"));
    assertThat(heatAlerts.get(1).getMeasured()).isCloseTo(40_500.0, within(1e-6));
  }

  @Test
  void raisingTheCoolingCapacityInTheDesignResolvesHeatOverCooling() {
    design(rack(100_000, 40_000));
    load(0, 23_000, 22_000);
    closeWindowsBefore(1);
    assertThat(of(DiscrepancyType.RACK_HEAT_OVER_COOLING))
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(tuple(DiscrepancyState.OPENED, Severity.CRITICAL));

    racks.pipeInput(RACK, rack(100_000, 60_000), T0.plusSeconds(120));

    assertThat(of(DiscrepancyType.RACK_HEAT_OVER_COOLING))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void loweringTheCoolingCapacityInTheDesignOpensHeatOverCoolingWithoutNewTelemetry() {
    design(rack(100_000, 60_000));
    load(0, 23_000, 22_000);
    closeWindowsBefore(1);
    assertThat(of(DiscrepancyType.RACK_HEAT_OVER_COOLING)).isEmpty();

    racks.pipeInput(RACK, rack(100_000, 48_000), T0.plusSeconds(120));

    assertThat(of(DiscrepancyType.RACK_HEAT_OVER_COOLING))
        .extracting(Discrepancy::getState, Discrepancy::getSeverity)
        .containsExactly(tuple(DiscrepancyState.OPENED, Severity.WARNING));
  }

  @Test
  void aRackWithoutCoolingCapacityOrWithAFeedUnreportedDecidesNoHeat() {
    design(rack(100_000, 0));
    load(0, 30_000, 30_000);
    closeWindowsBefore(1);
    assertThat(of(DiscrepancyType.RACK_HEAT_OVER_COOLING)).isEmpty();

    racks.pipeInput(RACK, rack(100_000, 40_000), T0.plusSeconds(70));
    feeds.pipeInput(
        "703", IntentPowerFeed.newBuilder(feed("703", "A")).build(), T0.plusSeconds(70));
    // 60 kW known of three feeds: an overrun is proven even with one feed unreported
    assertThat(of(DiscrepancyType.RACK_HEAT_OVER_COOLING))
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);
  }

  private void design(IntentRack rack) {
    racks.pipeInput(RACK, rack, T0);
    feeds.pipeInput(FEED_A, feed(FEED_A, "A"), T0);
    feeds.pipeInput(FEED_B, feed(FEED_B, "B"), T0);
  }

  private List<Alert> alertsOf(DiscrepancyType type) {
    return alerts.readValuesToList().stream().filter(a -> a.getDiscrepancyType() == type).toList();
  }

  private void design(double budgetWatts) {
    racks.pipeInput(RACK, rack(budgetWatts), T0);
    feeds.pipeInput(FEED_A, feed(FEED_A, "A"), T0);
    feeds.pipeInput(FEED_B, feed(FEED_B, "B"), T0);
  }

  private void load(int minute, double wattsA, double wattsB) {
    Instant at = T0.plusSeconds(minute * 60L + 10);
    readings.pipeInput(FEED_A, reading(FEED_A, at, wattsA));
    readings.pipeInput(FEED_B, reading(FEED_B, at, wattsB));
  }

  private void closeWindowsBefore(int minute) {
    Instant at = T0.plus(Duration.ofMinutes(minute)).plusSeconds(30);
    readings.pipeInput("tick", reading("tick", at, 0));
  }

  private List<Discrepancy> of(DiscrepancyType type) {
    return discrepancies.readValuesToList().stream().filter(d -> d.getType() == type).toList();
  }

  private static IntentRack rack(double budgetWatts) {
    return IntentRack.newBuilder()
        .setId(RACK)
        .setName("R07")
        .setSiteId("1")
        .setPowerBudgetWatts(budgetWatts)
        .setUrl("https://netbox.example.com/dcim/racks/7/")
        .build();
  }

  private static IntentRack rack(double budgetWatts, double coolingWatts) {
    return IntentRack.newBuilder(rack(budgetWatts))
        .setCoolingCapacityWatts(coolingWatts > 0 ? coolingWatts : null)
        .build();
  }

  private static IntentPowerFeed feed(String id, String side) {
    return IntentPowerFeed.newBuilder()
        .setId(id)
        .setName("R07-" + side)
        .setSiteId("1")
        .setRackId(RACK)
        .setSide(side)
        .setPhase("three-phase")
        .setVoltage(415)
        .setAmperage(60)
        .setMaxUtilizationPercent(80)
        .build();
  }

  private static PowerReading reading(String feedId, Instant at, double watts) {
    return PowerReading.newBuilder()
        .setFeedId(feedId)
        .setSourceId("pdu-" + feedId)
        .setMeasuredAt(at)
        .setTotalPowerWatts(watts)
        .build();
  }
}
