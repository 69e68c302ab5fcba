package io.plumbline.model;

import io.plumbline.avro.v1.Acknowledgement;
import io.plumbline.avro.v1.Alert;
import io.plumbline.avro.v1.AlertState;
import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.IntentCable;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.IntentModule;
import io.plumbline.avro.v1.IntentPowerFeed;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.IntentSite;
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
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * One realistic instance of every top-level record of the contract, built with the generated
 * builders: a DGX B200 node in rack R14 of site DC2, rail i of the node cabled to leaf i.
 */
final class SampleRecords {

  static final Instant NOW = Instant.parse("2025-06-03T08:15:30.123Z");
  private static final String NETBOX = "https://netbox.example.com/dcim/";
  private static final int GPUS = 8;

  private SampleRecords() {}

  /** Full record name (e.g. {@code io.plumbline.avro.v1.ObservedSystem}) to a sample instance. */
  static Map<String, SpecificRecordBase> all() {
    Map<String, SpecificRecordBase> samples = new TreeMap<>();
    for (SpecificRecordBase sample :
        List.of(
            site(),
            rack(),
            deviceType(),
            device(),
            cable(),
            powerFeed(),
            module(),
            purchaseOrderLine(),
            receipt(),
            observedSystem(),
            powerReading(),
            environmentReading(),
            discrepancy(),
            alert(),
            reconciledDevice(),
            acknowledgement())) {
      samples.put(sample.getSchema().getFullName(), sample);
    }
    return samples;
  }

  static IntentSite site() {
    return IntentSite.newBuilder()
        .setId("3")
        .setName("DC2")
        .setSlug("dc2")
        .setUrl(NETBOX + "sites/3/")
        .build();
  }

  static IntentRack rack() {
    return IntentRack.newBuilder()
        .setId("1414")
        .setName("R14")
        .setSiteId("3")
        .setUHeight(48)
        .setPowerBudgetWatts(60_000.0)
        .setCoolingCapacityWatts(60_000.0)
        .setUrl(NETBOX + "racks/1414/")
        .build();
  }

  static IntentDeviceType deviceType() {
    return IntentDeviceType.newBuilder()
        .setId("57")
        .setManufacturer("NVIDIA")
        .setModel("DGX B200")
        .setPartNumber("DGXB-G1440+P2CMI36")
        .setUHeight(10.0)
        .setExpectedGpuCount(GPUS)
        .setExpectedGpuModel("NVIDIA B200")
        .setExpectedNicCount(8)
        .setExpectedNicModel("ConnectX-7")
        .setMaximumDrawWatts(14_300.0)
        .setAllocatedDrawWatts(12_000.0)
        .setFirmwareBaseline(firmware())
        .setUrl(NETBOX + "device-types/57/")
        .build();
  }

  static IntentDevice device() {
    return IntentDevice.newBuilder()
        .setId("90211")
        .setName("dgx-dc2-r14-n2")
        .setDeviceTypeId("57")
        .setSiteId("3")
        .setRackId("1414")
        .setPosition(11.0)
        .setRole("gpu-node")
        .setStatus("staged")
        .setSerial("1660124000123")
        .setAssetTag("DC2-004711")
        .setBmcMac("7c:c2:55:1a:2b:3c")
        .setInstallDeadline(Instant.parse("2025-06-10T17:00:00Z"))
        .setUrl(NETBOX + "devices/90211/")
        .build();
  }

  static IntentCable cable() {
    return IntentCable.newBuilder()
        .setId("530117")
        .setADeviceId("90211")
        .setADeviceName("dgx-dc2-r14-n2")
        .setAInterface("ibp3s0")
        .setBDeviceId("8803")
        .setBDeviceName("leaf-su1-rail3")
        .setBInterface("swp14s1")
        .setStatus("planned")
        .setLabel("SU1-R14-N2-RAIL3")
        .setUrl(NETBOX + "cables/530117/")
        .build();
  }

  /** 415 V x 60 A three-phase at 80 %: 34.5 kW usable. */
  static IntentPowerFeed powerFeed() {
    return IntentPowerFeed.newBuilder()
        .setId("7702")
        .setName("R14-A")
        .setSiteId("3")
        .setPanelName("PP-02")
        .setRackId("1414")
        .setSide("A")
        .setSupply("ac")
        .setPhase("three-phase")
        .setVoltage(415.0)
        .setAmperage(60.0)
        .setMaxUtilizationPercent(80.0)
        .setAllocatedDrawWatts(48_000.0)
        .setStatus("active")
        .setUrl(NETBOX + "power-feeds/7702/")
        .build();
  }

  /** One of a server's GPU modules, as NetBox 4.3+ lists it with its module type's profile. */
  static IntentModule module() {
    return IntentModule.newBuilder()
        .setId("5101")
        .setDeviceId("1402")
        .setModuleBayName("GPU1")
        .setModuleTypeId("310")
        .setManufacturer("NVIDIA")
        .setModel("H100 SXM5 80GB")
        .setPartNumber("699-2G520-0200-000")
        .setProfile("GPU")
        .setSerial("1654922000301")
        .setAssetTag(null)
        .setStatus("active")
        .setUrl(NETBOX + "modules/5101/")
        .build();
  }

