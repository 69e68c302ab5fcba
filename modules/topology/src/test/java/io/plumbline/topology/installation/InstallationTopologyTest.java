package io.plumbline.topology.installation;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.TestTopologies;
import io.plumbline.topology.TopologyConfig;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTopologyTest {

  private static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  private static final String BMC_MAC = "3c:ec:ef:01:02:03";

  private final PlumblineTopics topics = PlumblineTopics.defaultTopics();
  @TempDir Path stateDir;
  private TopologyTestDriver driver;
  private TestInputTopic<String, IntentDeviceType> types;
  private TestInputTopic<String, IntentDevice> devices;
  private TestInputTopic<String, ObservedSystem> observed;
  private TestOutputTopic<String, Discrepancy> discrepancies;
  private TestOutputTopic<String, ReconciledDevice> inventory;

  @BeforeEach
  void start() {
    TopologyConfig config = TestTopologies.config(topics, "installation");
    // A state directory of its own: engineers and CI jobs running this test at once collide in
    // the shared default /tmp/kafka-streams/<application.id>.
    Properties props = TestTopologies.streamsProperties("installation-test", stateDir);
    // The installation domain alone: other domains publish to the same discrepancy topic.
    StreamsBuilder builder = new StreamsBuilder();
    new InstallationTopology(config).addTo(builder);
    driver = TestTopologies.driver(builder.build(), props);
    var serdes = config.serdes();
    var keys = Serdes.String();
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
    observed =
        driver.createInputTopic(
            topics.observedSystems(),
            keys.serializer(),
            serdes.value(ObservedSystem.class).serializer());
    discrepancies =
        driver.createOutputTopic(
            topics.discrepancies(),
            keys.deserializer(),
            serdes.value(Discrepancy.class).deserializer());
    inventory =
        driver.createOutputTopic(
            topics.reconciledInventory(),
            keys.deserializer(),
            serdes.value(ReconciledDevice.class).deserializer());
  }

  @AfterEach
  void stop() {
    driver.close();
  }

  @Test
  void wrongModelInTheSlotOpensWrongSku() {
    designOneB200();
    observed.pipeInput(BMC_MAC, system("DGX H100", "965-24366-0002-000"), T0.plusSeconds(60));

    List<Discrepancy> transitions = discrepancies.readValuesToList();
    assertThat(transitions).hasSize(1);
    Discrepancy opened = transitions.get(0);
    assertThat(opened.getState()).isEqualTo(DiscrepancyState.OPENED);
    assertThat(opened.getType()).isEqualTo(DiscrepancyType.WRONG_SKU);
    assertThat(opened.getId()).isEqualTo("WRONG_SKU:DEVICE:101");
    assertThat(opened.getSubject().getName()).isEqualTo("gpu-r14-u02");
    assertThat(opened.getExpected()).contains("DGX B200");
    assertThat(opened.getObserved()).contains("DGX H100");
    assertThat(opened.getFirstSeen()).isEqualTo(T0.plusSeconds(60));
    ReconciledDevice reconciled = latestInventory();
    assertThat(reconciled.getStage()).isEqualTo(LifecycleStage.INSTALLED);
    assertThat(reconciled.getOpenDiscrepancies()).isEqualTo(1);
  }

  @Test
  void replacingTheHardwareResolvesIt() {
    designOneB200();
    observed.pipeInput(BMC_MAC, system("DGX H100", null), T0.plusSeconds(60));
    observed.pipeInput(BMC_MAC, system("DGXB200 ", null), T0.plusSeconds(120));

    List<Discrepancy> transitions = discrepancies.readValuesToList();
    assertThat(transitions)
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(transitions.get(1).getRevision()).isEqualTo(2);
    assertThat(transitions.get(1).getChangedAt()).isEqualTo(T0.plusSeconds(120));
    ReconciledDevice reconciled = latestInventory();
    assertThat(reconciled.getStage()).isEqualTo(LifecycleStage.VERIFIED);
    assertThat(reconciled.getOpenDiscrepancies()).isZero();
  }

  @Test
  void correctingTheDesignResolvesIt() {
    designOneB200();
    observed.pipeInput(BMC_MAC, system("DGX H100", null), T0.plusSeconds(60));
    types.pipeInput("8", type("8", "DGX H100", "965-24366-0002-000"), T0.plusSeconds(90));
    devices.pipeInput("101", device("101", "8"), T0.plusSeconds(120));

    assertThat(discrepancies.readValuesToList())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    assertThat(latestInventory().getStage()).isEqualTo(LifecycleStage.VERIFIED);
  }

  @Test
  void correctingTheDeviceTypeItselfResolvesIt() {
    designOneB200();
    observed.pipeInput(BMC_MAC, system("DGX H100", null), T0.plusSeconds(60));
    types.pipeInput("7", type("7", "DGX H100", null), T0.plusSeconds(90));

    assertThat(discrepancies.readValuesToList())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  @Test
  void orderCodeReportedAsModelMatchesThePartNumber() {
    designOneB200();
    observed.pipeInput(BMC_MAC, system("965-24387-0002-000", null), T0.plusSeconds(60));

    assertThat(discrepancies.isEmpty()).isTrue();
    assertThat(latestInventory().getStage()).isEqualTo(LifecycleStage.VERIFIED);
  }

  private static final String B200_PART = "965-24387-0002-000";
  private static final String H100_PART = "965-24366-0002-000";

  @Test
  void aModelNamingAnotherKnownTypeIsWrongEvenWithTheRightPartNumber() {
    designOneB200();
    types.pipeInput("8", type("8", "DGX H100", H100_PART), T0);
    observed.pipeInput(BMC_MAC, system("DGX H100", B200_PART), T0.plusSeconds(60));

    List<Discrepancy> transitions = discrepancies.readValuesToList();
    assertThat(transitions).hasSize(1);
    Discrepancy opened = transitions.get(0);
    assertThat(opened.getId()).isEqualTo("WRONG_SKU:DEVICE:101");
    assertThat(opened.getState()).isEqualTo(DiscrepancyState.OPENED);
    assertThat(opened.getObserved()).isEqualTo("model DGX H100, part " + B200_PART);
    assertThat(opened.getDetail()).endsWith("its model is that of device type 8");
    assertThat(latestInventory().getStage()).isEqualTo(LifecycleStage.INSTALLED);
  }

  @Test
  void anOrderCodeInTheModelFieldBesideTheRightPartNumberIsNoEvidenceAgainst() {
    designOneB200();
    types.pipeInput("8", type("8", "DGX H100", H100_PART), T0);
    // A chassis order code, the model of no known type.
    observed.pipeInput(BMC_MAC, system("920-23687-2530-000", B200_PART), T0.plusSeconds(60));

    assertThat(discrepancies.isEmpty()).isTrue();
    assertThat(latestInventory().getStage()).isEqualTo(LifecycleStage.VERIFIED);
  }

  @Test
  void aTypeOfTheReportedModelAddedLaterOpensItAndRemovingItResolves() {
    designOneB200();
    observed.pipeInput(BMC_MAC, system("DGX H100", B200_PART), T0.plusSeconds(60));
    assertThat(discrepancies.isEmpty()).isTrue();

    types.pipeInput("8", type("8", "DGX H100", H100_PART), T0.plusSeconds(120));
    assertThat(discrepancies.readValuesToList())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);

    types.pipeInput("8", null, T0.plusSeconds(180));
    assertThat(discrepancies.readValuesToList())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.RESOLVED);
  }

  @Test
  void aModelNamingAnotherTypeResolvesWhenTheRightBoxReports() {
    designOneB200();
    types.pipeInput("8", type("8", "DGX H100", H100_PART), T0);
    observed.pipeInput(BMC_MAC, system("DGX H100", B200_PART), T0.plusSeconds(60));
    observed.pipeInput(BMC_MAC, system("DGX B200", B200_PART), T0.plusSeconds(120));

    assertThat(discrepancies.readValuesToList())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  @Test
  void aModelNamingAnotherTypeResolvesWhenNetBoxPutsThatTypeInTheSlot() {
    designOneB200();
    types.pipeInput("8", type("8", "DGX H100", H100_PART), T0);
    observed.pipeInput(BMC_MAC, system("DGX H100", B200_PART), T0.plusSeconds(60));
    devices.pipeInput("101", device("101", "8"), T0.plusSeconds(120));

    assertThat(discrepancies.readValuesToList())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
  }

  @Test
  void redeliveredObservationMakesNoNewTransition() {
    designOneB200();
    ObservedSystem wrong = system("DGX H100", null);
    observed.pipeInput(BMC_MAC, wrong, T0.plusSeconds(60));
    observed.pipeInput(BMC_MAC, wrong, T0.plusSeconds(60));
    observed.pipeInput(BMC_MAC, wrong, T0.plusSeconds(70));

    assertThat(discrepancies.readValuesToList()).hasSize(1);
  }

  @Test
  void aPartialObservationNeverResolvesAFinding() {
    designOneB200();
    observed.pipeInput(BMC_MAC, system("DGX H100", null), T0.plusSeconds(60));
    observed.pipeInput(BMC_MAC, system(null, null), T0.plusSeconds(120));
    observed.pipeInput(BMC_MAC, system("   ", ""), T0.plusSeconds(180));

    assertThat(discrepancies.readValuesToList())
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);
    assertThat(latestInventory().getStage()).isEqualTo(LifecycleStage.INSTALLED);
  }

  @Test
  void aDifferentWrongModelUpdatesTheObservedValue() {
    designOneB200();
    observed.pipeInput(BMC_MAC, system("DGX H100", null), T0.plusSeconds(60));
    observed.pipeInput(BMC_MAC, system("DGX H200", null), T0.plusSeconds(120));

    List<Discrepancy> transitions = discrepancies.readValuesToList();
    assertThat(transitions)
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.UPDATED);
    assertThat(transitions.get(1).getObserved()).contains("DGX H200");
    assertThat(transitions.get(1).getFirstSeen()).isEqualTo(T0.plusSeconds(60));
  }

  @Test
  void removingTheDeviceFromTheDesignResolvesItsFindings() {
    designOneB200();
    observed.pipeInput(BMC_MAC, system("DGX H100", null), T0.plusSeconds(60));
    devices.pipeInput("101", null, T0.plusSeconds(120));

    List<Discrepancy> transitions = discrepancies.readValuesToList();
    assertThat(transitions)
        .filteredOn(d -> d.getType() == DiscrepancyType.WRONG_SKU)
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED, DiscrepancyState.RESOLVED);
    // Since identity matching, the BMC still reporting is now matched to nothing in the design.
    assertThat(transitions)
        .filteredOn(d -> d.getType() == DiscrepancyType.UNEXPECTED_DEVICE)
        .extracting(Discrepancy::getState)
        .containsExactly(DiscrepancyState.OPENED);
    assertThat(inventory.readKeyValuesToMap()).containsEntry("101", null);
  }

  @Test
  void anUnseenDeviceIsPlannedWithoutFindings() {
    designOneB200();

    assertThat(discrepancies.isEmpty()).isTrue();
    assertThat(latestInventory().getStage()).isEqualTo(LifecycleStage.PLANNED);
  }

  @Test
  void bmcKeySpellingDoesNotMatter() {
    designOneB200();
    observed.pipeInput("3C-EC-EF-01-02-03", system("DGX H100", null), T0.plusSeconds(60));

    assertThat(discrepancies.readValuesToList()).hasSize(1);
  }

  private void designOneB200() {
    types.pipeInput("7", type("7", "DGX B200", "965-24387-0002-000"), T0);
    devices.pipeInput("101", device("101", "7"), T0);
  }

  /** Drains the inventory output; call once per assertion block. */
  private ReconciledDevice latestInventory() {
    return inventory.readKeyValuesToMap().get("101");
  }

  private static IntentDeviceType type(String id, String model, String partNumber) {
    return IntentDeviceType.newBuilder()
        .setId(id)
        .setManufacturer("NVIDIA")
        .setModel(model)
        .setPartNumber(partNumber)
        .setUHeight(10)
        .setExpectedGpuCount(8)
        .build();
  }

  private static IntentDevice device(String id, String typeId) {
    return IntentDevice.newBuilder()
        .setId(id)
        .setName("gpu-r14-u02")
        .setDeviceTypeId(typeId)
        .setSiteId("1")
        .setRackId("14")
        .setPosition(2.0)
        .setBmcMac("3C:EC:EF:01:02:03")
        .setUrl("https://netbox.example.com/dcim/devices/" + id + "/")
        .build();
  }

  private static ObservedSystem system(String model, String partNumber) {
    return ObservedSystem.newBuilder()
        .setBmcId(BMC_MAC)
        .setBmcMac(BMC_MAC)
        .setBmcAddress("127.0.0.1")
        .setObservedAt(T0)
        .setSerialNumber("1570024000123   ")
        .setManufacturer("NVIDIA")
        .setModel(model)
        .setPartNumber(partNumber)
        .setGpus(eightGpus())
        .build();
  }

  // VERIFIED needs component evidence when the type expects GPUs, so the fixture reports them.
  private static List<ObservedGpu> eightGpus() {
    return IntStream.range(0, 8)
        .mapToObj(i -> new ObservedGpu("GPU_SXM_" + (i + 1), "NVIDIA", "NVIDIA B200", null, null))
        .toList();
  }
}
