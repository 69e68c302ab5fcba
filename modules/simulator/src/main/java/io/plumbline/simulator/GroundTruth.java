package io.plumbline.simulator;

import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.LifecycleStage;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The exact OPENED and RESOLVED transitions a correct reconciler emits for a simulated site (a
 * clean site: none), and the lifecycle stage each node ends in. UPDATED transitions are not part of
 * the truth: the reconciler emits one whenever the wording of a finding's expected or observed
 * value changes (for example while an under-procured SKU's demand is still being counted), which
 * depends on how records are batched, not on the site.
 */
public final class GroundTruth {

  private final List<ExpectedTransition> transitions;
  private final SiteLayout layout;
  private final FaultPlan plan;

  private GroundTruth(SiteLayout layout, FaultPlan plan, List<ExpectedTransition> transitions) {
    this.layout = layout;
    this.plan = plan;
    this.transitions = transitions;
  }

  static GroundTruth of(SiteLayout layout, FaultPlan plan) {
    List<ExpectedTransition> out = new ArrayList<>();
    for (Fault fault : plan.faults()) {
      for (DiscrepancyType type : fault.kind().causes()) {
        for (String subject : subjects(layout, fault, type)) {
          out.add(new ExpectedTransition(type, subject, DiscrepancyState.OPENED));
          if (fault.fixed()) {
            out.add(new ExpectedTransition(type, subject, DiscrepancyState.RESOLVED));
          }
        }
      }
    }
    return new GroundTruth(layout, plan, Collections.unmodifiableList(out));
  }

  /** Every expected transition; per subject, OPENED comes before RESOLVED. */
  public List<ExpectedTransition> transitions() {
    return transitions;
  }

  /** The types this truth contains. */
  public Set<DiscrepancyType> types() {
    Set<DiscrepancyType> types = EnumSet.noneOf(DiscrepancyType.class);
    transitions.forEach(t -> types.add(t.type()));
    return types;
  }

  private static final Set<FaultKind> INSTALLATION =
      EnumSet.of(
          FaultKind.WRONG_SKU,
          FaultKind.COMPONENT_MISMATCH,
          FaultKind.FIRMWARE_MISMATCH,
          FaultKind.SERIAL_MISMATCH,
          FaultKind.LOCATION_MISMATCH,
          FaultKind.SERIAL_NOT_RECEIVED);

  /**
   * The stage a node ends in: RECEIVED while never seen (every node's serial is on a receipt),
   * INSTALLED while an installation finding about it (SERIAL_NOT_RECEIVED included) is open, else
   * VERIFIED (cabling findings are about interfaces and do not hold a node back).
   */
  public LifecycleStage finalStage(int node) {
    Fault fault = plan.onNode(node);
    if (fault == null || fault.fixed()) {
      return LifecycleStage.VERIFIED;
    }
    if (fault.kind() == FaultKind.DEVICE_NOT_SEEN) {
      // Delivered (its serial is on its SU's node receipt) but never installed.
      return LifecycleStage.RECEIVED;
    }
    return INSTALLATION.contains(fault.kind()) ? LifecycleStage.INSTALLED : LifecycleStage.VERIFIED;
  }

  public SiteLayout layout() {
    return layout;
  }

  /**
   * The nodes whose stage in {@code stages} (device id to stage, as the reconciled inventory holds
   * them) is not their {@link #finalStage}, each with "expected X, was Y"; empty when all match.
   */
  public Map<String, String> stagesOff(Map<String, LifecycleStage> stages) {
    Map<String, String> wrong = new TreeMap<>();
    for (int node = 0; node < layout.nodes(); node++) {
      LifecycleStage stage = stages.get(layout.nodeId(node));
      if (stage != finalStage(node)) {
        wrong.put(layout.nodeId(node), "expected " + finalStage(node) + ", was " + stage);
      }
    }
    return wrong;
  }

  private static List<String> subjects(SiteLayout layout, Fault fault, DiscrepancyType type) {
    int t = fault.target();
    return switch (fault.kind()) {
      case WRONG_SKU,
          COMPONENT_MISMATCH,
          FIRMWARE_MISMATCH,
          SERIAL_MISMATCH,
          LOCATION_MISMATCH,
          DEVICE_NOT_SEEN,
          SERIAL_NOT_RECEIVED ->
          List.of(layout.nodeId(t));
      case UNEXPECTED_DEVICE -> List.of(FaultSubjects.strayBmcMac(fault));
      case MISCABLED -> {
        int rail = FaultSubjects.swappedRail(t);
        yield List.of(
            layout.nodeId(t) + ":" + SiteLayout.railPort(rail),
            layout.nodeId(t) + ":" + SiteLayout.railPort(rail + 1));
      }
      case LINK_MISSING ->
          List.of(layout.nodeId(t) + ":" + SiteLayout.railPort(FaultSubjects.missingRail(t)));
      case UNEXPECTED_LINK -> List.of(layout.nodeId(t) + ":" + FaultSubjects.SPARE_PORT);
      case UNDER_PROCURED ->
          List.of(FaultSubjects.siteSku(SiteLayout.SITE_ID, Catalogue.SN5600_PART));
      case LATE_DELIVERY, OVER_SHIPMENT, SHORT_SHIPMENT ->
          List.of(FaultSubjects.faultPurchaseOrder(fault) + "/1");
      case WRONG_PART_RECEIVED -> List.of(FaultSubjects.faultReceipt(fault, 2));
      case RECEIPT_FOR_UNKNOWN_PO_LINE -> List.of(FaultSubjects.faultReceipt(fault, 1));
      case DUPLICATE_SERIAL -> List.of(FaultSubjects.duplicatedSerial(fault));
      case FEED_ALLOCATION_OVER_CAPACITY, FEED_OVER_BUDGET, PHASE_OVERLOAD, PHASE_IMBALANCE ->
          List.of(layout.feedId(t, 0));
      case RACK_PLANNED_POWER_OVER_BUDGET,
          RACK_PLANNED_HEAT_OVER_COOLING,
          RACK_AB_REDUNDANCY_INSUFFICIENT,
          RACK_OVER_BUDGET,
          AB_HEADROOM_VIOLATED,
          RACK_HEAT_OVER_COOLING ->
          List.of(layout.rackId(t));
      case LOAD_ON_UNUSED_FEED -> List.of(FaultSubjects.spareFeedId(fault));
      case INLET_OVER_TEMPERATURE, TELEMETRY_SILENT -> List.of(layout.inletSensorId(t));
      case COOLANT_OUT_OF_RANGE -> List.of(layout.coolantSupplySensorId(t));
    };
  }
}
