package io.plumbline.topology.telemetry;

import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Subject;
import io.plumbline.topology.lifecycle.Finding;
import java.time.Instant;
import java.util.Objects;

/**
 * What an overrun check measured over one window and the budget it compared it with. It backs the
 * alert of the discrepancy {@code type} about {@code subject}, whether or not it is an overrun.
 */
public record Measurement(
    DiscrepancyType type,
    Subject subject,
    Instant windowStart,
    Instant windowEnd,
    double measured,
    double budget,
    String unit) {

  public Measurement {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(subject, "subject");
    Objects.requireNonNull(windowStart, "windowStart");
    Objects.requireNonNull(windowEnd, "windowEnd");
    Objects.requireNonNull(unit, "unit");
  }

  /** The id of the discrepancy (and of its alert) this measurement is about. */
  public String discrepancyId() {
    return Finding.id(type, subject);
  }
}
