package io.plumbline.topology.design;

import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Every rack-level design check on one rack: planned power over budget, planned heat over cooling,
 * and A/B redundancy. Each decides its own type or leaves it undecided.
 */
final class RackDesignCheck {

  private final RackBudgetCheck budgets;

  RackDesignCheck(DesignPolicy policy) {
    this.budgets = new RackBudgetCheck(policy);
  }

  /** The evaluation of the rack, or null when the rack left the design (resolving everything). */
  Evaluation evaluate(RackDesign design) {
    if (design == null || design.rack() == null) {
      return null;
    }
    PlannedLoad load = PlannedLoad.of(design.load());
    return merge(
        budgets.power(design.rack(), load),
        budgets.heat(design.rack(), load),
        RedundancyCheck.evaluate(design.rack(), load, design.feeds()));
  }

  private static Evaluation merge(Evaluation... parts) {
    Set<DiscrepancyType> decided = EnumSet.noneOf(DiscrepancyType.class);
    List<Finding> findings = new ArrayList<>();
    for (Evaluation part : parts) {
      decided.addAll(part.decided());
      findings.addAll(part.findings());
    }
    return new Evaluation(decided, findings);
  }
}
