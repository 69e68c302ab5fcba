package io.plumbline.topology.supply;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.topology.PlumblineTopics;
import io.plumbline.topology.SharedSources;
import io.plumbline.topology.TestTopologies;
import io.plumbline.topology.TopologyConfig;
import java.time.Instant;
import java.util.List;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;

/** The supply domain alone under a TopologyTestDriver, with builders for realistic records. */
final class SupplyDriver implements AutoCloseable {

  static final Instant T0 = Instant.parse("2026-11-26T08:00:00Z");
  static final String SN5600 = "920-9N42F-00RI-7C0";
  static final String SN5600_SKU = "9209N42F00RI7C0";
  static final String B200 = "965-24387-0002-000";

  private final TopologyTestDriver driver;
  final TestInputTopic<String, IntentDeviceType> types;
  final TestInputTopic<String, IntentDevice> devices;
  final TestInputTopic<String, PurchaseOrderLine> poLines;
  final TestInputTopic<String, Receipt> receipts;
  final TestInputTopic<String, ObservedSystem> observed;
  final TestOutputTopic<String, Discrepancy> discrepancies;

  SupplyDriver() {
    this(SupplyPolicy.defaults());
  }

  SupplyDriver(SupplyPolicy policy) {
    PlumblineTopics topics = PlumblineTopics.defaultTopics();
    TopologyConfig config = TestTopologies.config(topics, "supply");
    StreamsBuilder builder = new StreamsBuilder();
    new SupplyTopology(config, policy).addTo(builder, new SharedSources(builder, config));
    Properties props = new Properties();
    // Unique per driver: tests (and engineers) running at once must not share a state directory.
    props.put(StreamsConfig.APPLICATION_ID_CONFIG, "supply-test-" + UUID.randomUUID());
    props.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9");
    props.put(StreamsConfig.ENSURE_EXPLICIT_INTERNAL_RESOURCE_NAMING_CONFIG, true);
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
    poLines =
        driver.createInputTopic(
            topics.purchaseOrders(),
            keys.serializer(),
            serdes.value(PurchaseOrderLine.class).serializer());
    receipts =
        driver.createInputTopic(
            topics.receipts(), keys.serializer(), serdes.value(Receipt.class).serializer());
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
  }

  /** Every transition published since the last call. */
  List<Discrepancy> transitions() {
    return discrepancies.readValuesToList();
  }

  static List<String> states(List<Discrepancy> transitions) {
    return transitions.stream().map(d -> d.getState() + " " + d.getId()).toList();
  }

  static String opened(String id) {
    return DiscrepancyState.OPENED + " " + id;
  }

  static String updated(String id) {
    return DiscrepancyState.UPDATED + " " + id;
  }

  static String resolved(String id) {
    return DiscrepancyState.RESOLVED + " " + id;
  }

  void line(PurchaseOrderLine line, Instant at) {
    poLines.pipeInput(line.getPoNumber() + "/" + line.getLine(), line, at);
  }

  void receipt(Receipt receipt, Instant at) {
    receipts.pipeInput(receipt.getReceiptId(), receipt, at);
  }

  /**
   * Advances the PO-line task's stream time with a line of an unrelated PO that needs nothing and
   * owes nothing.
   */
  void advanceStreamTime(Instant to) {
    line(poLine("CLOCK", 1, "CLOCK-PART", 1, null).setShipToSiteId("clock").build(), to);
  }

  static PurchaseOrderLine.Builder poLine(
      String po, int line, String partNumber, int quantity, Instant expected) {
    return PurchaseOrderLine.newBuilder()
        .setPoNumber(po)
        .setLine(line)
        .setVendor("NVIDIA")
        .setManufacturer("NVIDIA")
        .setPartNumber(partNumber)
        .setQuantity(quantity)
        .setExpectedDate(expected)
        .setShipToSiteId("1")
        .setStatus("open");
  }

  static Receipt.Builder receipt(
      String id, String po, int line, String scannedPart, int quantity, String... serials) {
    return Receipt.newBuilder()
        .setReceiptId(id)
        .setPoNumber(po)
        .setPoLine(line)
        .setScannedPartNumber(scannedPart)
        .setSerialNumbers(List.of(serials))
        .setQuantity(quantity)
        .setReceivedAt(T0)
        .setSiteId("1");
  }

  /** A system as its BMC reports it: serial, host name and rack position. */
  static ObservedSystem system(String bmcMac, String serial, String rack, double position) {
    return ObservedSystem.newBuilder()
        .setBmcId(bmcMac)
        .setBmcMac(bmcMac)
        .setHostName("bmc-" + rack.toLowerCase(java.util.Locale.ROOT) + "-u" + (int) position)
        .setObservedAt(T0)
        .setSerialNumber(serial)
        .setModel("DGX B200")
        .setPartNumber(B200)
        .setLocation(new ObservedLocation("DC1", rack, position))
        .build();
  }

  static IntentDeviceType type(String id, String model, String partNumber) {
    return IntentDeviceType.newBuilder()
        .setId(id)
        .setManufacturer("NVIDIA")
        .setModel(model)
        .setPartNumber(partNumber)
        .setUHeight(1)
        .build();
  }

  static IntentDevice device(String id, String typeId, String siteId) {
    return IntentDevice.newBuilder()
        .setId(id)
        .setName("device-" + id)
        .setDeviceTypeId(typeId)
        .setSiteId(siteId)
        .setRackId("14")
        .build();
  }

  @Override
  public void close() {
    driver.close();
  }
}
