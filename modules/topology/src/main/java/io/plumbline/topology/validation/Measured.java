package io.plumbline.topology.validation;

/** Checks on one measured number, shared by the telemetry validators. */
final class Measured {

  private Measured() {}

  /** A finite value that is not below zero; {@code null} (not measured) passes. */
  static void nonNegative(Double value, String what, RejectionReason negative) {
    if (value == null) {
      return;
    }
    finite(value, what);
    if (value < 0) {
      throw new InvalidInputException(negative, what + " is negative: " + value);
    }
  }

  static void finite(double value, String what) {
    if (!Double.isFinite(value)) {
      throw new InvalidInputException(
          RejectionReason.NON_FINITE_VALUE, what + " is not a finite number: " + value);
    }
  }
}
