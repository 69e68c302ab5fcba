package io.plumbline.serde;

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
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.avro.v1.SubjectKind;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Realistic records of the contract, for round trips. */
final class ModelRecords {

  static final Instant T0 = Instant.parse("2026-03-02T08:15:30.123Z");

  private ModelRecords() {}

  static IntentDevice intentDevice() {
    return IntentDevice.newBuilder()
        .setId("4711")
        .setName("dgx-r14-u10")
        .setDeviceTypeId("dgx-b200")
        .setSiteId("dc2")
        .setRackId("r14")
        .setPosition(10.0)
        .setRole("gpu-node")
        .setSerial("1234567890123")
        .setBmcMac("7c:c2:55:00:11:22")
        .setInstallDeadline(T0.plusSeconds(86_400))
        .build();
  }

  static ObservedSystem observedSystem() {
    List<ObservedGpu> gpus = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      gpus.add(
          ObservedGpu.newBuilder()
              .setId("GPU_SXM_" + (i + 1))
              .setManufacturer("NVIDIA")
              .setModel("B200")
              .setSerialNumber("165202400" + i)
              .build());
    }
    List<ObservedNic> nics = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      nics.add(
          ObservedNic.newBuilder()
              .setAdapterId("ConnectX-7-" + i)
              .setPortId("1")
              .setManufacturer("NVIDIA")
              .setModel("MT2910")
              .setMacAddress(String.format("b8:3f:d2:00:10:%02x", i))
              .setLinkStatus("LinkUp")
              .setLldpNeighbor(
                  LldpNeighbor.newBuilder()
                      .setChassisId("leaf-" + (i + 1))
                      .setSystemName("leaf-" + (i + 1) + ".su1")
                      .setPortId("swp" + 14)
                      .build())
              .build());
    }
    return ObservedSystem.newBuilder()
        .setBmcId("7c:c2:55:00:11:22")
        .setBmcAddress("10.20.14.10")
        .setBmcMac("7c:c2:55:00:11:22")
        .setObservedAt(T0)
        .setSerialNumber("1234567890123  ")
        .setManufacturer("NVIDIA")
        .setModel("DGXB200")
        .setLocation(ObservedLocation.newBuilder().setSite("dc2").setRack("r14").build())
        .setGpus(gpus)
        .setNics(nics)
        .setFirmware(Map.of("BMC", "24.09.17", "BIOS", "1.6.7", "CX7", "28.42.1000"))
        .setPowerWatts(11_250.5)
        .setReadErrors(List.of("/redfish/v1/Chassis/HGX_ERoT_BMC_0: 404"))
        .build();
  }

  static Discrepancy discrepancy() {
    return Discrepancy.newBuilder()
        .setId("MISCABLED:dgx-r14-u10/eth3")
        .setType(DiscrepancyType.MISCABLED)
        .setDomain(DiscrepancyDomain.CABLING)
        .setSeverity(Severity.CRITICAL)
        .setState(DiscrepancyState.OPENED)
        .setSubject(
            Subject.newBuilder()
                .setKind(SubjectKind.INTERFACE)
                .setId("dgx-r14-u10/eth3")
                .setNetboxId("88121")
                .build())
        .setExpected("leaf-3/swp14")
        .setObserved("leaf-4/swp14")
        .setFirstSeen(T0)
        .setLastSeen(T0)
        .setChangedAt(T0)
        .build();
  }
}
