package io.plumbline.simulator;

import io.plumbline.avro.v1.IntentDeviceType;
import java.util.List;
import java.util.Map;

/** The hardware a simulated site is built from: NetBox device types and their SKUs. */
public final class Catalogue {

  public static final String NODE_TYPE = "1";
  public static final String SN5600_TYPE = "2";
  public static final String SN4600_TYPE = "3";
  public static final String SN2201_TYPE = "4";
  public static final String PDU_TYPE = "5";
  public static final String CDU_TYPE = "6";

  public static final String NODE_MODEL = "DGX B200";
  public static final String NODE_PART = "965-24387-0002-000";
  public static final String GPU_MODEL = "NVIDIA B200";
  public static final String NIC_MODEL = "ConnectX-7";
  public static final String DPU_MODEL = "BlueField-3";
  public static final String SN5600_PART = "MSN5600-VS2FC";
  public static final String SN4600_PART = "MSN4600-VS2FC";
  public static final String SN2201_PART = "MSN2201-CB2FC";
  public static final String PDU_PART = "PX4-5493V-V2";
  public static final String CDU_PART = "CHX1000";

  /** Node-side OSFP transceivers, ordered per SU, no demand in the design. */
  public static final String OPTIC_PART = "MMA4Z00-NS";

  /** Fibre cables, ordered per SU, delivered in two shipments. */
  public static final String FIBRE_PART = "MFP7E10-N010";

  /** The wrong box of the WRONG_SKU fault. */
  public static final String WRONG_NODE_MODEL = "DGX H100";

  public static final String WRONG_NODE_PART = "965-24366-0002-000";
  public static final String WRONG_GPU_MODEL = "NVIDIA H100 80GB HBM3";

  public static final Map<String, String> NODE_FIRMWARE =
      Map.of("BMC", "24.09.17", "BIOS", "1.5.0", "GPU", "97.00.9B.00.01", "CX7", "28.42.1000");

  private Catalogue() {}

  /** The device types of a site; the node's allocated draw depends on its feeds. */
  public static List<IntentDeviceType> deviceTypes(SiteLayout layout) {
    return List.of(
        IntentDeviceType.newBuilder()
            .setId(NODE_TYPE)
            .setManufacturer("NVIDIA")
            .setModel(NODE_MODEL)
            .setPartNumber(NODE_PART)
            .setUHeight(10)
            .setExpectedGpuCount(SiteLayout.GPUS_PER_NODE)
            .setExpectedGpuModel(GPU_MODEL)
            .setExpectedNicCount(SiteLayout.RAILS)
            .setExpectedNicModel(NIC_MODEL)
            .setMaximumDrawWatts(SiteLayout.NODE_MAXIMUM_WATTS)
            .setAllocatedDrawWatts(layout.nodeAllocatedWatts())
            .setFirmwareBaseline(NODE_FIRMWARE)
            .setUrl(url("device-types", NODE_TYPE))
            .build(),
        simpleType(SN5600_TYPE, "NVIDIA", "SN5600", SN5600_PART, 2, 1_500),
        simpleType(SN4600_TYPE, "NVIDIA", "SN4600", SN4600_PART, 2, 800),
        simpleType(SN2201_TYPE, "NVIDIA", "SN2201", SN2201_PART, 1, 200),
        // Zero-U PDUs and in-row CDUs draw nothing from the rack budget.
        simpleType(PDU_TYPE, "Raritan", "PX4", PDU_PART, 0, 0),
        simpleType(CDU_TYPE, "CoolIT", "CHx1000", CDU_PART, 0, 0));
  }

  private static IntentDeviceType simpleType(
      String id, String manufacturer, String model, String part, double uHeight, double watts) {
    return IntentDeviceType.newBuilder()
        .setId(id)
        .setManufacturer(manufacturer)
        .setModel(model)
        .setPartNumber(part)
        .setUHeight(uHeight)
        .setExpectedGpuCount(0)
        .setExpectedNicCount(0)
        .setMaximumDrawWatts(watts)
        .setAllocatedDrawWatts(watts)
        .setFirmwareBaseline(Map.of())
        .setUrl(url("device-types", id))
        .build();
  }

  static String url(String kind, String id) {
    return "https://netbox.example.com/dcim/" + kind + "/" + id + "/";
  }
}
