package io.plumbline.topology.validation;

import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.EnvironmentReading;

/**
 * The value of a sensor reading: finite always; a flow or heat not negative; a temperature not
 * below absolute zero. Temperatures below 0 °C are kept: free-air inlets in winter read them.
 */
public final class EnvironmentReadingValidator implements InputRule<EnvironmentReading> {

  private static final double ABSOLUTE_ZERO_CELSIUS = -273.15;

  @Override
  public void check(String key, EnvironmentReading reading) {
    double value = reading.getValue();
    EnvironmentKind kind = reading.getKind();
    String what = kind + " value";
    Measured.finite(value, what);
    switch (kind) {
      case COOLANT_FLOW -> Measured.nonNegative(value, what, RejectionReason.NEGATIVE_FLOW);
      case HEAT_REMOVED -> Measured.nonNegative(value, what, RejectionReason.NEGATIVE_POWER);
      case INLET_TEMPERATURE,
          OUTLET_TEMPERATURE,
          COOLANT_SUPPLY_TEMPERATURE,
          COOLANT_RETURN_TEMPERATURE -> {
        if (celsius(value, reading.getUnit()) < ABSOLUTE_ZERO_CELSIUS) {
          throw new InvalidInputException(
              RejectionReason.IMPOSSIBLE_TEMPERATURE,
              what + " is below absolute zero: " + value + " " + reading.getUnit());
        }
      }
      default -> {
        // OTHER: no unit or range is known, finiteness is all that can be checked.
      }
    }
  }

  private static double celsius(double value, String unit) {
    return switch (unit == null ? "" : unit) {
      case "K" -> value - 273.15;
      case "[degF]", "degF", "F" -> (value - 32) * 5 / 9;
      default -> value;
    };
  }
}
