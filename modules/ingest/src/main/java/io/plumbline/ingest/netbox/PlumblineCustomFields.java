package io.plumbline.ingest.netbox;

/**
 * The NetBox custom fields Plumbline reads for what NetBox has no field of its own (documented in
 * docs/netbox.md). Create them in NetBox (Customization, Custom Fields) on the object types named.
 */
public final class PlumblineCustomFields {

  /** Device type, integer: GPUs every device of the type must show. */
  public static final String EXPECTED_GPU_COUNT = "plumbline_expected_gpu_count";

  /** Device type, text: the GPU model, e.g. {@code NVIDIA B200}. */
  public static final String EXPECTED_GPU_MODEL = "plumbline_expected_gpu_model";

  /** Device type, integer: network adapters every device of the type must show. */
  public static final String EXPECTED_NIC_COUNT = "plumbline_expected_nic_count";

  /** Device type, text: the NIC model, e.g. {@code ConnectX-7}. */
  public static final String EXPECTED_NIC_MODEL = "plumbline_expected_nic_model";

  /**
   * Device type, JSON object ({@code {"BMC": "1.2.3"}}) or text ({@code BMC=1.2.3; BIOS=2.0}): the
   * firmware version per component.
   */
  public static final String FIRMWARE_BASELINE = "plumbline_firmware_baseline";

  /** Rack, decimal watts: the planned power budget. */
  public static final String POWER_BUDGET_W = "plumbline_power_budget_w";

  /** Rack, decimal watts: the heat its cooling can remove. */
  public static final String COOLING_CAPACITY_W = "plumbline_cooling_capacity_w";

  /** Device, date or date-time: when its BMC must have been seen. */
  public static final String INSTALL_DEADLINE = "plumbline_install_deadline";

  /** Device, text: the BMC MAC when no management interface in NetBox carries it. */
  public static final String BMC_MAC = "plumbline_bmc_mac";

  /** Power feed, text {@code A} or {@code B}: the side, overriding primary = A, redundant = B. */
  public static final String FEED_SIDE = "plumbline_side";

  private PlumblineCustomFields() {}
}
