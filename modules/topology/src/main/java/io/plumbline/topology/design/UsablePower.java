package io.plumbline.topology.design;

import io.plumbline.avro.v1.IntentPowerFeed;
import java.util.Optional;

/**
 * The usable power of a feed, NetBox's {@code available_power}: |volts| x amps x (sqrt(3) for
 * three-phase) x max utilisation / 100, rounded down to whole watts. For example 415 V x 60 A x
 * sqrt(3) x 80 % = 34,502.45 W, so 34,502 W; 208 V x 30 A single-phase x 80 % = 4,992 W.
 *
 * <p>Rounding down keeps the figure honest for the whole-watt allocations NetBox records: an
 * allocation fits the rounded figure exactly when it fits the exact one. (NetBox itself multiplies
 * by 1.732 and rounds, giving 34,501 W for the first example.)
 *
 * <p>The absolute voltage is used because NetBox records DC feeds with a negative voltage (-48 V).
 * A feed without a positive amperage, voltage or utilisation has no usable power that could be
 * checked: {@link #of} is empty for it.
 *
 * <p>This formula belongs to every domain that compares a load with a feed (design and telemetry
 * alike); it should move to a shared package when the power domain lands.
 *
 * @param watts usable power in whole watts
 * @param formula how it was computed, for people checking by hand: {@code 415 V x 60 A x sqrt3 x 80
 *     %}
 */
public record UsablePower(long watts, String formula) {

  /** NetBox's phase value for three-phase feeds. */
  public static final String THREE_PHASE = "three-phase";

  private static final double SQRT_3 = Math.sqrt(3);

  /** The usable power of a feed, or empty when its ratings are missing or not positive. */
  public static Optional<UsablePower> of(IntentPowerFeed feed) {
    return of(
        feed.getVoltage(), feed.getAmperage(), feed.getPhase(), feed.getMaxUtilizationPercent());
  }

  /** The usable power of a feed with these ratings, or empty when one is not positive. */
  public static Optional<UsablePower> of(
      double voltage, double amperage, String phase, double maxUtilizationPercent) {
    double volts = Math.abs(voltage);
    if (!(volts > 0) || !(amperage > 0) || !(maxUtilizationPercent > 0)) {
      return Optional.empty();
    }
    boolean threePhase = THREE_PHASE.equalsIgnoreCase(phase == null ? "" : phase.trim());
    double watts = volts * amperage * (threePhase ? SQRT_3 : 1.0) * maxUtilizationPercent / 100.0;
    String formula =
        Watts.number(volts)
            + " V x "
            + Watts.number(amperage)
            + " A"
            + (threePhase ? " x sqrt3" : "")
            + " x "
            + Watts.number(maxUtilizationPercent)
            + " %";
    // The epsilon keeps products that are whole in decimal (4992.0) from flooring to one less.
    return Optional.of(new UsablePower((long) Math.floor(watts + 1e-6), formula));
  }
}