  static PurchaseOrderLine purchaseOrderLine() {
    return PurchaseOrderLine.newBuilder()
        .setPoNumber("4500123")
        .setLine(3)
        .setVendor("Example Systems Integrator GmbH")
        .setManufacturer("NVIDIA")
        .setPartNumber("DGXB-G1440+P2CMI36")
        .setQuantity(32)
        .setExpectedDate(Instant.parse("2025-05-28T00:00:00Z"))
        .setShipToSiteId("3")
        .setStatus("open")
        .build();
  }

  static Receipt receipt() {
    return Receipt.newBuilder()
        .setReceiptId("RCV-2025-06-02-0042")
        .setPoNumber("4500123")
        .setPoLine(3)
        .setScannedPartNumber("DGXB-G1440+P2CMI36")
        .setSerialNumbers(List.of("1660124000121", "1660124000122", "1660124000123"))
        .setQuantity(3)
        .setReceivedAt(Instant.parse("2025-06-02T06:41:12.500Z"))
        .setSiteId("3")
        .setCondition(ReceiptCondition.DAMAGED)
        .build();
  }

  /** A DGX B200 as its BMC reports it: 8 GPUs, 8 compute NICs on rails 1-8, 2 DPUs. */
  static ObservedSystem observedSystem() {
    List<ObservedGpu> gpus =
        IntStream.rangeClosed(1, GPUS)
            .mapToObj(
                i ->
                    ObservedGpu.newBuilder()
                        .setId("GPU_SXM_" + i)
                        .setManufacturer("NVIDIA")
                        .setModel("NVIDIA B200")
                        .setSerialNumber("165452400" + (1000 + i))
                        .setPartNumber("692-2G525-0200-000")
                        .build())
            .toList();
    List<ObservedNic> nics = new ArrayList<>();
    for (int rail = 1; rail <= 8; rail++) {
      nics.add(
          ObservedNic.newBuilder()
              .setAdapterId("NIC_OSFP_" + ((rail + 1) / 2))
              .setPortId("Port" + (2 - rail % 2))
              .setManufacturer("Mellanox Technologies")
              .setModel("ConnectX-7")
              .setMacAddress(String.format("b8:3f:d2:4e:10:%02x", rail))
              .setLinkStatus("LinkUp")
              .setLldpNeighbor(
                  LldpNeighbor.newBuilder()
                      .setChassisId(String.format("9c:05:91:ab:00:%02x", rail))
                      .setSystemName("leaf-su1-rail" + rail)
                      .setPortId("swp14s1")
                      .build())
              .build());
    }
    for (int dpu = 1; dpu <= 2; dpu++) {
      nics.add(
          ObservedNic.newBuilder()
              .setAdapterId("DPU_" + dpu)
              .setPortId("Port1")
              .setManufacturer("NVIDIA")
              .setModel("BlueField-3")
              .setMacAddress(String.format("a0:88:c2:5f:7e:%02x", dpu))
              .setLinkStatus(dpu == 1 ? "LinkUp" : "LinkDown")
              // A port with its link down has no LLDP neighbour: that stays null, not "absent".
              .setLldpNeighbor(null)
              .build());
    }
    return ObservedSystem.newBuilder()
        .setBmcId("7c:c2:55:1a:2b:3c")
        .setBmcAddress("10.32.14.12")
        .setBmcMac("7C:C2:55:1A:2B:3C")
        .setObservedAt(NOW)
        .setSerialNumber("1660124000123   ")
        .setManufacturer("NVIDIA")
        .setModel("DGXB200")
        .setPartNumber("DGXB-G1440+P2CMI36")
        .setSku("DGXB-G1440+P2CMI36")
        .setAssetTag("DC2-004711")
        .setHostName("dgx-dc2-r14-n2")
        .setPowerState("On")
        .setLocation(
            ObservedLocation.newBuilder().setSite("DC2").setRack("R14").setPosition(11.0).build())
        .setGpus(gpus)
        .setNics(nics)
        .setFirmware(firmware())
        .setPowerWatts(11_850.5)
        .setReadErrors(List.of("/redfish/v1/Chassis/BMC_0/EnvironmentMetrics: HTTP 404"))
        .build();
  }

  /** Three phases of feed R14-A at about 21 kW. */
  static PowerReading powerReading() {
    List<PhaseReading> phases =
        List.of(
            phase("L1", 29.4, 239.6, 7_030.0),
            phase("L2", 30.1, 240.2, 7_215.0),
            phase("L3", 28.7, 239.9, 6_880.0));
    return PowerReading.newBuilder()
        .setFeedId("7702")
        .setSourceId("pdu-r14-a")
        .setMeasuredAt(NOW)
        .setTotalPowerWatts(21_125.0)
        .setEnergyKwh(183_422.75)
        .setPhases(phases)
        .build();
  }

