package io.plumbline.simulator;

import io.plumbline.avro.v1.LldpNeighbor;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a node's BMC reports over Redfish, as the crawler builds it: identity (serial padded with
 * blanks, as real BMCs do), location, GPUs, NIC ports with LLDP neighbours, firmware, power; with
 * the node's fault applied when it has one.
 */
final class Observations {

  private final SiteLayout layout;

  Observations(SiteLayout layout) {
    this.layout = layout;
  }

  static String mismatchedSerial(SiteLayout layout, int node) {
    return layout.nodeSerial(node) + "R";
  }

  /** The node as its BMC reports it; {@code fault} null for a healthy node. */
  ObservedSystem node(int node, Fault fault, Instant at) {
    FaultKind kind = fault == null ? null : fault.kind();
    String mac = layout.nodeBmcMac(node);
    String serial =
        kind == FaultKind.SERIAL_MISMATCH
            ? mismatchedSerial(layout, node)
            : layout.nodeSerial(node);
    Map<String, String> firmware = new HashMap<>(Catalogue.NODE_FIRMWARE);
    if (kind == FaultKind.FIRMWARE_MISMATCH) {
      firmware.put("BIOS", "1.4.2");
    }
    boolean wrongBox = kind == FaultKind.WRONG_SKU;
    int gpus = kind == FaultKind.COMPONENT_MISMATCH ? SiteLayout.GPUS_PER_NODE - 1 : 8;
    double position = kind == FaultKind.LOCATION_MISMATCH ? 44.0 : layout.nodePosition(node);
    return ObservedSystem.newBuilder()
        .setBmcId(mac)
        .setBmcMac(mac)
        .setBmcAddress(layout.nodeBmcAddress(node))
        .setObservedAt(at)
        .setSerialNumber(serial + "   ")
        .setManufacturer("NVIDIA")
        .setModel(wrongBox ? Catalogue.WRONG_NODE_MODEL : Catalogue.NODE_MODEL)
        .setPartNumber(wrongBox ? Catalogue.WRONG_NODE_PART : Catalogue.NODE_PART)
        .setHostName(layout.nodeName(node))
        .setPowerState("On")
        .setLocation(
            ObservedLocation.newBuilder()
                .setSite(SiteLayout.SITE_NAME)
                .setRack(layout.rackName(layout.rackOfNode(node)))
                .setPosition(position)
                .build())
        .setGpus(gpus(node, gpus, wrongBox ? Catalogue.WRONG_GPU_MODEL : Catalogue.GPU_MODEL))
        .setNics(nics(node, kind))
        .setFirmware(firmware)
        .setPowerWatts(Math.round(layout.nodeSteadyWatts()) * 1.0)
        .build();
  }

  /** A chassis nobody planned: unknown BMC, unknown serial, no location. */
  ObservedSystem stray(Fault fault, Instant at) {
    String mac = FaultSubjects.strayBmcMac(fault);
    return ObservedSystem.newBuilder()
        .setBmcId(mac)
        .setBmcMac(mac)
        .setObservedAt(at)
        .setSerialNumber(String.format(Locale.ROOT, "STRAY%05d", fault.target()))
        .setManufacturer("NVIDIA")
        .setModel(Catalogue.NODE_MODEL)
        .setPartNumber(Catalogue.NODE_PART)
        .setHostName("stray-" + fault.target())
        .setPowerState("On")
        .setGpus(gpus(900_000 + fault.target(), 8, Catalogue.GPU_MODEL))
        .setFirmware(Catalogue.NODE_FIRMWARE)
        .build();
  }

  private static List<ObservedGpu> gpus(int node, int count, String model) {
    List<ObservedGpu> gpus = new ArrayList<>(count);
    for (int i = 1; i <= count; i++) {
      gpus.add(
          ObservedGpu.newBuilder()
              .setId("GPU_SXM_" + i)
              .setManufacturer("NVIDIA")
              .setModel(model)
              .setSerialNumber(String.format(Locale.ROOT, "1654%07d%d", node + 1, i))
              .build());
    }
    return gpus;
  }

  private List<ObservedNic> nics(int node, FaultKind kind) {
    int su = layout.scalableUnitOfNode(node);
    String port = SiteLayout.switchPort(layout.nodeInScalableUnit(node) + 1);
    List<ObservedNic> nics = new ArrayList<>();
    int swapped = FaultSubjects.swappedRail(node);
    int missing = FaultSubjects.missingRail(node);
    for (int rail = 0; rail < SiteLayout.RAILS; rail++) {
      int leaf = rail;
      if (kind == FaultKind.MISCABLED && rail == swapped) {
        leaf = rail + 1;
      } else if (kind == FaultKind.MISCABLED && rail == swapped + 1) {
        leaf = rail - 1;
      }
      boolean down = kind == FaultKind.LINK_MISSING && rail == missing;
      nics.add(
          nic(
              node,
              "NIC_RAIL" + (rail + 1),
              SiteLayout.railPort(rail),
              Catalogue.NIC_MODEL,
              down ? null : layout.switchName(su, leaf),
              port));
    }
    nics.add(
        nic(
            node,
            "DPU_1",
            "stor1",
            Catalogue.DPU_MODEL,
            layout.switchName(su, SiteLayout.storageLeafIndex(0)),
            port));
    nics.add(
        nic(
            node,
            "DPU_2",
            "stor2",
            Catalogue.DPU_MODEL,
            layout.switchName(su, SiteLayout.storageLeafIndex(1)),
            port));
    nics.add(
        nic(
            node,
            "DPU_1",
            "inband1",
            Catalogue.DPU_MODEL,
            layout.switchName(su, SiteLayout.inbandLeafIndex()),
            port));
    // The spare DPU port has no cable; UNEXPECTED_LINK plugs it into the in-band leaf.
    boolean plugged = kind == FaultKind.UNEXPECTED_LINK;
    nics.add(
        nic(
            node,
            "DPU_2",
            FaultSubjects.SPARE_PORT,
            Catalogue.DPU_MODEL,
            plugged ? layout.switchName(su, SiteLayout.inbandLeafIndex()) : null,
            SiteLayout.switchPort(
                spec().nodesPerScalableUnit() + layout.nodeInScalableUnit(node) + 1)));
    return nics;
  }

  private SiteSpec spec() {
    return layout.spec();
  }

  private ObservedNic nic(
      int node, String adapter, String port, String model, String peer, String peerPort) {
    ObservedNic.Builder nic =
        ObservedNic.newBuilder()
            .setAdapterId(adapter)
            .setPortId(port)
            .setManufacturer("NVIDIA")
            .setModel(model)
            .setMacAddress(portMac(node, port))
            .setLinkStatus(peer == null ? "Down" : "Up");
    if (peer != null) {
      nic.setLldpNeighbor(
          LldpNeighbor.newBuilder().setSystemName(peer).setPortId(peerPort).build());
    }
    return nic.build();
  }

  private static String portMac(int node, String port) {
    int n = node + 1;
    return String.format(
        Locale.ROOT,
        "b8:3f:d2:%02x:%02x:%02x",
        (n >> 8) & 0xff,
        n & 0xff,
        Math.floorMod(port.hashCode(), 256));
  }
}
