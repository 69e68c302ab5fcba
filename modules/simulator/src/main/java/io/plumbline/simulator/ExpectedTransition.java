package io.plumbline.simulator;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import io.plumbline.avro.v1.DiscrepancyType;

/**
 * One discrepancy transition a correct reconciler emits: its type, the id of its subject (as in
 * {@code Discrepancy.subject.id}) and its state.
 */
public record ExpectedTransition(DiscrepancyType type, String subjectId, DiscrepancyState state)
    implements Comparable<ExpectedTransition> {

  /** The transition a discrepancy record carries. */
  public static ExpectedTransition of(Discrepancy discrepancy) {
    return new ExpectedTransition(
        discrepancy.getType(), discrepancy.getSubject().getId(), discrepancy.getState());
  }

  /** As one line: {@code TYPE subjectId STATE}. */
  @Override
  public String toString() {
    return type + " " + subjectId + " " + state;
  }

  @Override
  public int compareTo(ExpectedTransition o) {
    return toString().compareTo(o.toString());
  }
}
