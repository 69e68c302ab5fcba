package io.plumbline.topology.design;

import static io.plumbline.avro.v1.DiscrepancyState.OPENED;
import static io.plumbline.avro.v1.DiscrepancyState.RESOLVED;
import static io.plumbline.avro.v1.DiscrepancyState.UPDATED;
import static io.plumbline.avro.v1.DiscrepancyType.FEED_ALLOCATION_OVER_CAPACITY;
import static io.plumbline.avro.v1.DiscrepancyType.RACK_AB_REDUNDANCY_INSUFFICIENT;
import static io.plumbline.avro.v1.DiscrepancyType.RACK_PLANNED_HEAT_OVER_COOLING;
import static io.plumbline.avro.v1.DiscrepancyType.RACK_PLANNED_POWER_OVER_BUDGET;
import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.SubjectKind;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TestTopologies;
import io.plumbline.topology.TopologyConfig;
import java.nio.file.Path;
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
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The design checks through the topology: each finding opens, updates, and resolves when the design
 * is corrected from each contributing side.
 */
class DesignTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private static final String RACK = "14";
  private static final String B200 = "7";
  private static final double B200_WATTS = 14_300;
  private static final String FEED_A = "701";
  private static final String FEED_B = "702";

  private final PlumblineTopics topics = PlumblineTopics.defaultTopics();
  private TopologyTestDriver driver;
  private TestInputTopic<String, IntentRack> racks;
  private TestInputTopic<String, IntentDeviceType> types;
  private TestInputTopic<String, IntentDevice> devices;
  private TestInputTopic<String, IntentPowerFeed> feeds;
  private TestOutputTopic<String, Discrepancy> discrepancies;
  private long clock;

  @TempDir Path stateDir;

  @BeforeEach
  void start() {
    TopologyConfig config = TestTopologies.config(topics, "design");
    StreamsBuilder builder = new StreamsBuilder();
    new DesignTopology(config).addTo(builder);
    Properties props = TestTopologies.streamsProperties("design-test", stateDir);
    driver = TestTopologies.driver(builder.build(), props);
    var serdes = config.serdes();
    var keys = Serdes.String();
    racks =
        driver.createInputTopic(
            topics.intentRacks(), keys.serializer(), serdes.value(IntentRack.class).serializer());
    types =
        driver.createInputTopic(
            topics.intentDeviceTypes(),
            keys.serializer(),
            serdes.value(IntentDeviceType.class).serializer());
    devices =
        driver.createInputTopic(
            topics.intentDevices(),
            keys.serializer(),
            serdes.value(IntentDevice.class).serializer());
    feeds =
        driver.createInputTopic(
            topics.intentPowerFeeds(),
            keys.serializer(),
            serdes.value(IntentPowerFeed.class).serializer());
    discrepancies =
        driver.createOutputTopic(
            topics.discrepancies(),
            keys.deserializer(),
            serdes.value(Discrepancy.class).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void aCleanDesignGivesNothing() {
    cleanRack();

    assertThat(discrepancies.readValuesToList()).isEmpty();
  }

  @Test
  void redeliveredIntentMakesNoNewTransition() {
    cleanRack();
    racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
    racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
    devices.pipeInput("104", node("104", RACK), next());
    types.pipeInput(B200, b200(null, B200_WATTS), next());

    assertThat(discrepancies.readValuesToList())
        .extracting(Discrepancy::getState)
        .containsExactly(OPENED);
  }

  @Nested
  class FeedAllocationOverCapacity {

    @Test
    void opensWithTheWorkedNumbers() {
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 36_000.0), next());

      Discrepancy opened = single(discrepancies.readValuesToList());
      assertThat(opened.getState()).isEqualTo(OPENED);
      assertThat(opened.getId()).isEqualTo("FEED_ALLOCATION_OVER_CAPACITY:POWER_FEED:701");
      assertThat(opened.getType()).isEqualTo(FEED_ALLOCATION_OVER_CAPACITY);
      assertThat(opened.getDomain()).isEqualTo(DiscrepancyDomain.DESIGN);
      assertThat(opened.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(opened.getSubject().getKind()).isEqualTo(SubjectKind.POWER_FEED);
      assertThat(opened.getSubject().getName()).isEqualTo("R14-A");
      assertThat(opened.getSubject().getRackId()).isEqualTo(RACK);
      assertThat(opened.getSubject().getUrl())
          .isEqualTo("https://netbox.example.com/dcim/power-feeds/701/");
      assertThat(opened.getExpected()).isEqualTo("<= 34502 W usable (415 V x 60 A x sqrt3 x 80 %)");
      assertThat(opened.getObserved()).isEqualTo("allocated 36000 W (104 %)");
    }

    @Test
    void updatesWhenTheAllocationGrowsAndResolvesWhenTheFeedIsUpgraded() {
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 36_000.0), next());
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 40_000.0), next());
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 100, 40_000.0), next());

      List<Discrepancy> transitions = discrepancies.readValuesToList();
      assertThat(transitions)
          .extracting(Discrepancy::getState)
          .containsExactly(OPENED, UPDATED, RESOLVED);
      assertThat(transitions.get(1).getObserved()).isEqualTo("allocated 40000 W (116 %)");
    }

    @Test
    void resolvesWhenTheAllocationIsCorrected() {
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 36_000.0), next());
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 28_600.0), next());

      assertThat(states(FEED_ALLOCATION_OVER_CAPACITY)).containsExactly(OPENED, RESOLVED);
    }

    @Test
    void anAllocationEqualToTheUsablePowerIsFine() {
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 34_502.0), next());

      assertThat(discrepancies.readValuesToList()).isEmpty();
    }

    @Test
    void aFeedWithoutAllocationStaysUndecided() {
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 36_000.0), next());
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, null), next());

      assertThat(states(FEED_ALLOCATION_OVER_CAPACITY)).containsExactly(OPENED);
    }

    @Test
    void deletingTheFeedResolvesIt() {
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 36_000.0), next());
      feeds.pipeInput(FEED_A, null, next());

      assertThat(states(FEED_ALLOCATION_OVER_CAPACITY)).containsExactly(OPENED, RESOLVED);
    }
  }

  @Nested
  class RackPlannedPowerOverBudget {

    @Test
    void opensWithThePlannedLoadAgainstTheBudget() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());

      Discrepancy opened = single(discrepancies.readValuesToList());
      assertThat(opened.getId()).isEqualTo("RACK_PLANNED_POWER_OVER_BUDGET:RACK:14");
      assertThat(opened.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(opened.getSubject().getKind()).isEqualTo(SubjectKind.RACK);
      assertThat(opened.getSubject().getName()).isEqualTo("R14");
      assertThat(opened.getSubject().getSiteId()).isEqualTo("1");
      assertThat(opened.getExpected()).isEqualTo("<= 50000 W power budget");
      assertThat(opened.getObserved()).isEqualTo("planned 57200 W (114 %) from 4 devices");
    }

    @Test
    void aSmallOverrunIsAWarningThatTurnsCriticalWhenTheBudgetShrinks() {
      cleanRack();
      racks.pipeInput(RACK, rack(55_000.0, 80_000.0), next());
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());

      List<Discrepancy> transitions = discrepancies.readValuesToList();
      assertThat(transitions).extracting(Discrepancy::getState).containsExactly(OPENED, UPDATED);
      assertThat(transitions)
          .extracting(Discrepancy::getSeverity)
          .containsExactly(Severity.WARNING, Severity.CRITICAL);
    }

    @Test
    void updatesWhenADeviceIsAdded() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
      devices.pipeInput("105", node("105", RACK), next());

      List<Discrepancy> transitions = transitions(RACK_PLANNED_POWER_OVER_BUDGET);
      assertThat(transitions).extracting(Discrepancy::getState).containsExactly(OPENED, UPDATED);
      assertThat(transitions.get(1).getObserved())
          .isEqualTo("planned 71500 W (143 %) from 5 devices");
    }

    @Test
    void resolvesWhenTheBudgetIsRaised() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
      racks.pipeInput(RACK, rack(60_000.0, 80_000.0), next());

      assertThat(states(RACK_PLANNED_POWER_OVER_BUDGET)).containsExactly(OPENED, RESOLVED);
    }

    @Test
    void resolvesWhenADeviceIsRemoved() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
      devices.pipeInput("104", null, next());

      assertThat(states(RACK_PLANNED_POWER_OVER_BUDGET)).containsExactly(OPENED, RESOLVED);
    }

    @Test
    void resolvesWhenADeviceMovesToAnotherRack() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
      devices.pipeInput("104", node("104", "15"), next());

      assertThat(states(RACK_PLANNED_POWER_OVER_BUDGET)).containsExactly(OPENED, RESOLVED);
    }

    @Test
    void resolvesWhenADeviceLeavesTheRack() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
      devices.pipeInput("104", node("104", null), next());

      assertThat(states(RACK_PLANNED_POWER_OVER_BUDGET)).containsExactly(OPENED, RESOLVED);
    }

    @Test
    void resolvesWhenTheDeviceTypeDrawIsCorrected() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
      // The allocated draw wins over the maximum: 4 x 12 kW fits 50 kW.
      types.pipeInput(B200, b200(12_000.0, B200_WATTS), next());

      assertOpenedThenResolvedWithoutFlapping(states(RACK_PLANNED_POWER_OVER_BUDGET));
    }

    @Test
    void resolvesWhenADeviceIsRetypedToALighterType() {
      cleanRack();
      // 57.2 kW in 55 kW; a DGX H100 (10.2 kW) in place of one B200 brings it to 53.1 kW.
      racks.pipeInput(RACK, rack(55_000.0, 80_000.0), next());
      types.pipeInput("8", type("8", "DGX H100", null, 10_200.0), next());
      devices.pipeInput("104", node("104", RACK, "8"), next());

      assertThat(states(RACK_PLANNED_POWER_OVER_BUDGET)).containsExactly(OPENED, RESOLVED);
    }

    @Test
    void isUndecidedWithoutABudgetSoAnOpenFindingStays() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
      racks.pipeInput(RACK, rack(null, 80_000.0), next());

      assertThat(states(RACK_PLANNED_POWER_OVER_BUDGET)).containsExactly(OPENED);
    }

    @Test
    void devicesWithoutAKnownDrawLeaveALoadUnderBudgetUndecided() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());
      // The type loses its draws: nothing is known any more, so nothing may resolve.
      types.pipeInput(B200, b200(null, null), next());

      assertThat(states(RACK_PLANNED_POWER_OVER_BUDGET)).containsExactly(OPENED);
    }

    @Test
    void devicesWithoutAKnownDrawDoNotHideAProvenOverrun() {
      cleanRack();
      devices.pipeInput("105", node("105", RACK, "99"), next());
      racks.pipeInput(RACK, rack(50_000.0, 80_000.0), next());

      Discrepancy opened = single(discrepancies.readValuesToList());
      assertThat(opened.getObserved())
          .isEqualTo(
              "planned at least 57200 W (114 %) from 4 of 5 devices, 1 without a known draw");
    }

    @Test
    void deletingTheRackResolvesIt() {
      cleanRack();
      racks.pipeInput(RACK, rack(50_000.0, 50_000.0), next());
      racks.pipeInput(RACK, null, next());

      assertThat(discrepancies.readValuesToList())
          .extracting(Discrepancy::getType, Discrepancy::getState)
          .containsExactlyInAnyOrder(
              org.assertj.core.groups.Tuple.tuple(RACK_PLANNED_POWER_OVER_BUDGET, OPENED),
              org.assertj.core.groups.Tuple.tuple(RACK_PLANNED_HEAT_OVER_COOLING, OPENED),
              org.assertj.core.groups.Tuple.tuple(RACK_PLANNED_POWER_OVER_BUDGET, RESOLVED),
              org.assertj.core.groups.Tuple.tuple(RACK_PLANNED_HEAT_OVER_COOLING, RESOLVED));
    }
  }

  @Nested
  class RackPlannedHeatOverCooling {

    @Test
    void opensWhenThePlannedHeatExceedsTheCoolingCapacity() {
      cleanRack();
      racks.pipeInput(RACK, rack(60_000.0, 55_000.0), next());

      Discrepancy opened = single(discrepancies.readValuesToList());
      assertThat(opened.getId()).isEqualTo("RACK_PLANNED_HEAT_OVER_COOLING:RACK:14");
      assertThat(opened.getSeverity()).isEqualTo(Severity.WARNING);
      assertThat(opened.getExpected()).isEqualTo("<= 55000 W cooling capacity");
      assertThat(opened.getObserved()).isEqualTo("planned heat 57200 W (104 %) from 4 devices");
    }

    @Test
    void resolvesWhenTheCoolingIsRaised() {
      cleanRack();
      racks.pipeInput(RACK, rack(60_000.0, 55_000.0), next());
      racks.pipeInput(RACK, rack(60_000.0, 70_000.0), next());

      assertThat(states(RACK_PLANNED_HEAT_OVER_COOLING)).containsExactly(OPENED, RESOLVED);
    }

    @Test
    void resolvesWhenTheLoadShrinks() {
      cleanRack();
      racks.pipeInput(RACK, rack(60_000.0, 55_000.0), next());
      devices.pipeInput("104", null, next());

      assertThat(states(RACK_PLANNED_HEAT_OVER_COOLING)).containsExactly(OPENED, RESOLVED);
    }
  }

  @Nested
  class RackAbRedundancyInsufficient {

    @Test
    void opensWhenOneSideCannotCarryTheWholeRack() {
      fourNodesWithoutFeeds();
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 28_600.0), next());
      feeds.pipeInput(FEED_B, feed(FEED_B, "R14-B", "B", 60, 28_600.0), next());

      List<Discrepancy> transitions = discrepancies.readValuesToList();
      assertThat(transitions).extracting(Discrepancy::getState).containsExactly(OPENED);
      Discrepancy opened = transitions.get(0);
      assertThat(opened.getId()).isEqualTo("RACK_AB_REDUNDANCY_INSUFFICIENT:RACK:14");
      assertThat(opened.getSeverity()).isEqualTo(Severity.CRITICAL);
      assertThat(opened.getExpected())
          .isEqualTo("each side alone >= 57200 W usable (the planned load)");
      assertThat(opened.getObserved())
          .isEqualTo("A 34502 W usable (R14-A), B 34502 W usable (R14-B)");
      assertThat(opened.getDetail())
          .contains("side A must carry it with 34502 W usable (415 V x 60 A x sqrt3 x 80 %)")
          .contains("22698 W short");
    }

    @Test
    void updatesWhenOneSideIsUpgradedAndResolvesWhenBothAre() {
      fourNodesWithoutFeeds();
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 28_600.0), next());
      feeds.pipeInput(FEED_B, feed(FEED_B, "R14-B", "B", 60, 28_600.0), next());
      feeds.pipeInput(FEED_B, feed(FEED_B, "R14-B", "B", 100, 28_600.0), next());
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 100, 28_600.0), next());

      List<Discrepancy> transitions = discrepancies.readValuesToList();
      assertThat(transitions)
          .extracting(Discrepancy::getState)
          .containsExactly(OPENED, UPDATED, RESOLVED);
      assertThat(transitions.get(1).getObserved())
          .isEqualTo("A 34502 W usable (R14-A), B 57504 W usable (R14-B)");
    }

    @Test
    void resolvesWhenTheRackIsHalved() {
      fourNodesWithoutFeeds();
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 28_600.0), next());
      feeds.pipeInput(FEED_B, feed(FEED_B, "R14-B", "B", 60, 28_600.0), next());
      devices.pipeInput("103", null, next());
      devices.pipeInput("104", null, next());

      List<Discrepancy> transitions = transitions(RACK_AB_REDUNDANCY_INSUFFICIENT);
      assertThat(transitions)
          .extracting(Discrepancy::getState)
          .containsExactly(OPENED, UPDATED, RESOLVED);
      assertThat(transitions.get(1).getExpected())
          .isEqualTo("each side alone >= 42900 W usable (the planned load)");
    }

    @Test
    void resolvesWhenTheDeviceTypeDrawIsCorrected() {
      fourNodesWithoutFeeds();
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 28_600.0), next());
      feeds.pipeInput(FEED_B, feed(FEED_B, "R14-B", "B", 60, 28_600.0), next());
      types.pipeInput(B200, b200(8_000.0, B200_WATTS), next());

      assertOpenedThenResolvedWithoutFlapping(states(RACK_AB_REDUNDANCY_INSUFFICIENT));
    }

    @Test
    void aRackWithoutABSideIsUndecided() {
      fourNodesWithoutFeeds();
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 28_600.0), next());

      assertThat(discrepancies.readValuesToList()).isEmpty();
    }

    @Test
    void losingTheBSideLeavesAnOpenFindingUndecided() {
      fourNodesWithoutFeeds();
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 28_600.0), next());
      feeds.pipeInput(FEED_B, feed(FEED_B, "R14-B", "B", 60, 28_600.0), next());
      feeds.pipeInput(FEED_B, null, next());

      assertThat(states(RACK_AB_REDUNDANCY_INSUFFICIENT)).containsExactly(OPENED);
    }

    @Test
    void twoFeedsOnOneSideAddUp() {
      fourNodesWithoutFeeds();
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A1", "A", 60, 14_300.0), next());
      feeds.pipeInput("703", feed("703", "R14-A2", "a", 60, 14_300.0), next());
      feeds.pipeInput(FEED_B, feed(FEED_B, "R14-B", "B", 100, 28_600.0), next());

      assertThat(discrepancies.readValuesToList()).isEmpty();
    }

    @Test
    void deletingTheRackResolvesIt() {
      fourNodesWithoutFeeds();
      feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 60, 28_600.0), next());
      feeds.pipeInput(FEED_B, feed(FEED_B, "R14-B", "B", 60, 28_600.0), next());
      racks.pipeInput(RACK, null, next());

      assertThat(states(RACK_AB_REDUNDANCY_INSUFFICIENT)).containsExactly(OPENED, RESOLVED);
    }
  }

  // ---- the design ----

  /**
   * A clean rack: 4 DGX B200 at 14.3 kW (57.2 kW) in a rack budgeted 60 kW power and cooling, fed
   * by A and B feeds of 415 V x 100 A (57.5 kW usable each), each allocated half the load.
   */
  private void cleanRack() {
    fourNodesWithoutFeeds();
    feeds.pipeInput(FEED_A, feed(FEED_A, "R14-A", "A", 100, 28_600.0), next());
    feeds.pipeInput(FEED_B, feed(FEED_B, "R14-B", "B", 100, 28_600.0), next());
  }

  /** The rack of {@link #cleanRack()} before any feed is connected. */
  private void fourNodesWithoutFeeds() {
    types.pipeInput(B200, b200(null, B200_WATTS), next());
    racks.pipeInput(RACK, rack(60_000.0, 60_000.0), next());
    for (String id : List.of("101", "102", "103", "104")) {
      devices.pipeInput(id, node(id, RACK), next());
    }
  }

  private Instant next() {
    return T0.plusSeconds(++clock);
  }

  private List<DiscrepancyState> states(DiscrepancyType type) {
    return transitions(type).stream().map(Discrepancy::getState).toList();
  }

  /** Drains the output and keeps the transitions of one type. */
  private List<Discrepancy> transitions(DiscrepancyType type) {
    return discrepancies.readValuesToList().stream().filter(d -> d.getType() == type).toList();
  }

  /**
   * A type change reaches the rack one device at a time (one foreign-key update each), so the
   * finding may be UPDATED on the way; it must open once and resolve once, at the end.
   */
  private static void assertOpenedThenResolvedWithoutFlapping(List<DiscrepancyState> states) {
    assertThat(states).first().isEqualTo(OPENED);
    assertThat(states).last().isEqualTo(RESOLVED);
    assertThat(states.subList(1, states.size() - 1)).containsOnly(UPDATED);
  }

  private static Discrepancy single(List<Discrepancy> transitions) {
    assertThat(transitions).hasSize(1);
    return transitions.get(0);
  }

  private static IntentRack rack(Double powerBudget, Double cooling) {
    return IntentRack.newBuilder()
        .setId(RACK)
        .setName("R14")
        .setSiteId("1")
        .setPowerBudgetWatts(powerBudget)
        .setCoolingCapacityWatts(cooling)
        .setUrl("https://netbox.example.com/dcim/racks/14/")
        .build();
  }

  private static IntentDeviceType b200(Double allocated, Double maximum) {
    return type(B200, "DGX B200", allocated, maximum);
  }

  private static IntentDeviceType type(String id, String model, Double allocated, Double maximum) {
    return IntentDeviceType.newBuilder()
        .setId(id)
        .setManufacturer("NVIDIA")
        .setModel(model)
        .setUHeight(10)
        .setExpectedGpuCount(8)
        .setAllocatedDrawWatts(allocated)
        .setMaximumDrawWatts(maximum)
        .build();
  }

  private static IntentDevice node(String id, String rackId) {
    return node(id, rackId, B200);
  }

  private static IntentDevice node(String id, String rackId, String typeId) {
    return IntentDevice.newBuilder()
        .setId(id)
        .setName("gpu-r14-" + id)
        .setDeviceTypeId(typeId)
        .setSiteId("1")
        .setRackId(rackId)
        .build();
  }

  private static IntentPowerFeed feed(
      String id, String name, String side, double amperage, Double allocated) {
    return IntentPowerFeed.newBuilder()
        .setId(id)
        .setName(name)
        .setSiteId("1")
        .setPanelName("PP-1")
        .setRackId(RACK)
        .setSide(side)
        .setPhase("three-phase")
        .setVoltage(415)
        .setAmperage(amperage)
        .setMaxUtilizationPercent(80)
        .setAllocatedDrawWatts(allocated)
        .setUrl("https://netbox.example.com/dcim/power-feeds/" + id + "/")
        .build();
  }
}
