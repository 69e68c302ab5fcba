package io.plumbline.it.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import io.plumbline.app.PlumblineConfig;
import io.plumbline.app.Reconciler;
import io.plumbline.app.TopicLayout;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.IntentCable;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.LifecycleStage;
import io.plumbline.avro.v1.LldpNeighbor;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.avro.v1.Receipt;
import io.plumbline.avro.v1.ReceiptCondition;
import io.plumbline.avro.v1.ReconciledDevice;
import io.plumbline.it.support.SharedComponents;
import io.plumbline.it.support.TopicReader;
import io.plumbline.serde.SpecificAvroDeserializer;
import io.plumbline.serde.SpecificAvroSerializer;
import io.plumbline.topology.PlumblineTopics;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * The whole catalogue on real components: a clean two-rack site of DGX B200 nodes (design, supply,
 * observations, telemetry) with one fault of each type injected, on the in-JVM broker and the real
 * registry. The discrepancy topic must hold exactly the injected faults; faults fixed from either
 * side must resolve; clean nodes end VERIFIED.
 *
 * <p>Inputs are produced in stages, each awaited through a visible outcome, so that no check sees a
 * half-loaded picture (a receipt before its PO line, an observation before its device). Every
 * record carries an explicit timestamp from a virtual clock in the recent past (the broker refuses
 * timestamps too far in the future); telemetry windows close by later readings, never by waiting.
 */
