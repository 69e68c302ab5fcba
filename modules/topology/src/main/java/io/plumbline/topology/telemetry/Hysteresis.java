package io.plumbline.topology.telemetry;

import io.plumbline.avro.v1.Severity;

/**
 * Two alarm levels with hysteresis, so a value hovering around a threshold does not flap. A level
 * is entered when the value reaches its threshold ({@code warning}, {@code critical}) and left only
 * when the value falls below its lower clear threshold ({@code clearWarning}, {@code
 * clearCritical}). Thresholds are in the unit of the measured value (percent of budget, degrees).
 *
 * @param inclusive whether reaching a threshold exactly enters the level ({@code >=}) or the value
 *     must exceed it ({@code >})
 */
public record Hysteresis(
    double warning, double critical, double clearWarning, double clearCritical, boolean inclusive) {

  public Hysteresis {
    if (!(clearWarning <= warning && warning <= critical && clearCritical <= critical)) {
      throw new IllegalArgumentException(
          "need clearWarning <= warning <= critical and clearCritical <= critical: " + this);
    }
    if (clearCritical < clearWarning) {
      throw new IllegalArgumentException("clearCritical below clearWarning: " + this);
    }
  }

  /** One WARNING level, entered at {@code enter} and left below {@code clear}. */
  public static Hysteresis warningOnly(double enter, double clear, boolean inclusive) {
    return new Hysteresis(enter, Double.POSITIVE_INFINITY, clear, clear, inclusive);
  }

  /** One CRITICAL level, entered at {@code enter} and left below {@code clear}. */
  public static Hysteresis criticalOnly(double enter, double clear, boolean inclusive) {
    return new Hysteresis(enter, enter, clear, clear, inclusive);
  }

  /**
   * The level after observing {@code value} while at {@code current} (null: no alarm); null when
   * the value clears every level.
   */
  public Severity next(Severity current, double value) {
    if (reaches(value, critical)) {
      return Severity.CRITICAL;
    }
    if (current == Severity.CRITICAL && value >= clearCritical) {
      return Severity.CRITICAL;
    }
    if (reaches(value, warning)) {
      return Severity.WARNING;
    }
    boolean alarmed = current == Severity.CRITICAL || current == Severity.WARNING;
    return alarmed && value >= clearWarning ? Severity.WARNING : null;
  }

  private boolean reaches(double value, double threshold) {
    return inclusive ? value >= threshold : value > threshold;
  }
}