  static EnvironmentReading environmentReading() {
    return EnvironmentReading.newBuilder()
        .setSensorId("r14-inlet-top")
        .setRackId("1414")
        .setCduId(null)
        .setMeasuredAt(NOW)
        .setKind(EnvironmentKind.INLET_TEMPERATURE)
        .setValue(28.5)
        .setUnit("Cel")
        .build();
  }

  /** Rails 2 and 3 of a node swapped: the port sees leaf 3 where leaf 2 was planned. */
  static Discrepancy discrepancy() {
    return Discrepancy.newBuilder()
        .setId("MISCABLED:interface:90211/ibp2s0")
        .setType(DiscrepancyType.MISCABLED)
        .setDomain(DiscrepancyDomain.CABLING)
        .setSeverity(Severity.WARNING)
        .setState(DiscrepancyState.UPDATED)
        .setSubject(
            Subject.newBuilder()
                .setKind(SubjectKind.INTERFACE)
                .setId("90211/ibp2s0")
                .setName("dgx-dc2-r14-n2 ibp2s0")
                .setNetboxId("1203344")
                .setUrl(NETBOX + "interfaces/1203344/")
                .setSiteId("3")
                .setRackId("1414")
                .build())
        .setExpected("leaf-su1-rail2 swp14s1")
        .setObserved("leaf-su1-rail3 swp14s1")
        .setDetail("LLDP from the node's BMC; rails 2 and 3 look swapped")
        .setFirstSeen(Instant.parse("2025-06-03T07:58:02.004Z"))
        .setLastSeen(NOW)
        .setChangedAt(NOW)
        .setRevision(2)
        .build();
  }

  static Alert alert() {
    return Alert.newBuilder()
        .setId("FEED_OVER_BUDGET:power_feed:7702")
        .setDiscrepancyType(DiscrepancyType.FEED_OVER_BUDGET)
        .setSeverity(Severity.CRITICAL)
        .setState(AlertState.FIRING)
        .setSubject(
            Subject.newBuilder()
                .setKind(SubjectKind.POWER_FEED)
                .setId("7702")
                .setName("R02-B")
                .setNetboxId("7702")
                .setUrl(NETBOX + "power-feeds/7702/")
                .setSiteId("3")
                .build())
        .setWindowStart(Instant.parse("2025-06-03T08:05:00Z"))
        .setWindowEnd(Instant.parse("2025-06-03T08:15:00Z"))
        .setMeasured(31_740.0)
        .setBudget(34_500.0)
        .setUnit("W")
        .setChangedAt(NOW)
        .build();
  }

  static Acknowledgement acknowledgement() {
    return Acknowledgement.newBuilder()
        .setDiscrepancyId("MISCABLED:INTERFACE:88123")
        .setBy("dc2-buildout@example.com")
        .setReason("CHG-20931: rails 2 and 3 swapped on r14, technician booked for Tuesday")
        .setUntil(NOW.plusSeconds(3 * 24 * 3600))
        .setAcknowledgedAt(NOW)
        .build();
  }

  static ReconciledDevice reconciledDevice() {
    return ReconciledDevice.newBuilder()
        .setDeviceId("90211")
        .setName("dgx-dc2-r14-n2")
        .setSiteId("3")
        .setRackId("1414")
        .setPosition(11.0)
        .setDeviceTypeId("57")
        .setExpectedModel("DGX B200")
        .setExpectedPartNumber("DGXB-G1440+P2CMI36")
        .setPoNumber("4500123")
        .setPoLine(3)
        .setReceiptId("RCV-2025-06-02-0042")
        .setSerial("1660124000123")
        .setBmcId("7c:c2:55:1a:2b:3c")
        .setObservedModel("DGXB200")
        .setObservedPartNumber("DGXB-G1440+P2CMI36")
        .setObservedGpuCount(7)
        .setObservedFirmware(firmware())
        .setPowerWatts(11_850.5)
        .setStage(LifecycleStage.INSTALLED)
        .setOpenDiscrepancies(2)
        .setUpdatedAt(NOW)
        .build();
  }

  private static PhaseReading phase(String name, double amps, double volts, double watts) {
    return PhaseReading.newBuilder()
        .setPhase(name)
        .setCurrentAmps(amps)
        .setVoltageVolts(volts)
        .setPowerWatts(watts)
        .build();
  }

  private static Map<String, String> firmware() {
    Map<String, String> firmware = new TreeMap<>();
    firmware.put("BMC", "25.04.3");
    firmware.put("BIOS", "1.4.2");
    firmware.put("HGX_FW_GPU_SXM", "97.00.82.00.0F");
    firmware.put("ConnectX-7", "28.43.1014");
    firmware.put("BlueField-3", "32.43.1014");
    return firmware;
  }
}
