package io.plumbline.topology.installation;

import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Builds and merges the evaluations of independent checks on one subject. */
final class Evaluations {

  private Evaluations() {}

  /** The union of what each check decided and found. */
  static Evaluation combine(Evaluation... evaluations) {
    Set<DiscrepancyType> decided = EnumSet.noneOf(DiscrepancyType.class);
    List<Finding> findings = new ArrayList<>();
    for (Evaluation evaluation : evaluations) {
      decided.addAll(evaluation.decided());
      findings.addAll(evaluation.findings());
    }
    return new Evaluation(decided, findings);
  }

  /** The type is decided and does not hold. */
  static Evaluation clean(DiscrepancyType type) {
    return new Evaluation(Set.of(type), List.of());
  }

  /** The type is decided and holds. */
  static Evaluation found(Finding finding) {
    return new Evaluation(Set.of(finding.type()), List.of(finding));
  }
}
