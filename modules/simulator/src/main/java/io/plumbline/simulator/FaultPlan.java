package io.plumbline.simulator;

import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Where the faults of a site go, chosen from the spec's seed: for each kind, {@code faultRate} of
 * its candidate targets (at least one when the rate is positive), never two faults on one target
 * slot (nor two that heat one rack), so that their effects do not mix. A kind whose targets are all
 * taken is placed fewer times (see {@link #unplaced()}). About half of the fixable faults are
 * fixed.
 */
public final class FaultPlan {

  private final List<Fault> faults = new ArrayList<>();
  private final Map<Integer, Fault> byNode = new HashMap<>();
  private final Map<Integer, Fault> byRackDesign = new HashMap<>();
  private final Map<Integer, Fault> byRackPower = new HashMap<>();
  private final Map<Integer, Fault> byRackSensor = new HashMap<>();
  private final Map<Integer, Fault> byRackHeat = new HashMap<>();
  private final Map<Integer, Fault> byCdu = new HashMap<>();
  private final Map<Integer, Fault> bySu = new HashMap<>();
  private final Map<FaultKind, List<Fault>> free = new EnumMap<>(FaultKind.class);
  private final Map<FaultKind, Integer> unplaced = new EnumMap<>(FaultKind.class);

  private FaultPlan() {}

  /** The faults for a site; none when its fault rate is 0. */
  public static FaultPlan of(SiteLayout layout) {
    FaultPlan plan = new FaultPlan();
    double rate = layout.spec().faultRate();
    if (rate == 0) {
      return plan;
    }
    Random random = new Random(layout.spec().seed());
    int freeNumber = 1;
    for (FaultKind kind : placementOrder()) {
      int candidates = candidates(layout, kind.target());
      int wanted = Math.max(1, (int) Math.round(rate * candidates));
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < candidates; i++) {
        order.add(i);
      }
      Collections.shuffle(order, random);
      int placed = 0;
      for (int target : order) {
        if (placed == wanted) {
          break;
        }
        boolean fixed = kind.fixable() && random.nextBoolean();
        if (kind.target() == FaultKind.Target.FREE) {
          Fault fault = new Fault(kind, freeNumber++, fixed);
          plan.free.computeIfAbsent(kind, k -> new ArrayList<>()).add(fault);
          plan.faults.add(fault);
          placed++;
        } else if (plan.claim(new Fault(kind, target, fixed))) {
          placed++;
        }
      }
      if (placed < wanted) {
        plan.unplaced.put(kind, wanted - placed);
      }
    }
    return plan;
  }

  /**
   * The kinds in the order they are placed: enum order, except that rack-power faults that leave
   * the rack's heat alone come last. The kinds that heat a rack need a rack free of both power and
   * heat faults; placed first, they always find one, and the others then need only a free rack.
   */
  private static List<FaultKind> placementOrder() {
    List<FaultKind> order = new ArrayList<>();
    List<FaultKind> last = new ArrayList<>();
    for (FaultKind kind : FaultKind.values()) {
      boolean powerOnly = kind.target() == FaultKind.Target.RACK_POWER && !kind.heatsRack();
      (powerOnly ? last : order).add(kind);
    }
    order.addAll(last);
    return order;
  }

  private static int candidates(SiteLayout layout, FaultKind.Target target) {
    return switch (target) {
      case NODE -> layout.nodes();
      case RACK_DESIGN, RACK_POWER, RACK_DESIGN_AND_POWER, RACK_SENSOR -> layout.racks();
      case CDU -> layout.cdus();
      case SCALABLE_UNIT, FREE -> layout.spec().scalableUnits();
    };
  }

  private boolean claim(Fault fault) {
    int t = fault.target();
    Set<Map<Integer, Fault>> slots = new HashSet<>();
    switch (fault.kind().target()) {
      case NODE -> slots.add(byNode);
      case RACK_DESIGN -> slots.add(byRackDesign);
      case RACK_POWER -> slots.add(byRackPower);
      case RACK_DESIGN_AND_POWER -> {
        slots.add(byRackDesign);
        slots.add(byRackPower);
      }
      case RACK_SENSOR -> slots.add(byRackSensor);
      case CDU -> slots.add(byCdu);
      case SCALABLE_UNIT -> slots.add(bySu);
      case FREE -> throw new IllegalStateException("free faults claim nothing");
    }
    if (fault.kind().heatsRack()) {
      // A rack's heat against its cooling is one more slot: two faults there would both count it.
      slots.add(byRackHeat);
    }
    for (Map<Integer, Fault> slot : slots) {
      if (slot.containsKey(t)) {
        return false;
      }
    }
    for (Map<Integer, Fault> slot : slots) {
      slot.put(t, fault);
    }
    faults.add(fault);
    return true;
  }

  /** Every fault, in placement order. */
  public List<Fault> faults() {
    return Collections.unmodifiableList(faults);
  }

  /** Kinds that could not be placed as often as the rate asked, and how many were left out. */
  public Map<FaultKind, Integer> unplaced() {
    return Collections.unmodifiableMap(unplaced);
  }

  Fault onNode(int node) {
    return byNode.get(node);
  }

  Fault onRackDesign(int rack) {
    return byRackDesign.get(rack);
  }

  Fault onRackPower(int rack) {
    return byRackPower.get(rack);
  }

  Fault onRackSensor(int rack) {
    return byRackSensor.get(rack);
  }

  Fault onCdu(int cdu) {
    return byCdu.get(cdu);
  }

  Fault onScalableUnit(int su) {
    return bySu.get(su);
  }

  List<Fault> free(FaultKind kind) {
    return free.getOrDefault(kind, List.of());
  }

  /** Whether a fault's effect is present at telemetry minute {@code m} (or after the design). */
  static boolean activeAt(Fault fault, int telemetryMinute) {
    return telemetryMinute >= Scenario.FAULT_MINUTE
        && !(fault.fixed() && telemetryMinute >= Scenario.FIX_MINUTE);
  }
}
