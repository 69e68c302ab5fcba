package io.plumbline.simulator;

import io.plumbline.avro.v1.DiscrepancyType;
import java.util.List;

/**
 * The faults the simulator can inject, each with what it targets and the discrepancy types a
 * correct reconciler opens for it. Some faults rightly cause more than one type (a DGX H100 in a
 * B200 slot also shows the wrong GPUs; a phase overloaded on its own is also an imbalance); {@link
 * GroundTruth} lists every one.
 */
public enum FaultKind {
  // installation (Redfish vs intent), one node each
  WRONG_SKU(Target.NODE, DiscrepancyType.WRONG_SKU, DiscrepancyType.COMPONENT_MISMATCH),
  COMPONENT_MISMATCH(Target.NODE, DiscrepancyType.COMPONENT_MISMATCH),
  FIRMWARE_MISMATCH(Target.NODE, DiscrepancyType.FIRMWARE_MISMATCH),
  SERIAL_MISMATCH(Target.NODE, DiscrepancyType.SERIAL_MISMATCH),
  LOCATION_MISMATCH(Target.NODE, DiscrepancyType.LOCATION_MISMATCH),
  DEVICE_NOT_SEEN(Target.NODE, DiscrepancyType.DEVICE_NOT_SEEN),
  UNEXPECTED_DEVICE(Target.FREE, DiscrepancyType.UNEXPECTED_DEVICE),
  // cabling (LLDP vs cables), one node each
  MISCABLED(Target.NODE, DiscrepancyType.MISCABLED),
  LINK_MISSING(Target.NODE, DiscrepancyType.LINK_MISSING),
  UNEXPECTED_LINK(Target.NODE, DiscrepancyType.UNEXPECTED_LINK),
  // supply, each on its own PO line (UNDER_PROCURED: the SN5600 line of one SU)
  UNDER_PROCURED(Target.SCALABLE_UNIT, DiscrepancyType.UNDER_PROCURED),
  /** An open line past its date with less received (SHORT_SHIPMENT is for closed lines). */
  LATE_DELIVERY(Target.FREE, DiscrepancyType.LATE_DELIVERY),
  OVER_SHIPMENT(Target.FREE, DiscrepancyType.OVER_SHIPMENT),
  WRONG_PART_RECEIVED(Target.FREE, DiscrepancyType.WRONG_PART_RECEIVED),
  RECEIPT_FOR_UNKNOWN_PO_LINE(Target.FREE, DiscrepancyType.RECEIPT_FOR_UNKNOWN_PO_LINE),
  DUPLICATE_SERIAL(Target.FREE, DiscrepancyType.DUPLICATE_SERIAL),
  // design (intent alone)
  FEED_ALLOCATION_OVER_CAPACITY(Target.RACK_DESIGN, DiscrepancyType.FEED_ALLOCATION_OVER_CAPACITY),
  RACK_PLANNED_POWER_OVER_BUDGET(
      Target.RACK_DESIGN_AND_POWER, DiscrepancyType.RACK_PLANNED_POWER_OVER_BUDGET),
  /** Cooling under the plan, and under the measured heat too: the rack runs hot. */
  RACK_PLANNED_HEAT_OVER_COOLING(
      Target.RACK_DESIGN,
      DiscrepancyType.RACK_PLANNED_HEAT_OVER_COOLING,
      DiscrepancyType.RACK_HEAT_OVER_COOLING),
  /** Side B fed at two thirds of the rating: the design finding, and measured headroom too. */
  RACK_AB_REDUNDANCY_INSUFFICIENT(
      Target.RACK_DESIGN_AND_POWER,
      DiscrepancyType.RACK_AB_REDUNDANCY_INSUFFICIENT,
      DiscrepancyType.AB_HEADROOM_VIOLATED),
  // power and cooling telemetry
  /** Side B's breaker trips: side A carries the whole rack. */
  FEED_OVER_BUDGET(Target.RACK_POWER, DiscrepancyType.FEED_OVER_BUDGET),
  PHASE_OVERLOAD(
      Target.RACK_POWER, DiscrepancyType.PHASE_OVERLOAD, DiscrepancyType.PHASE_IMBALANCE),
  PHASE_IMBALANCE(Target.RACK_POWER, DiscrepancyType.PHASE_IMBALANCE),
  /**
   * Uncapped nodes: over the rack budget, and so beyond what one side could carry, and over the
   * cooling (rated at the budget).
   */
  RACK_OVER_BUDGET(
      Target.RACK_POWER,
      DiscrepancyType.RACK_OVER_BUDGET,
      DiscrepancyType.AB_HEADROOM_VIOLATED,
      DiscrepancyType.RACK_HEAT_OVER_COOLING),
  /** Beyond one side's usable power, and so above 90 % of the cooling (rated at the budget). */
  AB_HEADROOM_VIOLATED(
      Target.RACK_POWER,
      DiscrepancyType.AB_HEADROOM_VIOLATED,
      DiscrepancyType.RACK_HEAT_OVER_COOLING),
  LOAD_ON_UNUSED_FEED(Target.FREE, DiscrepancyType.LOAD_ON_UNUSED_FEED),
  INLET_OVER_TEMPERATURE(Target.RACK_SENSOR, DiscrepancyType.INLET_OVER_TEMPERATURE),
  TELEMETRY_SILENT(Target.RACK_SENSOR, DiscrepancyType.TELEMETRY_SILENT),
  COOLANT_OUT_OF_RANGE(Target.CDU, DiscrepancyType.COOLANT_OUT_OF_RANGE),
  // Added later; kept last so that a seed places the earlier kinds as it did before.
  /** The ERP closes a line short: the vendor is done with 60 of 100. */
  SHORT_SHIPMENT(Target.FREE, DiscrepancyType.SHORT_SHIPMENT),
  /** A hot job: within the budget and one side's usable power, above 90 % of the cooling. */
  RACK_HEAT_OVER_COOLING(Target.RACK_POWER, DiscrepancyType.RACK_HEAT_OVER_COOLING),
  /** A node whose serial the dock never scanned: it bypassed receiving. */
  SERIAL_NOT_RECEIVED(Target.NODE, DiscrepancyType.SERIAL_NOT_RECEIVED);

  /** What a fault is placed on; one fault per target and slot. */
  public enum Target {
    NODE,
    RACK_DESIGN,
    RACK_POWER,
    RACK_DESIGN_AND_POWER,
    RACK_SENSOR,
    CDU,
    SCALABLE_UNIT,
    /** Brings its own subject (an extra PO line, receipt, feed or BMC). */
    FREE
  }

  private final Target target;
  private final List<DiscrepancyType> causes;

  FaultKind(Target target, DiscrepancyType... causes) {
    this.target = target;
    this.causes = List.of(causes);
  }

  public Target target() {
    return target;
  }

  /** The discrepancy types a correct reconciler opens for this fault. */
  public List<DiscrepancyType> causes() {
    return causes;
  }

  /**
   * Whether the fault brings a rack's measured heat near its cooling; two such faults never share a
   * rack, even when their targets differ (a design and a power fault).
   */
  public boolean heatsRack() {
    return causes.contains(DiscrepancyType.RACK_HEAT_OVER_COOLING);
  }

  /** Whether a fix exists in the scenario (an unknown BMC stays unknown). */
  public boolean fixable() {
    return this != UNEXPECTED_DEVICE;
  }
}
