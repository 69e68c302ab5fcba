package io.plumbline.topology.installation;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TestTopologies;
import io.plumbline.topology.TopologyConfig;
import io.plumbline.topology.supply.SupplyTables;
import io.plumbline.topology.supply.SupplyTopology;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.IntStream;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/**
 * The installation domain on a TopologyTestDriver, alone or with supply joined into the reconciled
 * inventory, with realistic DGX B200 fixtures.
 */
final class InstallationDriver implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  static final String B200_PART = "965-24387-0002-000";
  static final Duration RECEIVING_GRACE = Duration.ofMinutes(15);

  final TopologyTestDriver driver;
  final TestInputTopic<String, IntentDeviceType> types;
  final TestInputTopic<String, IntentDevice> devices;
  final TestInputTopic<String, IntentRack> racks;
  final TestInputTopic<String, ObservedSystem> observed;
  final TestInputTopic<String, PurchaseOrderLine> poLines;
  final TestInputTopic<String, Receipt> receipts;
  final TestOutputTopic<String, Discrepancy> discrepancies;
  final TestOutputTopic<String, ReconciledDevice> inventory;
  private final Map<String, ReconciledDevice> latest = new HashMap<>();

  InstallationDriver(Path stateDir) {
    this(stateDir, false);
  }

  /** With {@code withSupply}, supply runs too and feeds receipts and PO coverage to the devices. */
  InstallationDriver(Path stateDir, boolean withSupply) {
    PlumblineTopics topics = PlumblineTopics.defaultTopics();
    TopologyConfig config = TestTopologies.config(topics, "installation");
    StreamsBuilder builder = new StreamsBuilder();
    SharedSources sources = new SharedSources(builder, config);
    SupplyTables supply = withSupply ? new SupplyTopology(config).addTo(builder, sources) : null;
    new InstallationTopology(config, new InstallationPolicy(Duration.ofMinutes(1), RECEIVING_GRACE))
        .addTo(builder, sources, supply);
    Properties props = TestTopologies.streamsProperties("installation-catalogue-test", stateDir);
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
    racks =
        driver.createInputTopic(
            topics.intentRacks(), keys.serializer(), serdes.value(IntentRack.class).serializer());
    observed =
        driver.createInputTopic(
            topics.observedSystems(),
            keys.serializer(),
            serdes.value(ObservedSystem.class).serializer());
    poLines =
        driver.createInputTopic(
            topics.purchaseOrders(),
            keys.serializer(),
            serdes.value(PurchaseOrderLine.class).serializer());
    receipts =
        driver.createInputTopic(
            topics.receipts(), keys.serializer(), serdes.value(Receipt.class).serializer());
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

  /** The latest reconciled record of a device, across calls. */
  ReconciledDevice inventoryOf(String deviceId) {
    inventory.readKeyValuesToList().forEach(kv -> latest.put(kv.key, kv.value));
    return latest.get(deviceId);
  }

  /** Every transition published since the last call. */
  List<Discrepancy> transitions() {
    return discrepancies.readValuesToList();
  }

  /** Every reconciled record of a device published since the last call (also kept as latest). */
  List<ReconciledDevice> inventoryUpdatesOf(String deviceId) {
    List<ReconciledDevice> updates = new java.util.ArrayList<>();
    inventory
        .readKeyValuesToList()
        .forEach(
            kv -> {
              latest.put(kv.key, kv.value);
              if (deviceId.equals(kv.key)) {
                updates.add(kv.value);
              }
            });
    return updates;
  }

  /** An open PO line at site 1. */
  static PurchaseOrderLine.Builder poLine(String po, int line, String part, int quantity) {
    return PurchaseOrderLine.newBuilder()
        .setPoNumber(po)
        .setLine(line)
        .setVendor("NVIDIA")
        .setPartNumber(part)
        .setQuantity(quantity)
        .setShipToSiteId("1")
        .setStatus("open");
  }

  void line(PurchaseOrderLine line, Instant at) {
    poLines.pipeInput(line.getPoNumber() + "/" + line.getLine(), line, at);
  }

  /** A receipt of B200s at site 1 carrying {@code serials}. */
  void receipt(String id, String po, int line, Instant at, String... serials) {
    receipts.pipeInput(
        id,
        Receipt.newBuilder()
            .setReceiptId(id)
            .setPoNumber(po)
            .setPoLine(line)
            .setScannedPartNumber(B200_PART)
            .setSerialNumbers(List.of(serials))
            .setQuantity(serials.length)
            .setReceivedAt(at)
            .setSiteId("1")
            .build(),
        at);
  }

  /** A DGX B200 type with GPUs, NICs and a firmware baseline. */
  static IntentDeviceType.Builder b200Type() {
    return IntentDeviceType.newBuilder()
        .setId("7")
        .setManufacturer("NVIDIA")
        .setModel("DGX B200")
        .setPartNumber(B200_PART)
        .setUHeight(10)
        .setExpectedGpuCount(8)
        .setExpectedGpuModel("NVIDIA B200")
        .setFirmwareBaseline(Map.of("BMC", "24.09.17", "BIOS", "1.3.7"));
  }

  static IntentRack rack(String id, String name) {
    return IntentRack.newBuilder().setId(id).setName(name).setSiteId("1").build();
  }

  /** A device of type 7 in rack 14 at U2. */
  static IntentDevice.Builder device(String id) {
    return IntentDevice.newBuilder()
        .setId(id)
        .setName("gpu-r14-n" + id)
        .setDeviceTypeId("7")
        .setSiteId("1")
        .setRackId("14")
        .setPosition(2.0)
        .setUrl("https://netbox.example.com/dcim/devices/" + id + "/");
  }

  /** A complete, clean B200 report from a BMC. */
  static ObservedSystem.Builder system(String bmcMac) {
    return ObservedSystem.newBuilder()
        .setBmcId(bmcMac)
        .setBmcMac(bmcMac)
        .setBmcAddress("10.0.14.2")
        .setObservedAt(T0)
        .setModel("DGX B200")
        .setPartNumber(B200_PART)
        .setGpus(gpus(8))
        .setFirmware(Map.of("BMC", "24.09.17", "BIOS", "1.3.7"));
  }

  /** A BMC that answered but could read nothing but its own MAC. */
  static ObservedSystem.Builder emptyReport(String bmcMac) {
    return ObservedSystem.newBuilder()
        .setBmcId(bmcMac)
        .setBmcMac(bmcMac)
        .setObservedAt(T0)
        .setReadErrors(List.of("/redfish/v1/Systems/1: 503"));
  }

  static List<ObservedGpu> gpus(int count) {
    return IntStream.range(0, count)
        .mapToObj(i -> new ObservedGpu("GPU_SXM_" + (i + 1), "NVIDIA", "NVIDIA B200", null, null))
        .toList();
  }

  static ObservedLocation location(String rack, Double position) {
    return new ObservedLocation("DC1", rack, position);
  }

  @Override
  public void close() {
    driver.close();
  }
}
