package io.plumbline.simulator;

import io.plumbline.avro.v1.DiscrepancyState;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Emitted transitions against the ground truth, as multisets of OPENED and RESOLVED transitions
 * (UPDATED is ignored, see {@link GroundTruth}): what matched, what is missing (expected, not
 * emitted) and what is unexpected (emitted, not expected).
 */
public record TruthComparison(
    int matched, List<ExpectedTransition> missing, List<ExpectedTransition> unexpected) {

  public static TruthComparison of(
      Collection<ExpectedTransition> expected, Collection<ExpectedTransition> emitted) {
    Map<ExpectedTransition, Integer> left = new TreeMap<>();
    expected.forEach(t -> left.merge(t, 1, Integer::sum));
    List<ExpectedTransition> unexpected = new ArrayList<>();
    int matched = 0;
    for (ExpectedTransition t : emitted) {
      if (t.state() == DiscrepancyState.UPDATED) {
        continue;
      }
      Integer n = left.get(t);
      if (n == null) {
        unexpected.add(t);
      } else {
        matched++;
        if (n == 1) {
          left.remove(t);
        } else {
          left.put(t, n - 1);
        }
      }
    }
    List<ExpectedTransition> missing = new ArrayList<>();
    left.forEach(
        (t, n) -> {
          for (int i = 0; i < n; i++) {
            missing.add(t);
          }
        });
    unexpected.sort(null);
    return new TruthComparison(matched, List.copyOf(missing), List.copyOf(unexpected));
  }

  /** Matched over emitted; 1 when nothing was emitted and nothing expected. */
  public double precision() {
    int emitted = matched + unexpected.size();
    return emitted == 0 ? 1 : (double) matched / emitted;
  }

  /** Matched over expected; 1 when nothing was expected. */
  public double recall() {
    int expected = matched + missing.size();
    return expected == 0 ? 1 : (double) matched / expected;
  }

  public boolean exact() {
    return missing.isEmpty() && unexpected.isEmpty();
  }

  /** A short report: precision, recall, and each missing and unexpected transition. */
  public String report() {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            java.util.Locale.ROOT,
            "precision %.1f %%, recall %.1f %% (%d matched, %d missing, %d unexpected)%n",
            precision() * 100,
            recall() * 100,
            matched,
            missing.size(),
            unexpected.size()));
    missing.forEach(t -> out.append("  missing:    ").append(t).append('\n'));
    unexpected.forEach(t -> out.append("  unexpected: ").append(t).append('\n'));
    return out.toString();
  }
}
