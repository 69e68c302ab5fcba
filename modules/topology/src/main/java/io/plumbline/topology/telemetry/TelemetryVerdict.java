package io.plumbline.topology.telemetry;

import io.plumbline.topology.lifecycle.Evaluation;
import java.util.List;
import java.util.Objects;

/**
 * The checks' verdict on one telemetry subject (a feed, a sensor) for its latest window: the
 * evaluation for the discrepancy lifecycle, and the measurements behind its overrun checks for the
 * alerts topic.
 */
public record TelemetryVerdict(Evaluation evaluation, List<Measurement> measurements) {

  public TelemetryVerdict {
    Objects.requireNonNull(evaluation, "evaluation");
    measurements = List.copyOf(measurements);
  }

  /** Nothing could be decided (no telemetry yet, or no budget to compare with). */
  public static TelemetryVerdict undecided() {
    return new TelemetryVerdict(Evaluation.undecided(), List.of());
  }
}
