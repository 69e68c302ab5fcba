package io.plumbline.it.service;

import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.IntentCable;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.LldpNeighbor;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.avro.v1.PurchaseOrderLine;
import io.plumbline.topology.PlumblineTopics;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A small sample site for the service ITs: one rack, R14, with four DGX B200 nodes as NetBox would
 * describe them, and what their BMCs report. Two stories play out: node 2 arrives as a DGX H100 and
 * is swapped for the right hardware; node 4 was planned as an H100 but the site deliberately
 * installed a B200, so the design is corrected instead. Addresses are documentation-only.
 */
public final class SampleSite {

  public static final String SITE = "3";
  public static final String RACK = "14";
  public static final String B200_TYPE = "21";
  public static final String H100_TYPE = "22";
  public static final String FEED_A = "2101";
  public static final String FEED_B = "2102";
  public static final String B200_PART = "965-24387-0002-000";
  public static final String INLET_SENSOR = "r14-inlet-top";
  // Telemetry is stamped in the recent past, aligned to a minute, so one-minute windows close
  // predictably as later readings arrive (brokers refuse timestamps far in the future).
  private final Instant telemetryBase =
      Instant.now()
          .minus(java.time.Duration.ofMinutes(20))
          .truncatedTo(java.time.temporal.ChronoUnit.MINUTES);
  private static final int NODES = 4;

  private final PlumblineTopics topics;
  private final Producer<String, SpecificRecord> producer;

  public SampleSite(PlumblineTopics topics, Producer<String, SpecificRecord> producer) {
    this.topics = topics;
    this.producer = producer;
  }

  /** Device types and the rack's devices, with node 4 planned as a DGX H100. */
  public void publishDesign() {
    send(topics.intentDeviceTypes(), B200_TYPE, type(B200_TYPE, "DGX B200", B200_PART));
    send(topics.intentDeviceTypes(), H100_TYPE, type(H100_TYPE, "DGX H100", "965-24366-0002-000"));
    for (int node = 1; node <= NODES; node++) {
      String typeId = node == 4 ? H100_TYPE : B200_TYPE;
      send(topics.intentDevices(), deviceId(node), device(node, typeId));
    }
    producer.flush();
  }

  /** Rack R14's A and B feeds; B is planned with more allocated draw than 60 A can carry. */
  public void publishFeeds() {
    send(topics.intentPowerFeeds(), FEED_A, feed(FEED_A, "R14-A", "A", 60, 28_600));
    send(topics.intentPowerFeeds(), FEED_B, feed(FEED_B, "R14-B", "B", 60, 36_000));
    producer.flush();
  }

  /** The facilities team upgrades feed B to 100 A. */
  public void publishFeedUpgrade() {
    send(topics.intentPowerFeeds(), FEED_B, feed(FEED_B, "R14-B", "B", 100, 36_000));
    producer.flush();
  }

  /** Feed A's meter: one minute at 31 kW (90 % of 34.5 kW usable), then a reading closing it. */
  public void publishFeedOverload() {
    for (int second = 0; second < 60; second += 15) {
      send(topics.powerReadings(), FEED_A, reading(second, 31_000));
    }
    send(topics.powerReadings(), FEED_A, reading(95, 31_000));
    producer.flush();
  }

  /** Load is shed on feed A: the next minute averages well under 75 %. */
  public void publishLoadShed() {
    for (int second = 100; second < 120; second += 5) {
      send(topics.powerReadings(), FEED_A, reading(second, 15_000));
    }
    send(topics.powerReadings(), FEED_A, reading(155, 15_000));
    producer.flush();
  }

  /** Rack R14's top inlet sensor: one minute at 29 °C (over the 27 °C mark), then a reading. */
  public void publishWarmInlet() {
    for (int second = 0; second < 60; second += 15) {
      send(topics.environmentReadings(), INLET_SENSOR, inlet(second, 29.0));
    }
    send(topics.environmentReadings(), INLET_SENSOR, inlet(95, 29.0));
    producer.flush();
  }

  /**
   * Node 1's two planned cables to leaf-01, and its BMC's LLDP view: eth0 reaches the planned port,
   * eth1 lands on leaf-02 (miscabled).
   */
  public void publishNode1Cabling() {
    send(topics.intentCables(), "9001", cable("9001", "eth0", "Ethernet1/1"));
    send(topics.intentCables(), "9002", cable("9002", "eth1", "Ethernet1/2"));
    producer.flush();
    ObservedSystem node1 = observed(1, "DGX B200");
    node1.setNics(
        List.of(
            nic("eth0", "leaf-01.dc2.example.com", "Eth1/1"),
            nic("eth1", "leaf-02.dc2.example.com", "Ethernet1/2")));
    send(topics.observedSystems(), bmcMac(1), node1);
    producer.flush();
  }

  private static IntentCable cable(String id, String serverPort, String leafPort) {
    return IntentCable.newBuilder()
        .setId(id)
        .setADeviceId(deviceId(1))
        .setADeviceName(deviceName(1))
        .setAInterface(serverPort)
        .setBDeviceId("1901")
        .setBDeviceName("leaf-01")
        .setBInterface(leafPort)
        .setStatus("connected")
        .setUrl("https://netbox.example.com/dcim/cables/" + id + "/")
        .build();
  }

  private static ObservedNic nic(String port, String neighbour, String neighbourPort) {
    return ObservedNic.newBuilder()
        .setAdapterId("NIC.Slot.1")
        .setPortId(port)
        .setLinkStatus("LinkUp")
        .setLldpNeighbor(
            LldpNeighbor.newBuilder().setSystemName(neighbour).setPortId(neighbourPort).build())
        .build();
  }

