package io.plumbline.topology;

import io.plumbline.avro.v1.IntentPowerFeed;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;

/**
 * The power a feed may carry continuously, NetBox's {@code available_power}: |volts| x amps x
 * (sqrt(3) for three-phase) x max utilisation / 100. The one place this formula lives: the design
 * checks (allocations, A/B redundancy) and the telemetry checks (feed, phase and rack load) both
 * use it.
 *
 * <p>Worked numbers: 415 V x 60 A x sqrt(3) x 80 % = 34,502.45 W (the "34.5 kW usable" of a 415 V
 * 60 A feed; rounding sqrt(3) to 1.7321 gives 34,503 W, and NetBox's own 1.732 gives 34,501 W); 208
 * V x 30 A single-phase x 80 % = 4,992 W. NetBox's {@code max_utilization} (80 % by the
 * continuous-load rule) sets the factor.
 *
 * <p>The absolute voltage is used because NetBox records DC feeds with a negative voltage (-48 V).
 * A feed without a positive voltage, amperage or utilisation has no usable power that could be
 * checked: {@link #of} is empty for it.
 *
 * @param watts the exact usable power in watts
 * @param formula how it was computed, for people checking by hand: {@code 415 V x 60 A x sqrt3 x 80
 *     %}
 */
public record UsablePower(double watts, String formula) {

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
    boolean threePhase = threePhase(phase);
    double watts = volts * amperage * (threePhase ? SQRT_3 : 1.0) * maxUtilizationPercent / 100.0;
    String formula =
        number(volts)
            + " V x "
            + number(amperage)
            + " A"
            + (threePhase ? " x sqrt3" : "")
            + " x "
            + number(maxUtilizationPercent)
            + " %";
    return Optional.of(new UsablePower(watts, formula));
  }

  /** The feed's usable power in watts, 0 when its ratings give none. */
  public static double wattsOf(IntentPowerFeed feed) {
    return of(feed).map(UsablePower::watts).orElse(0.0);
  }

  /**
   * The usable power rounded down to whole watts, for texts that compare it with the whole-watt
   * allocations NetBox records: an allocation fits the rounded figure exactly when it fits the
   * exact one.
   */
  public long wholeWatts() {
    // The epsilon keeps products that are whole in decimal (4992.0) from flooring to one less.
    return (long) Math.floor(watts + 1e-6);
  }

  /** The formula with its result, e.g. {@code usable 34,502 W (415 V x 60 A x sqrt3 x 80 %)}. */
  public String explain() {
    return String.format(Locale.ROOT, "usable %,d W (%s)", wholeWatts(), formula);
  }

  /** The current each phase conductor may carry continuously: rated amps x max utilisation. */
  public static double phaseAmps(IntentPowerFeed feed) {
    return feed.getAmperage() * feed.getMaxUtilizationPercent() / 100.0;
  }

  /** Whether NetBox calls the feed three-phase (any spelling: "three-phase", "3-phase"). */
  public static boolean threePhase(IntentPowerFeed feed) {
    return threePhase(feed.getPhase());
  }

  private static boolean threePhase(String phase) {
    String value = phase == null ? "" : phase.strip().toLowerCase(Locale.ROOT);
    return value.startsWith("three") || value.startsWith("3");
  }

  private static String number(double value) {
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }
}
