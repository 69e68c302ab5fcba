package io.plumbline.topology.lifecycle;

import io.plumbline.avro.v1.DiscrepancyType;
import java.util.List;
import java.util.Set;

/**
 * The verdict of the checks on one subject: which discrepancy types could be decided with the
 * evidence at hand, and which of them hold. A type that could not be decided (for example the BMC
 * did not report a model) is left out of {@code decided}, so its open findings stay open: missing
 * evidence never resolves anything.
 */
public record Evaluation(Set<DiscrepancyType> decided, List<Finding> findings) {

  public Evaluation {
    decided = Set.copyOf(decided);
    findings = List.copyOf(findings);
    for (Finding finding : findings) {
      if (!decided.contains(finding.type())) {
        throw new IllegalArgumentException(
            "finding of undecided type " + finding.type() + ": " + finding.id());
      }
    }
  }

  /** Nothing could be decided. */
  public static Evaluation undecided() {
    return new Evaluation(Set.of(), List.of());
  }
}