  private EnvironmentReading inlet(int second, double celsius) {
    return EnvironmentReading.newBuilder()
        .setSensorId(INLET_SENSOR)
        .setRackId(RACK)
        .setMeasuredAt(telemetryBase.plusSeconds(second))
        .setKind(EnvironmentKind.INLET_TEMPERATURE)
        .setValue(celsius)
        .setUnit("Cel")
        .build();
  }

  /** Procurement orders the four B200s the design needs. */
  public void publishPurchaseOrder() {
    send(
        topics.purchaseOrders(),
        "4500123/1",
        PurchaseOrderLine.newBuilder()
            .setPoNumber("4500123")
            .setLine(1)
            .setVendor("NVIDIA partner")
            .setManufacturer("NVIDIA")
            .setPartNumber(B200_PART)
            .setQuantity(4)
            .setExpectedDate(Instant.now().plus(java.time.Duration.ofDays(14)))
            .setShipToSiteId(SITE)
            .build());
    producer.flush();
  }

  /** What the BMCs report on first power-on: node 2 is a DGX H100, every other node a B200. */
  public void publishFirstObservations() {
    for (int node = 1; node <= NODES; node++) {
      String model = node == 2 ? "DGX H100" : "DGX B200";
      send(topics.observedSystems(), bmcMac(node), observed(node, model));
    }
    producer.flush();
  }

  /** The technician replaced node 2 with a DGX B200. */
  public void publishHardwareSwap() {
    send(topics.observedSystems(), bmcMac(2), observed(2, "DGXB200"));
    producer.flush();
  }

  /** The designer accepts the B200 installed in node 4's slot and corrects NetBox. */
  public void publishDesignCorrection() {
    send(topics.intentDevices(), deviceId(4), device(4, B200_TYPE));
    producer.flush();
  }

  public static String deviceId(int node) {
    return Integer.toString(1400 + node);
  }

  public static String deviceName(int node) {
    return String.format(Locale.ROOT, "r14-node%02d", node);
  }

  public static String bmcMac(int node) {
    return String.format(Locale.ROOT, "3c:ec:ef:14:00:%02x", node);
  }

  private void send(String topic, String key, SpecificRecord value) {
    producer.send(new ProducerRecord<>(topic, key, value));
  }

  private static IntentPowerFeed feed(
      String id, String name, String side, double amperage, double allocatedWatts) {
    return IntentPowerFeed.newBuilder()
        .setId(id)
        .setName(name)
        .setSiteId(SITE)
        .setPanelName("PP-3-" + side)
        .setRackId(RACK)
        .setSide(side)
        .setPhase("three-phase")
        .setVoltage(415)
        .setAmperage(amperage)
        .setMaxUtilizationPercent(80)
        .setAllocatedDrawWatts(allocatedWatts)
        .setStatus("active")
        .setUrl("https://netbox.example.com/dcim/power-feeds/" + id + "/")
        .build();
  }

  private PowerReading reading(int second, double watts) {
    return PowerReading.newBuilder()
        .setFeedId(FEED_A)
        .setSourceId("pdu-r14-a")
        .setMeasuredAt(telemetryBase.plusSeconds(second))
        .setTotalPowerWatts(watts)
        .build();
  }

  private static IntentDeviceType type(String id, String model, String partNumber) {
    return IntentDeviceType.newBuilder()
        .setId(id)
        .setManufacturer("NVIDIA")
        .setModel(model)
        .setPartNumber(partNumber)
        .setUHeight(10)
        .setExpectedGpuCount(8)
        .setMaximumDrawWatts(model.contains("B200") ? 14_300.0 : 10_200.0)
        .setUrl("https://netbox.example.com/dcim/device-types/" + id + "/")
        .build();
  }

  private static IntentDevice device(int node, String typeId) {
    return IntentDevice.newBuilder()
        .setId(deviceId(node))
        .setName(deviceName(node))
        .setDeviceTypeId(typeId)
        .setSiteId(SITE)
        .setRackId(RACK)
        .setPosition(2.0 + (node - 1) * 10)
        .setRole("gpu-node")
        .setStatus("planned")
        .setBmcMac(bmcMac(node).toUpperCase(Locale.ROOT))
        .setUrl("https://netbox.example.com/dcim/devices/" + deviceId(node) + "/")
        .build();
  }

  private static ObservedSystem observed(int node, String model) {
    List<ObservedGpu> gpus = new ArrayList<>();
    String gpuModel = model.contains("H100") ? "NVIDIA H100 80GB HBM3" : "NVIDIA B200";
    for (int gpu = 0; gpu < 8; gpu++) {
      gpus.add(
          ObservedGpu.newBuilder()
              .setId("GPU_SXM_" + (gpu + 1))
              .setManufacturer("NVIDIA")
              .setModel(gpuModel)
              .build());
    }
    return ObservedSystem.newBuilder()
        .setBmcId(bmcMac(node))
        .setBmcMac(bmcMac(node))
        .setBmcAddress("192.0.2." + (10 + node))
        .setObservedAt(Instant.now())
        // Real BMCs pad serials; matching normalises them.
        .setSerialNumber(String.format(Locale.ROOT, "1571024%06d   ", node))
        .setManufacturer("NVIDIA")
        .setModel(model)
        .setPowerState("On")
        .setLocation(
            ObservedLocation.newBuilder().setRack("R14").setPosition(2.0 + (node - 1) * 10).build())
        .setGpus(gpus)
        .setFirmware(Map.of("BMC", "24.09.17", "BIOS", "1.5.3"))
        .build();
  }
}
