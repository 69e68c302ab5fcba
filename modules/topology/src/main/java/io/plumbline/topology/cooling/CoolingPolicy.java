package io.plumbline.topology.cooling;

import io.plumbline.topology.telemetry.Hysteresis;
import io.plumbline.topology.telemetry.SilencePolicy;
import java.time.Duration;
import java.util.Objects;

/**
 * Thresholds and windows of the cooling checks.
 *
 * @param window size of the tumbling event-time window a sensor's readings are averaged over
 * @param grace how late (in stream time) a reading may arrive and still count in its window
 * @param windowRetention how long window state is kept; at least window + grace
 * @param inlet INLET_OVER_TEMPERATURE levels in degrees Celsius
 * @param coolantSupply the range the coolant supply temperature must stay in, degrees Celsius
 * @param coolantFlow the range the coolant flow must stay in, litres per minute;
 *     COOLANT_OUT_OF_RANGE opens when either mean leaves its range and resolves only when every
 *     mean is back inside its range by that range's clear margin
 * @param silence when a sensor that reported before counts as silent
 */
public record CoolingPolicy(
    Duration window,
    Duration grace,
    Duration windowRetention,
    Hysteresis inlet,
    Range coolantSupply,
    Range coolantFlow,
    SilencePolicy silence) {

  /**
   * An inclusive range of acceptable values with hysteresis: a value outside it raises the alarm,
   * which clears only once the value is back at least {@code clearMargin} inside both bounds, so a
   * value hovering at a bound does not flap.
   */
  public record Range(double min, double max, double clearMargin) {

    public Range {
      if (min > max) {
        throw new IllegalArgumentException("min above max: " + min + " > " + max);
      }
      if (clearMargin < 0 || 2 * clearMargin > max - min) {
        throw new IllegalArgumentException(
            "clearMargin must be between 0 and half the range: " + clearMargin);
      }
    }

    /** Whether the value is acceptable: inside the range, or inside its clear margin if alarmed. */
    boolean accepts(double value, boolean alarmed) {
      double margin = alarmed ? clearMargin : 0.0;
      return value >= min + margin && value <= max - margin;
    }
  }

  public CoolingPolicy {
    Objects.requireNonNull(window, "window");
    Objects.requireNonNull(grace, "grace");
    Objects.requireNonNull(windowRetention, "windowRetention");
    Objects.requireNonNull(inlet, "inlet");
    Objects.requireNonNull(coolantSupply, "coolantSupply");
    Objects.requireNonNull(coolantFlow, "coolantFlow");
    Objects.requireNonNull(silence, "silence");
    if (windowRetention.compareTo(window.plus(grace)) < 0) {
      throw new IllegalArgumentException("windowRetention must be at least window + grace");
    }
  }

  /**
   * One-minute tumbling windows with 30 s grace, kept 10 minutes. Inlet (ASHRAE): WARNING above the
   * recommended 27 °C, CRITICAL above the class A1 allowable 32 °C, each cleared 1 °C below (26 °C,
   * 31 °C). Coolant supply 18-32 °C (ASHRAE W32 facility water, kept above a typical dew point);
   * coolant flow 20-500 L/min (a rack CDU loop; set it per site). Coolant clears 0.5 °C and 5 L/min
   * inside its range. Sensors silent after 5 minutes, forgotten after 7 days.
   */
  public static CoolingPolicy defaults() {
    return new CoolingPolicy(
        Duration.ofMinutes(1),
        Duration.ofSeconds(30),
        Duration.ofMinutes(10),
        new Hysteresis(27.0, 32.0, 26.0, 31.0, false),
        new Range(18.0, 32.0, 0.5),
        new Range(20.0, 500.0, 5.0),
        SilencePolicy.defaults());
  }
}
