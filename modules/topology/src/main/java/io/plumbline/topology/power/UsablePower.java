package io.plumbline.topology.power;

import io.plumbline.avro.v1.IntentPowerFeed;
import java.util.Locale;

/**
 * The power a feed may carry continuously, as NetBox computes {@code available_power}: volts x amps
 * x (sqrt(3) for three-phase) x max utilisation / 100. A 415 V 60 A three-phase feed at 80 % gives
 * 415 x 60 x 1.732 x 0.8 = 34,503 W; a 208 V 30 A single-phase feed at 80 % gives 4,992 W.
 */
public final class UsablePower {

  private UsablePower() {}

  /** Usable power of the feed in watts. */
  public static double watts(IntentPowerFeed feed) {
    double apparent = feed.getVoltage() * feed.getAmperage();
    if (threePhase(feed)) {
      apparent *= Math.sqrt(3);
    }
    return apparent * feed.getMaxUtilizationPercent() / 100.0;
  }

  /** The current each phase conductor may carry continuously: rated amps x max utilisation. */
  public static double phaseAmps(IntentPowerFeed feed) {
    return feed.getAmperage() * feed.getMaxUtilizationPercent() / 100.0;
  }

  /** Whether NetBox calls the feed three-phase (any spelling: "three-phase", "3-phase"). */
  public static boolean threePhase(IntentPowerFeed feed) {
    String phase = feed.getPhase() == null ? "" : feed.getPhase().toLowerCase(Locale.ROOT);
    return phase.contains("three") || phase.startsWith("3");
  }

  /** The formula with the feed's numbers, for the discrepancy's expected value. */
  public static String explain(IntentPowerFeed feed) {
    return String.format(
        Locale.ROOT,
        "usable %,.0f W (%.0f V x %.0f A%s x %.0f %%)",
        watts(feed),
        feed.getVoltage(),
        feed.getAmperage(),
        threePhase(feed) ? " x sqrt(3)" : "",
        feed.getMaxUtilizationPercent());
  }
}
