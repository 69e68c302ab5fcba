package io.plumbline.topology.design;

import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.IntentSubjects;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.List;
import java.util.Set;

/**
 * RACK_PLANNED_POWER_OVER_BUDGET and RACK_PLANNED_HEAT_OVER_COOLING: the rack's planned load
 * exceeds its power budget, or its cooling capacity (every watt drawn is a watt of heat). Each is
 * undecided while its budget is not set (empty or zero), and while devices without a known draw
 * leave the load below the budget (they could still push it over).
 */
final class RackBudgetCheck {

  private final DesignPolicy policy;

  RackBudgetCheck(DesignPolicy policy) {
    this.policy = policy;
  }

  Evaluation power(IntentRack rack, PlannedLoad load) {
    return check(
        DiscrepancyType.RACK_PLANNED_POWER_OVER_BUDGET,
        rack,
        load,
        rack.getPowerBudgetWatts(),
        "power budget",
        "planned ");
  }

  Evaluation heat(IntentRack rack, PlannedLoad load) {
    return check(
        DiscrepancyType.RACK_PLANNED_HEAT_OVER_COOLING,
        rack,
        load,
        rack.getCoolingCapacityWatts(),
        "cooling capacity",
        "planned heat ");
  }

  private Evaluation check(
      DiscrepancyType type,
      IntentRack rack,
      PlannedLoad load,
      Double budget,
      String budgetName,
      String observedPrefix) {
    if (budget == null || !(budget > 0)) {
      // NetBox leaves an unset custom field empty or zero: no budget, nothing to check against.
      return Evaluation.undecided();
    }
    if (load.knownWatts() <= budget) {
      return load.complete() ? new Evaluation(Set.of(type), List.of()) : Evaluation.undecided();
    }
    double percent = load.knownWatts() * 100.0 / budget;
    Severity severity =
        percent > policy.rackCriticalPercent() ? Severity.CRITICAL : Severity.WARNING;
    Finding finding =
        new Finding(
            type,
            DiscrepancyDomain.DESIGN,
            severity,
            IntentSubjects.rack(rack),
            "<= " + Watts.of(budget) + " " + budgetName,
            observedPrefix
                + load.amount()
                + " ("
                + Watts.percent(load.knownWatts(), budget)
                + ") "
                + load.source(),
            "rack "
                + rack.getName()
                + " is planned "
                + Watts.of(load.knownWatts() - budget)
                + " over its "
                + budgetName);
    return new Evaluation(Set.of(type), List.of(finding));
  }
}
