package io.plumbline.it.serde;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.LldpNeighbor;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Realistic records of the contract for the serde integration tests. */
final class ContractRecords {

  static final Instant T0 = Instant.parse("2026-03-02T08:15:30.123Z");

  private ContractRecords() {}

  static IntentDevice intentDevice(String id) {
    return IntentDevice.newBuilder()
        .setId(id)
        .setName("dgx-r14-u10")
        .setDeviceTypeId("dgx-b200")
        .setSiteId("dc2")
        .setRackId("r14")
        .setPosition(10.0)
        .setRole("gpu-node")
        .setSerial("1234567890123")
        .setBmcMac("7c:c2:55:00:11:22")
        .setInstallDeadline(T0.plusSeconds(86_400))
        .setUrl("https://netbox.example/dcim/devices/" + id + "/")
        .build();
  }

  /** A DGX B200 as its BMC reports it: 8 GPUs, 10 NICs with LLDP neighbours, firmware. */
  static ObservedSystem observedSystem(String bmcId) {
    List<ObservedGpu> gpus = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      gpus.add(
          ObservedGpu.newBuilder()
              .setId("GPU_SXM_" + (i + 1))
              .setManufacturer("NVIDIA")
              .setModel("NVIDIA B200")
              .setSerialNumber("16520240" + (1000 + i))
              .setPartNumber("692-2G525-0200-000")
              .build());
    }
    List<ObservedNic> nics = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      boolean dpu = i >= 8;
      nics.add(
          ObservedNic.newBuilder()
              .setAdapterId(dpu ? "BlueField-3-" + (i - 8) : "ConnectX-7-" + i)
              .setPortId("1")
              .setManufacturer("NVIDIA")
              .setModel(dpu ? "B3220" : "MT2910")
              .setMacAddress(String.format("b8:3f:d2:00:10:%02x", i))
              .setLinkStatus("LinkUp")
              .setLldpNeighbor(
                  LldpNeighbor.newBuilder()
                      .setChassisId(String.format("1c:34:da:00:%02x:00", i))
                      .setSystemName(dpu ? "storage-leaf-1" : "leaf-" + (i + 1) + ".su1")
                      .setPortId("swp" + (14 + i))
                      .build())
              .build());
    }
    Map<String, String> firmware = new LinkedHashMap<>();
    firmware.put("BMC", "24.09.17");
    firmware.put("BIOS", "1.6.7");
    firmware.put("CX7", "28.42.1000");
    firmware.put("HGX_FW_GPU", "97.00.82.00.1B");
    firmware.put("PSU", "02.0A");
    return ObservedSystem.newBuilder()
        .setBmcId(bmcId)
        .setBmcAddress("10.20.14.10")
        .setBmcMac("7c:c2:55:00:11:22")
        .setObservedAt(T0)
        .setSerialNumber("1234567890123  ")
        .setManufacturer("NVIDIA")
        .setModel("DGXB200")
        .setPartNumber("965-24387-0002-000")
        .setSku("DGXB200-CMB-2")
        .setHostName("dgx-r14-u10")
        .setPowerState("On")
        .setLocation(
            ObservedLocation.newBuilder().setSite("dc2").setRack("r14").setPosition(10.0).build())
        .setGpus(gpus)
        .setNics(nics)
        .setFirmware(firmware)
        .setPowerWatts(11_250.5)
        .setReadErrors(List.of("/redfish/v1/Chassis/HGX_ERoT_BMC_0: 404"))
        .build();
  }

  static Discrepancy discrepancy(String id) {
    return Discrepancy.newBuilder()
        .setId(id)
        .setType(DiscrepancyType.MISCABLED)
        .setDomain(DiscrepancyDomain.CABLING)
        .setSeverity(Severity.CRITICAL)
        .setState(DiscrepancyState.OPENED)
        .setSubject(
            Subject.newBuilder()
                .setKind(SubjectKind.INTERFACE)
                .setId("dgx-r14-u10/eth3")
                .setName("eth3")
                .setNetboxId("88121")
                .setRackId("r14")
                .build())
        .setExpected("leaf-3/swp14")
        .setObserved("leaf-4/swp14")
        .setFirstSeen(T0)
        .setLastSeen(T0.plusSeconds(60))
        .setChangedAt(T0)
        .setRevision(1)
        .build();
  }

  static PowerReading powerReading(String feedId) {
    return PowerReading.newBuilder()
        .setFeedId(feedId)
        .setSourceId("pdu-r02-b")
        .setMeasuredAt(T0)
        .setTotalPowerWatts(27_612.25)
        .setEnergyKwh(1_204_311.5)
        .setPhases(
            List.of(
                PhaseReading.newBuilder()
                    .setPhase("L1")
                    .setCurrentAmps(38.5)
                    .setVoltageVolts(239.6)
                    .setPowerWatts(9_224.6)
                    .build(),
                PhaseReading.newBuilder().setPhase("L2").setCurrentAmps(37.9).build(),
                PhaseReading.newBuilder()
                    .setPhase("L3")
                    .setCurrentAmps(39.2)
                    .setVoltageVolts(240.1)
                    .build()))
        .build();
  }
}
