package io.plumbline.topology.lifecycle;

import io.plumbline.avro.v1.Discrepancy;
import io.plumbline.avro.v1.DiscrepancyState;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Turns successive evaluations of one subject into discrepancy transitions. OPENED when a finding
 * first holds, UPDATED when its severity, expected or observed value changes, RESOLVED when a
 * decided check no longer finds it. The same evaluation twice yields no transition, which makes
 * re-delivered inputs harmless.
 */
public final class DiscrepancyLifecycle {

  private DiscrepancyLifecycle() {}

  /**
   * The outcome of one step: the transitions to publish, and the open set to keep (including open
   * discrepancies whose last-seen time moved without a transition).
   */
  public record Step(List<Discrepancy> transitions, Map<String, Discrepancy> open) {}

  /**
   * Applies an evaluation made at {@code now} to the currently open discrepancies of its subject.
   */
  public static Step apply(
      Collection<Discrepancy> currentlyOpen, Evaluation evaluation, Instant now) {
    Map<String, Discrepancy> open = new LinkedHashMap<>();
    currentlyOpen.forEach(d -> open.put(d.getId(), d));
    List<Discrepancy> transitions = new ArrayList<>();

    Map<String, Finding> found = new LinkedHashMap<>();
    evaluation.findings().forEach(f -> found.put(f.id(), f));

    for (Discrepancy existing : currentlyOpen) {
      if (evaluation.decided().contains(existing.getType())
          && !found.containsKey(existing.getId())) {
        transitions.add(transition(existing, DiscrepancyState.RESOLVED, now));
        open.remove(existing.getId());
      }
    }
    for (Finding finding : found.values()) {
      Discrepancy existing = open.get(finding.id());
      if (existing == null) {
        Discrepancy opened = opened(finding, now);
        transitions.add(opened);
        open.put(opened.getId(), opened);
      } else if (changed(existing, finding)) {
        Discrepancy updated =
            Discrepancy.newBuilder(transition(existing, DiscrepancyState.UPDATED, now))
                .setSeverity(finding.severity())
                .setExpected(finding.expected())
                .setObserved(finding.observed())
                .setDetail(finding.detail())
                .setSubject(finding.subject())
                .build();
        transitions.add(updated);
        open.put(updated.getId(), updated);
      } else if (now.isAfter(existing.getLastSeen())) {
        open.put(existing.getId(), Discrepancy.newBuilder(existing).setLastSeen(now).build());
      }
    }
    return new Step(List.copyOf(transitions), open);
  }

  /** Resolves everything open, for a subject that no longer exists in the design. */
  public static Step resolveAll(Collection<Discrepancy> currentlyOpen, Instant now) {
    List<Discrepancy> transitions = new ArrayList<>();
    for (Discrepancy existing : currentlyOpen) {
      transitions.add(transition(existing, DiscrepancyState.RESOLVED, now));
    }
    return new Step(List.copyOf(transitions), Map.of());
  }

  private static boolean changed(Discrepancy existing, Finding finding) {
    return existing.getSeverity() != finding.severity()
        || !Objects.equals(existing.getExpected(), finding.expected())
        || !Objects.equals(existing.getObserved(), finding.observed());
  }

  private static Discrepancy opened(Finding finding, Instant now) {
    return Discrepancy.newBuilder()
        .setId(finding.id())
        .setType(finding.type())
        .setDomain(finding.domain())
        .setSeverity(finding.severity())
        .setState(DiscrepancyState.OPENED)
        .setSubject(finding.subject())
        .setExpected(finding.expected())
        .setObserved(finding.observed())
        .setDetail(finding.detail())
        .setFirstSeen(now)
        .setLastSeen(now)
        .setChangedAt(now)
        .setRevision(1)
        .build();
  }

  private static Discrepancy transition(Discrepancy existing, DiscrepancyState state, Instant now) {
    return Discrepancy.newBuilder(existing)
        .setState(state)
        .setLastSeen(now.isAfter(existing.getLastSeen()) ? now : existing.getLastSeen())
        .setChangedAt(now)
        .setRevision(existing.getRevision() + 1)
        .build();
  }
}
