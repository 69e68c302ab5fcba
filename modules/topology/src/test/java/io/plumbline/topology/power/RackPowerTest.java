package io.plumbline.topology.power;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.groups.Tuple.tuple;

import io.plumbline.avro.v1.Alert;
import io.plumbline.avro.v1.AlertState;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.avro.v1.SubjectKind;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TopologyConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
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

/** RACK_OVER_BUDGET and AB_HEADROOM_VIOLATED: a rack's feeds summed against its budgets. */
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
    TopologyConfig config =
        new TopologyConfig(
            topics, Map.of("schema.registry.url", "mock://rack-power-" + UUID.randomUUID()));
    StreamsBuilder builder = new StreamsBuilder();
    new PowerTopology(config).addTo(builder);
    Properties props = new Properties();
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "rack-power-test");
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
    driver = new TopologyTestDriver(builder.build(), props);
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