class FullCatalogueScenarioIT {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);
  private static final String SITE = "3";
  private static final String B200 = "21";
  private static final String LEAF = "30";
  private static final String PDU = "40";
  private static final String APPLIANCE = "50";
  private static final String B200_PART = "965-24387-0002-000";
  private static final String RACK_1 = "1100";
  private static final String RACK_2 = "1200";
  private static final String LEAF_1 = "1901";
  private static final String LEAF_2 = "1902";
  private static final List<String> NODES =
      List.of("1101", "1102", "1103", "1104", "1201", "1202", "1203", "1204");
  private static final String STRANGER_2 = "3c:ec:ef:19:99:98";
  private static final Map<String, String> BASELINE = Map.of("BMC", "24.09.17", "BIOS", "1.5.0");

  /** A virtual clock in the recent past, so that stream time can move ahead of it. */
  private final Instant base =
      Instant.now().minus(50, ChronoUnit.MINUTES).truncatedTo(ChronoUnit.MINUTES);

  private final Instant telemetryStart = base.plus(20, ChronoUnit.MINUTES);

  @Test
  void everyInjectedFaultOpensOnceAndFixesResolveFromEitherSide() throws Exception {
    String bootstrap = SharedComponents.kafka().bootstrapServers();
    String run = UUID.randomUUID().toString().substring(0, 8);
    Map<String, String> settings = new HashMap<>();
    settings.put(PlumblineConfig.BOOTSTRAP_SERVERS, bootstrap);
    settings.put(PlumblineConfig.SCHEMA_REGISTRY_URL, SharedComponents.registry().ccompatUrl());
    settings.put(PlumblineConfig.APPLICATION_ID, "it-full-catalogue-" + run);
    settings.put(PlumblineConfig.STATE_DIR, Files.createTempDirectory("it-state-").toString());
    PlumblineTopics.defaultNames()
        .forEach((role, name) -> settings.put(PlumblineTopics.PREFIX + role, name + "-" + run));
    PlumblineConfig config = PlumblineConfig.of(settings);
    PlumblineTopics topics = config.topics();
    // One partition per topic: stream time is then one clock per sub-topology, so a later reading
    // of any feed closes every feed's window.
    try (Admin admin =
        Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      admin
          .createTopics(TopicLayout.newTopics(topics, 1, (short) 1))
          .all()
          .get(60, TimeUnit.SECONDS);
    }
    SpecificAvroDeserializer<Discrepancy> discrepancyReader = new SpecificAvroDeserializer<>();
    discrepancyReader.configure(config.registrySettings(), false);
    SpecificAvroDeserializer<ReconciledDevice> inventoryReader = new SpecificAvroDeserializer<>();
    inventoryReader.configure(config.registrySettings(), false);

    try (Reconciler reconciler = new Reconciler(config);
        KafkaProducer<String, SpecificRecord> producer = producer(config);
        TopicReader<Discrepancy> discrepancies =
            new TopicReader<>(bootstrap, topics.discrepancies(), discrepancyReader);
        TopicReader<ReconciledDevice> inventory =
            new TopicReader<>(bootstrap, topics.reconciledInventory(), inventoryReader)) {
      reconciler.start();
      Site site = new Site(producer, topics);

      // Stage 1: purchase orders, then the design without the servers. The switch SKU is ordered
      // once for two switches (UNDER_PROCURED); its observed count proves the orders were read.
      site.purchaseOrders();
      producer.flush();
      site.designWithoutServers();
      producer.flush();
      discrepancies.awaitUntil(
          seen ->
              opened(seen).contains("FEED_ALLOCATION_OVER_CAPACITY 2202")
                  && seen.stream()
                      .anyMatch(
                          r ->
                              r.value().getType() == DiscrepancyType.UNDER_PROCURED
                                  && r.value().getObserved().startsWith("1 on")),
          TIMEOUT,
          "feed allocation and switch under-procurement");

      // Stage 2: the servers; every node's type is joined once the inventory names its model.
      site.servers();
      producer.flush();
      inventory.awaitUntil(
          seen ->
              NODES.stream()
                  .allMatch(
                      id ->
                          latest(seen, id) != null && latest(seen, id).getExpectedModel() != null),
          TIMEOUT,
          "every node PLANNED with its type");
      discrepancies.awaitUntil(
          seen ->
              opened(seen)
                  .containsAll(
                      Set.of(
                          "RACK_PLANNED_POWER_OVER_BUDGET 1200",
                          "RACK_PLANNED_HEAT_OVER_COOLING 1200")),
          TIMEOUT,
          "rack design findings");

      // Stage 3: receipts. Stage 4: BMC observations. Stage 5: telemetry, windows closed by a
      // later reading of every feed and sensor.
      site.receipts();
      site.observations(false);
      site.telemetry(telemetryStart.plusSeconds(10), false, true);
      site.telemetry(telemetryStart.plusSeconds(100), false, true);
      producer.flush();

      Set<String> expected = expectedFaults();
      List<ConsumerRecord<String, Discrepancy>> afterFaults =
          discrepancies.awaitUntil(
              seen -> opened(seen).containsAll(expected), TIMEOUT, "every injected fault OPENED");
      assertThat(opened(afterFaults)).containsExactlyInAnyOrderElementsOf(expected);
      assertThat(afterFaults)
          .extracting(r -> r.value().getState())
          .doesNotContain(DiscrepancyState.RESOLVED);
      assertThat(afterFaults).allSatisfy(r -> assertThat(r.key()).isEqualTo(r.value().getId()));
      inventory.awaitUntil(
          seen ->
              List.of("1101", "1203", "1204").stream()
                  .allMatch(id -> stage(seen, id) == LifecycleStage.VERIFIED),
          TIMEOUT,
          "clean nodes VERIFIED");
      // Not installed yet: leaf-01 received (with its receipt and PO line), leaf-02 planned
      // (the switch SKU is under-procured, so no leaf counts as ordered).
      List<ConsumerRecord<String, ReconciledDevice>> leaves =
          inventory.awaitUntil(
              seen ->
                  stage(seen, LEAF_1) == LifecycleStage.RECEIVED
                      && stage(seen, LEAF_2) == LifecycleStage.PLANNED,
              TIMEOUT,
              "leaf-01 RECEIVED, leaf-02 PLANNED");
      assertThat(latest(leaves, LEAF_1).getReceiptId()).isEqualTo("R-8");
      assertThat(latest(leaves, LEAF_1).getPoNumber()).isEqualTo("PO-1000");
      assertThat(latest(leaves, LEAF_1).getPoLine()).isEqualTo(2);

      // Fixes. Reality: node 1102 swapped for a B200 and re-plugged, node 1103's GPU seated, the
      // switch SKU ordered, the unknown PO line exported, the hot aisle cooled. Design: NetBox
      // takes node 1201's serial, feed 2202's allocation and rack 1200's budget are corrected,
      // rack 1300's cooling capacity is raised,
      // the PDU's install deadline is cleared.
      site.fixes();
      site.telemetry(telemetryStart.plusSeconds(130), true, false);
      site.telemetry(telemetryStart.plusSeconds(220), true, false);
      // Five minutes of stream time after its last reading, inlet r14 is silent.
      site.telemetry(telemetryStart.plusSeconds(400), true, false);
      producer.flush();
      Set<String> fixed = fixedFaults();
      Set<String> expectedInTheEnd = new TreeSet<>(expected);
      expectedInTheEnd.add("TELEMETRY_SILENT inlet-r14");
      List<ConsumerRecord<String, Discrepancy>> all =
          discrepancies.awaitUntil(
              seen ->
                  resolved(seen).containsAll(fixed)
                      && opened(seen).contains("TELEMETRY_SILENT inlet-r14"),
              TIMEOUT,
              "fixed faults RESOLVED, silent sensor OPENED");
      assertThat(resolved(all)).containsExactlyInAnyOrderElementsOf(fixed);
      assertThat(opened(all)).containsExactlyInAnyOrderElementsOf(expectedInTheEnd);
      assertThat(all)
          .extracting(r -> typeAndSubject(r.value()))
          .allSatisfy(key -> assertThat(expectedInTheEnd).contains(key));

      inventory.awaitUntil(
          seen ->
              List.of("1101", "1102", "1201", "1203", "1204").stream()
                  .allMatch(id -> stage(seen, id) == LifecycleStage.VERIFIED),
          TIMEOUT,
          "clean and fixed nodes VERIFIED");
      // The second switch ordered: both leaves' SKU is covered; leaf-01 stays RECEIVED.
      inventory.awaitUntil(
          seen ->
              stage(seen, LEAF_1) == LifecycleStage.RECEIVED
                  && stage(seen, LEAF_2) == LifecycleStage.ORDERED,
          TIMEOUT,
          "leaf-02 ORDERED");
    }
  }

  private static Set<String> expectedFaults() {
    return Set.of(
        // installation
        "WRONG_SKU 1102",
        "COMPONENT_MISMATCH 1103",
        "FIRMWARE_MISMATCH 1104",
        "SERIAL_MISMATCH 1201",
        "LOCATION_MISMATCH 1202",
        "UNEXPECTED_DEVICE 3c:ec:ef:19:99:99",
        "UNEXPECTED_DEVICE 3c:ec:ef:19:99:98",
        // cabling
        "MISCABLED 1102:rail1",
        "MISCABLED 1102:rail2",
        "LINK_MISSING 1103:rail2",
        "UNEXPECTED_LINK 1104:rail9",
        // supply
        "UNDER_PROCURED 3:MSN5600",
        "SHORT_SHIPMENT PO-1000/6",
        "LATE_DELIVERY PO-1000/3",
        "OVER_SHIPMENT PO-1000/4",
        "DUPLICATE_SERIAL XC5",
        "DUPLICATE_SERIAL SN-STRANGER",
        "WRONG_PART_RECEIVED R-5",
        "RECEIPT_FOR_UNKNOWN_PO_LINE R-6",
        // design
        "FEED_ALLOCATION_OVER_CAPACITY 2202",
        "RACK_PLANNED_POWER_OVER_BUDGET 1200",
        "RACK_PLANNED_HEAT_OVER_COOLING 1200",
        // power and cooling telemetry
        "FEED_OVER_BUDGET 2101",
        "INLET_OVER_TEMPERATURE inlet-r12",
        "COOLANT_OUT_OF_RANGE cdu-1-supply",
        "PHASE_IMBALANCE 2102",
        "PHASE_OVERLOAD 2201",
        "LOAD_ON_UNUSED_FEED 2901",
        "RACK_OVER_BUDGET 1300",
        "AB_HEADROOM_VIOLATED 1400",
        "RACK_HEAT_OVER_COOLING 1300",
        "DEVICE_NOT_SEEN 1950",
        "RACK_AB_REDUNDANCY_INSUFFICIENT 1400");
  }

  private static Set<String> fixedFaults() {
    return Set.of(
        "WRONG_SKU 1102",
        "MISCABLED 1102:rail1",
        "MISCABLED 1102:rail2",
        "COMPONENT_MISMATCH 1103",
        "UNDER_PROCURED 3:MSN5600",
        "RECEIPT_FOR_UNKNOWN_PO_LINE R-6",
        "INLET_OVER_TEMPERATURE inlet-r12",
        "SERIAL_MISMATCH 1201",
        "DUPLICATE_SERIAL SN-STRANGER",
        "FEED_ALLOCATION_OVER_CAPACITY 2202",
        "RACK_PLANNED_POWER_OVER_BUDGET 1200",
        "RACK_HEAT_OVER_COOLING 1300",
        "DEVICE_NOT_SEEN 1950");
  }

  private static String typeAndSubject(Discrepancy d) {
    return d.getType() + " " + d.getSubject().getId();
  }

  private static Set<String> withState(
      List<ConsumerRecord<String, Discrepancy>> seen, DiscrepancyState state) {
    return seen.stream()
        .filter(r -> r.value().getState() == state)
        .map(r -> typeAndSubject(r.value()))
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static Set<String> opened(List<ConsumerRecord<String, Discrepancy>> seen) {
    return withState(seen, DiscrepancyState.OPENED);
  }

  private static Set<String> resolved(List<ConsumerRecord<String, Discrepancy>> seen) {
    return withState(seen, DiscrepancyState.RESOLVED);
  }

  private static ReconciledDevice latest(
      List<ConsumerRecord<String, ReconciledDevice>> seen, String deviceId) {
    ReconciledDevice latest = null;
    for (ConsumerRecord<String, ReconciledDevice> r : seen) {
      if (deviceId.equals(r.key())) {
        latest = r.value();
      }
    }
    return latest;
  }

  private static LifecycleStage stage(
      List<ConsumerRecord<String, ReconciledDevice>> seen, String deviceId) {
    ReconciledDevice device = latest(seen, deviceId);
    return device == null ? null : device.getStage();
  }

  private static KafkaProducer<String, SpecificRecord> producer(PlumblineConfig config) {
    SpecificAvroSerializer<SpecificRecord> values = new SpecificAvroSerializer<>();
    values.configure(config.registrySettings(), false);
    return new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, config.bootstrapServers()),
        new StringSerializer(),
        values);
  }

  /** The sample site and its faults, as records on the input topics. */
  private final class Site {

    private final KafkaProducer<String, SpecificRecord> producer;
    private final PlumblineTopics topics;

    Site(KafkaProducer<String, SpecificRecord> producer, PlumblineTopics topics) {
      this.producer = producer;
      this.topics = topics;
    }

    private void send(String topic, String key, SpecificRecord value, Instant at) {
      producer.send(new ProducerRecord<>(topic, null, at.toEpochMilli(), key, value));
    }

    void purchaseOrders() {
      Instant at = base;
      // Covers the eight nodes; delivered in full below.
      poLine("PO-1000", 1, B200_PART, 8, null, at);
      // Two leaf switches in the design, one ordered: UNDER_PROCURED.
      poLine("PO-1000", 2, "MSN5600", 1, null, at);
      // Open, due yesterday, 6 of 10 received: LATE_DELIVERY (not yet short: the line is open).
      poLine("PO-1000", 3, "CBL-400G", 10, base.minus(1, ChronoUnit.DAYS), at);
      // Closed with 3 of 4 received: SHORT_SHIPMENT.
      poLine("PO-1000", 6, "CBL-800G", 4, null, "closed", at);
      // 4 ordered, 6 received: OVER_SHIPMENT (and a serial scanned twice: DUPLICATE_SERIAL).
      poLine("PO-1000", 4, "XCVR-800G", 4, null, at);
      // The dock scans another part: WRONG_PART_RECEIVED.
      poLine("PO-1000", 5, "PSU-3300", 4, null, at);
    }

    private void poLine(
        String po, int line, String part, int quantity, Instant expectedDate, Instant at) {
      poLine(po, line, part, quantity, expectedDate, "open", at);
    }

    private void poLine(
        String po,
        int line,
        String part,
        int quantity,
        Instant expectedDate,
        String status,
        Instant at) {
      send(
          topics.purchaseOrders(),
          po + "/" + line,
          PurchaseOrderLine.newBuilder()
              .setPoNumber(po)
              .setLine(line)
              .setVendor("NVIDIA")
              .setPartNumber(part)
              .setQuantity(quantity)
              .setExpectedDate(expectedDate)
              .setShipToSiteId(SITE)
              .setStatus(status)
              .build(),
          at);
    }

    void designWithoutServers() {
      Instant at = base.plus(1, ChronoUnit.MINUTES);
      send(topics.intentDeviceTypes(), B200, b200Type(), at);
      send(
          topics.intentDeviceTypes(),
          LEAF,
          IntentDeviceType.newBuilder()
              .setId(LEAF)
              .setManufacturer("NVIDIA")
              .setModel("SN5600")
              .setPartNumber("MSN5600")
              .setUHeight(2)
              .setExpectedGpuCount(0)
              .setExpectedNicCount(0)
              .setFirmwareBaseline(Map.of())
              .build(),
          at);
      // Rack 1 passes; rack 2 plans 57.2 kW against a 50 kW budget and 55 kW of cooling.
      send(topics.intentRacks(), RACK_1, rack(RACK_1, "R11", 64_000, 64_000), at);
      send(topics.intentRacks(), RACK_2, rack(RACK_2, "R12", 50_000, 55_000), at);
      // 415 V x 100 A three-phase at 80 %: 57,504 W usable. Feed 2202 is allocated 60 kW.
      send(topics.intentPowerFeeds(), "2101", feed("2101", RACK_1, "A", 57_200).build(), at);
      send(topics.intentPowerFeeds(), "2102", feed("2102", RACK_1, "B", 57_200).build(), at);
      send(topics.intentPowerFeeds(), "2201", feed("2201", RACK_2, "A", 57_200).build(), at);
      send(topics.intentPowerFeeds(), "2202", feed("2202", RACK_2, "B", 60_000).build(), at);
      // leaf-01 has its serial assigned and received (RECEIVED); leaf-02 is not on order yet.
      send(
          topics.intentDevices(),
          LEAF_1,
          IntentDevice.newBuilder(leaf(LEAF_1, "leaf-01")).setSerial("LF-0001").build(),
          at);
      send(topics.intentDevices(), LEAF_2, leaf(LEAF_2, "leaf-02"), at);
      // A PDU due to be installed by now and never seen (no part number: no demand).
      send(
          topics.intentDeviceTypes(),
          PDU,
          IntentDeviceType.newBuilder()
              .setId(PDU)
              .setManufacturer("Raritan")
              .setModel("PX4")
              .setUHeight(0)
              .setExpectedGpuCount(0)
              .setExpectedNicCount(0)
              .setFirmwareBaseline(Map.of())
              .build(),
          at);
      send(topics.intentDevices(), "1950", pdu(base), at);
      // A 6 kW appliance (no part number) in rack 14, whose sides carry 4,992 W each.
      send(
          topics.intentDeviceTypes(),
          APPLIANCE,
          IntentDeviceType.newBuilder()
              .setId(APPLIANCE)
              .setManufacturer("Acme")
              .setModel("Storage appliance")
              .setUHeight(4)
              .setExpectedGpuCount(0)
              .setExpectedNicCount(0)
              .setAllocatedDrawWatts(6_000.0)
              .setFirmwareBaseline(Map.of())
              .build(),
          at);
      send(
          topics.intentDevices(),
          "1960",
          IntentDevice.newBuilder()
              .setId("1960")
              .setName("storage-1960")
              .setDeviceTypeId(APPLIANCE)
              .setSiteId(SITE)
              .setRackId("1400")
              .setPosition(2.0)
              .setStatus("planned")
              .build(),
          at);
      // A planned feed, racks 13 and 14 with feeds but no devices.
      send(
          topics.intentPowerFeeds(),
          "2901",
          feed("2901", null, "A", 0).setStatus("planned").build(),
          at);
      // Rack 13 can cool only 11 kW: its measured 12 kW is heat over cooling (no devices are
      // planned there, so the design alone sees no heat problem).
      send(topics.intentRacks(), "1300", rack("1300", "R13", 10_000, 11_000), at);
      send(topics.intentPowerFeeds(), "2301", feed("2301", "1300", "A", 5_000).build(), at);
      send(topics.intentPowerFeeds(), "2302", feed("2302", "1300", "B", 5_000).build(), at);
      send(
          topics.intentRacks(),
          "1400",
          IntentRack.newBuilder()
              .setId("1400")
              .setName("R14")
              .setSiteId(SITE)
              .setUHeight(48)
              .build(),
          at);
      for (String id : List.of("2401", "2402")) {
        send(
            topics.intentPowerFeeds(),
            id,
            feed(id, "1400", id.endsWith("1") ? "A" : "B", 2_000)
                .setPhase("single-phase")
                .setVoltage(208)
                .setAmperage(30)
                .build(),
            at);
      }
      // Rail 1 of every node to leaf-01, rail 2 to leaf-02, switch port = node index.
      for (int i = 0; i < NODES.size(); i++) {
        String node = NODES.get(i);
        send(topics.intentCables(), "c" + node + "-1", cable(node, "rail1", LEAF_1, i + 1), at);
        send(topics.intentCables(), "c" + node + "-2", cable(node, "rail2", LEAF_2, i + 1), at);
      }
    }

    void servers() {
      Instant at = base.plus(2, ChronoUnit.MINUTES);
      for (int i = 0; i < NODES.size(); i++) {
        String id = NODES.get(i);
        send(topics.intentDevices(), id, node(id, "SN" + id), at);
      }
    }

    void receipts() {
      Instant at = base.plus(3, ChronoUnit.MINUTES);
      receipt("R-1", "PO-1000", 1, B200_PART, serials("1101", "1102", "1103", "1104"), 4, at);
      receipt("R-2", "PO-1000", 1, B200_PART, serials("1201", "1202", "1203", "1204"), 4, at);
      receipt("R-3", "PO-1000", 3, "CBL-400G", List.of(), 6, at);
      receipt(
          "R-4",
          "PO-1000",
          4,
          "XCVR-800G",
          List.of("XC1", "XC2", "XC3", "XC4", "XC5", "XC5"),
          6,
          at);
      receipt("R-5", "PO-1000", 5, "PSU-2700", List.of(), 4, at);
      // Booked on a line the ERP has not exported yet.
      receipt("R-6", "PO-1999", 1, "CBL-400G", List.of(), 2, at);
      receipt("R-7", "PO-1000", 6, "CBL-800G", List.of(), 3, at);
      receipt("R-8", "PO-1000", 2, "MSN5600", List.of("LF-0001"), 1, at);
    }

    private List<String> serials(String... nodes) {
      List<String> serials = new ArrayList<>();
      for (String node : nodes) {
        serials.add("SN" + node);
      }
      return serials;
    }

    private void receipt(
        String id,
        String po,
        int line,
        String part,
        List<String> serials,
        int quantity,
        Instant at) {
      send(
          topics.receipts(),
          id,
          Receipt.newBuilder()
              .setReceiptId(id)
              .setPoNumber(po)
              .setPoLine(line)
              .setScannedPartNumber(part)
              .setSerialNumbers(serials)
              .setQuantity(quantity)
              .setReceivedAt(at)
              .setSiteId(SITE)
              .setCondition(ReceiptCondition.GOOD)
              .build(),
          at);
    }

    /** Every node as the BMC reports it; {@code fixed} repairs what reality got wrong. */
    void observations(boolean fixed) {
      Instant at = base.plus(fixed ? 5 : 4, ChronoUnit.MINUTES);
      for (int i = 0; i < NODES.size(); i++) {
        String id = NODES.get(i);
        ObservedSystem.Builder system = healthy(id, i + 1, at);
        List<ObservedNic> nics = new ArrayList<>();
        nics.add(nic("rail1", "Up", "leaf-01.dc3.example.com", "Eth1/" + (i + 1)));
        nics.add(nic("rail2", "Up", "leaf-02.dc3.example.com", "Eth1/" + (i + 1)));
        switch (id) {
          case "1102" -> {
            if (!fixed) {
              system.setModel("DGX H100").setPartNumber("965-24366-0002-000");
              nics.set(0, nic("rail1", "Up", "leaf-02", "Ethernet1/2"));
              nics.set(1, nic("rail2", "Up", "leaf-01", "Ethernet1/2"));
            }
          }
          case "1103" -> {
            if (!fixed) {
              system.setGpus(gpus(7));
            }
            nics.set(1, nic("rail2", "Down", null, null));
          }
          case "1104" -> {
            system.setFirmware(Map.of("BMC", "24.09.17", "BIOS", "1.4.2"));
            nics.add(nic("rail9", "Up", "leaf-03", "Ethernet1/9"));
          }
          case "1201" -> system.setSerialNumber("SN1201X");
          case "1202" ->
              system.setLocation(
                  ObservedLocation.newBuilder().setRack("R11").setPosition(20.0).build());
          default -> {}
        }
        system.setNics(nics);
        send(topics.observedSystems(), mac(id), system.build(), at);
      }
      if (!fixed) {
        // A chassis nobody planned.
        String stranger = "3c:ec:ef:19:99:99";
        send(
            topics.observedSystems(),
            stranger,
            ObservedSystem.newBuilder()
                .setBmcId(stranger)
                .setBmcMac(stranger)
                .setObservedAt(at)
                .setSerialNumber("SN-STRANGER")
                .setModel("DGX B200")
                .setGpus(gpus(8))
                .setFirmware(BASELINE)
                .build(),
            at);
        // A second chassis whose BMC reports the same serial: installed in two places.
        stranger(STRANGER_2, "SN-STRANGER", at);
      }
    }

    /** An unplanned chassis reporting {@code serial}. */
    void stranger(String bmc, String serial, Instant at) {
      send(
          topics.observedSystems(),
          bmc,
          ObservedSystem.newBuilder()
              .setBmcId(bmc)
              .setBmcMac(bmc)
              .setObservedAt(at)
              .setSerialNumber(serial)
              .setModel("DGX B200")
              .setGpus(gpus(8))
              .setFirmware(BASELINE)
              .build(),
          at);
    }

    private ObservedSystem.Builder healthy(String id, int index, Instant at) {
      String rack = id.startsWith("11") ? "R11" : "R12";
      return ObservedSystem.newBuilder()
          .setBmcId(mac(id))
          .setBmcMac(mac(id))
          .setObservedAt(at)
          .setSerialNumber("SN" + id)
          .setManufacturer("NVIDIA")
          .setModel("DGX B200")
          .setPartNumber(B200_PART)
          .setLocation(
              ObservedLocation.newBuilder().setRack(rack).setPosition(position(id)).build())
          .setGpus(gpus(8))
          .setFirmware(BASELINE)
          .setPowerWatts(9_800.0);
    }

    /**
     * Power and environment readings at {@code at}: feed 2101 over 80 % of usable, the others low;
     * inlet r12 hot until {@code fixed}; the CDU supply coolant always too warm.
     */
    void telemetry(Instant at, boolean fixed, boolean withInletR14) {
      power("2101", 47_000, at);
      // Phase currents: 2102 unbalanced (20/10/10 A), 2201 one phase over 80 A.
      power("2102", 5_000, List.of(20.0, 10.0, 10.0), at);
      power("2201", 5_000, List.of(85.0, 80.0, 80.0), at);
      power("2202", 5_000, at);
      // A planned feed nobody should draw from.
      power("2901", 2_000, at);
      // Rack 13: 12 kW against a 10 kW budget. Rack 14: 6 kW on two 4,992 W sides.
      power("2301", 6_000, at);
      power("2302", 6_000, at);
      power("2401", 3_000, at);
      power("2402", 3_000, at);
      if (withInletR14) {
        environment("inlet-r14", "1400", EnvironmentKind.INLET_TEMPERATURE, 22.0, "Cel", at);
      }
      environment("inlet-r11", RACK_1, EnvironmentKind.INLET_TEMPERATURE, 22.0, "Cel", at);
      environment(
          "inlet-r12", RACK_2, EnvironmentKind.INLET_TEMPERATURE, fixed ? 22.0 : 29.0, "Cel", at);
      environment(
          "cdu-1-supply", null, EnvironmentKind.COOLANT_SUPPLY_TEMPERATURE, 40.0, "Cel", at);
      environment("cdu-1-flow", null, EnvironmentKind.COOLANT_FLOW, 200.0, "L/min", at);
    }

    private void power(String feed, double watts, Instant at) {
      power(feed, watts, List.of(), at);
    }

    private void power(String feed, double watts, List<Double> phaseAmps, Instant at) {
      List<PhaseReading> phases = new ArrayList<>();
      for (int i = 0; i < phaseAmps.size(); i++) {
        phases.add(
            PhaseReading.newBuilder()
                .setPhase("L" + (i + 1))
                .setCurrentAmps(phaseAmps.get(i))
                .build());
      }
      send(
          topics.powerReadings(),
          feed,
          PowerReading.newBuilder()
              .setFeedId(feed)
              .setSourceId("pdu-" + feed)
              .setMeasuredAt(at)
              .setTotalPowerWatts(watts)
              .setPhases(phases)
              .build(),
          at);
    }

    private void environment(
        String sensor, String rack, EnvironmentKind kind, double value, String unit, Instant at) {
      send(
          topics.environmentReadings(),
          sensor,
          EnvironmentReading.newBuilder()
              .setSensorId(sensor)
              .setRackId(rack)
              .setCduId(rack == null ? "cdu-1" : null)
              .setMeasuredAt(at)
              .setKind(kind)
              .setValue(value)
              .setUnit(unit)
              .build(),
          at);
    }

    void fixes() {
      Instant at = base.plus(5, ChronoUnit.MINUTES);
      observations(true);
      poLine("PO-1001", 1, "MSN5600", 1, null, at);
      poLine("PO-1999", 1, "CBL-400G", 2, null, at);
      send(topics.intentDevices(), "1201", node("1201", "SN1201X"), at);
      // The dock mis-scanned node 1201's serial on R-2: corrected, it is received.
      receipt(
          "R-2",
          "PO-1000",
          1,
          B200_PART,
          List.of("SN1201X", "SN1202", "SN1203", "SN1204"),
          4,
          base.plus(3, ChronoUnit.MINUTES));
      stranger(STRANGER_2, "SN-STRANGER-2", at);
      send(topics.intentPowerFeeds(), "2202", feed("2202", RACK_2, "B", 57_200).build(), at);
      send(topics.intentRacks(), RACK_2, rack(RACK_2, "R12", 64_000, 55_000), at);
      send(topics.intentRacks(), "1300", rack("1300", "R13", 10_000, 20_000), at);
      send(topics.intentDevices(), "1950", pdu(null), at);
    }
  }

  private static IntentDeviceType b200Type() {
    return IntentDeviceType.newBuilder()
        .setId(B200)
        .setManufacturer("NVIDIA")
        .setModel("DGX B200")
        .setPartNumber(B200_PART)
        .setUHeight(10)
        .setExpectedGpuCount(8)
        .setExpectedGpuModel("NVIDIA B200")
        .setExpectedNicCount(0)
        .setMaximumDrawWatts(14_300.0)
        .setAllocatedDrawWatts(14_300.0)
        .setFirmwareBaseline(BASELINE)
        .build();
  }

  private static IntentRack rack(String id, String name, double budget, double cooling) {
    return IntentRack.newBuilder()
        .setId(id)
        .setName(name)
        .setSiteId(SITE)
        .setUHeight(48)
        .setPowerBudgetWatts(budget)
        .setCoolingCapacityWatts(cooling)
        .build();
  }

  private static IntentPowerFeed.Builder feed(
      String id, String rack, String side, double allocated) {
    return IntentPowerFeed.newBuilder()
        .setId(id)
        .setName("feed-" + id)
        .setSiteId(SITE)
        .setPanelName("panel-" + side)
        .setRackId(rack)
        .setSide(side)
        .setSupply("ac")
        .setPhase("three-phase")
        .setVoltage(415)
        .setAmperage(100)
        .setMaxUtilizationPercent(80)
        .setAllocatedDrawWatts(allocated)
        .setStatus("active");
  }

  private static IntentDevice pdu(Instant installDeadline) {
    return IntentDevice.newBuilder()
        .setId("1950")
        .setName("pdu-1950")
        .setDeviceTypeId(PDU)
        .setSiteId(SITE)
        .setRole("pdu")
        .setStatus("planned")
        .setInstallDeadline(installDeadline)
        .build();
  }

  private static IntentDevice leaf(String id, String name) {
    return IntentDevice.newBuilder()
        .setId(id)
        .setName(name)
        .setDeviceTypeId(LEAF)
        .setSiteId(SITE)
        .setRole("leaf")
        .setStatus("active")
        .build();
  }

  private static IntentDevice node(String id, String serial) {
    String rack = id.startsWith("11") ? RACK_1 : RACK_2;
    return IntentDevice.newBuilder()
        .setId(id)
        .setName("node-" + id)
        .setDeviceTypeId(B200)
        .setSiteId(SITE)
        .setRackId(rack)
        .setPosition(position(id))
        .setRole("gpu-node")
        .setStatus("active")
        .setSerial(serial)
        .setBmcMac(mac(id))
        .build();
  }

  private static double position(String id) {
    return 2.0 + 10 * (Integer.parseInt(id.substring(3)) - 1);
  }

  private static String mac(String id) {
    return "3c:ec:ef:" + id.substring(0, 2) + ":" + id.substring(2) + ":01";
  }

  private static IntentCable cable(String node, String port, String leafId, int leafPort) {
    String leafName = LEAF_1.equals(leafId) ? "leaf-01" : "leaf-02";
    return IntentCable.newBuilder()
        .setId("c" + node + "-" + port)
        .setADeviceId(node)
        .setADeviceName("node-" + node)
        .setAInterface(port)
        .setBDeviceId(leafId)
        .setBDeviceName(leafName)
        .setBInterface("Ethernet1/" + leafPort)
        .setStatus("connected")
        .build();
  }

  private static ObservedNic nic(String port, String link, String peer, String peerPort) {
    ObservedNic.Builder nic =
        ObservedNic.newBuilder()
            .setAdapterId("NIC_" + port)
            .setPortId(port)
            .setModel("ConnectX-7")
            .setLinkStatus(link);
    if (peer != null) {
      nic.setLldpNeighbor(
          LldpNeighbor.newBuilder().setSystemName(peer).setPortId(peerPort).build());
    }
    return nic.build();
  }

  private static List<ObservedGpu> gpus(int count) {
    List<ObservedGpu> gpus = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      gpus.add(
          ObservedGpu.newBuilder()
              .setId("GPU_SXM_" + i)
              .setManufacturer("NVIDIA")
              .setModel("NVIDIA B200")
              .build());
    }
    return gpus;
  }
}
