package io.plumbline.topology.power;

import io.plumbline.topology.telemetry.Hysteresis;
import io.plumbline.topology.telemetry.SilencePolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds and windows of the power checks.
 *
 * @param window size of the tumbling event-time window a feed's load is averaged over
 * @param grace how late (in stream time) a reading may arrive and still count in its window
 * @param windowRetention how long window state is kept; at least window + grace
 * @param feedLoad FEED_OVER_BUDGET levels, in percent of the feed's usable power
 * @param phaseOverload PHASE_OVERLOAD levels, in percent of the per-phase limit (rated amps x max
 *     utilisation) reached by the highest phase's mean current
 * @param phaseImbalance PHASE_IMBALANCE levels, in percent (max - min) / mean phase current
 * @param phaseImbalanceMinLoadPercent imbalance is decided only while the mean phase current is at
 *     least this percent of the feed's rated amperage (imbalance of an idle feed means nothing)
 * @param unusedFeedLoadWatts LOAD_ON_UNUSED_FEED when a feed that should carry nothing averages
 *     more than this (meters read a few watts on an idle circuit)
 * @param silence when a feed that reported before counts as silent
 * @param rackLoad RACK_OVER_BUDGET (percent of the rack's power budget) and AB_HEADROOM_VIOLATED
 *     (A+B load in percent of one side's usable power); both use its critical level only
 * @param rackHeat RACK_HEAT_OVER_COOLING levels, in percent of the rack's cooling capacity reached
 *     by the heat it gives off (all power its feeds deliver)
 */
public record PowerPolicy(
    Duration window,
    Duration grace,
    Duration windowRetention,
    Hysteresis feedLoad,
    Hysteresis phaseOverload,
    Hysteresis phaseImbalance,
    double phaseImbalanceMinLoadPercent,
    double unusedFeedLoadWatts,
    SilencePolicy silence,
    Hysteresis rackLoad,
    Hysteresis rackHeat) {

  public PowerPolicy {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(windowRetention, "windowRetention");
    Objects.requireNonNull(feedLoad, "feedLoad");
    Objects.requireNonNull(silence, "silence");
    Objects.requireNonNull(phaseOverload, "phaseOverload");
    Objects.requireNonNull(phaseImbalance, "phaseImbalance");
    Objects.requireNonNull(rackLoad, "rackLoad");
    Objects.requireNonNull(rackHeat, "rackHeat");
    if (windowRetention.compareTo(window.plus(grace)) < 0) {
      throw new IllegalArgumentException("windowRetention must be at least window + grace");
    }
  }

  /**
   * One-minute tumbling windows with 30 s grace, kept 10 minutes; feed load WARNING at 80 % of
   * usable power, CRITICAL at 100 %, back to WARNING below 95 % and cleared below 75 %; a phase
   * CRITICAL above 100 % of its limit, cleared below 95 %; imbalance WARNING above 20 %, cleared
   * below 15 %, decided above 10 % load; 100 W on an unused feed; silent after 5 minutes, forgotten
   * after 7 days; rack load and A/B headroom CRITICAL from 100 %, cleared below 95 %; rack heat
   * WARNING from 90 % of cooling capacity, CRITICAL from 100 %, back to WARNING below 95 % and
   * cleared below 85 %.
   */
  public static PowerPolicy defaults() {
    return new PowerPolicy(
        Duration.ofMinutes(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        new Hysteresis(80.0, 100.0, 75.0, 95.0, true),
        Hysteresis.criticalOnly(100.0, 95.0, false),
        Hysteresis.warningOnly(20.0, 15.0, false),
        10.0,
        100.0,
        SilencePolicy.defaults(),
        Hysteresis.criticalOnly(100.0, 95.0, true),
        new Hysteresis(90.0, 100.0, 85.0, 95.0, true));
  }
}
