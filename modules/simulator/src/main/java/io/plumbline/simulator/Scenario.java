package io.plumbline.simulator;

import java.time.Duration;
import java.time.Instant;

/**
 * The simulated timeline, relative to {@link SiteSpec#start()}. Compressed into one hour so that a
 * scenario can be played in the recent past on a real broker (which refuses timestamps more than an
 * hour ahead of its clock): orders, design, deliveries, serials, installation, a BMC re-crawl after
 * the install deadline, then minutes of steady telemetry during which the faults that get fixed are
 * fixed.
 */
public final class Scenario {

  /** Phases in order; each has a fixed offset from the start. */
  public enum Phase {
    /** Purchase orders placed. */
    ORDERS(0),
    /** The design in NetBox: site, device types, racks, feeds, devices, cables. */
    DESIGN(1),
    /** Deliveries: receipts with serial numbers. */
    DELIVERIES(10),
    /** NetBox records the received serials on the devices. */
    SERIALS(20),
    /** Installation and power-on: the BMCs' first Redfish inventory; the last deliveries. */
    INSTALLATION(30),
    /** The Redfish crawler's next pass, after the install deadline. */
    RECRAWL(41),
    /** Steady load: power and environment readings, one phase per minute. */
    TELEMETRY(45),
    /**
     * The crawler's routine pass during steady load, just before the fixes: past the receiving
     * grace of every first report, so a serial that no receipt carries is decided here rather than
     * by whichever fix happens to arrive first.
     */
    ROUTINE_CRAWL(45 + FIX_MINUTE),
    /** Fixes (in reality and in the design), at {@link #FIX_MINUTE} of telemetry. */
    FIXES(45 + FIX_MINUTE),
    /** Telemetry after the fixes, until the end. */
    AFTER_FIXES(45 + FIX_MINUTE);

    private final int minute;

    Phase(int minute) {
      this.minute = minute;
    }

    /** Minutes after the start. */
    public int minute() {
      return minute;
    }
  }

  /** Telemetry minutes (each minute has readings at :00, :15, :30 and :45). */
  public static final int TELEMETRY_MINUTES = 14;

  /** Telemetry minute from which faults show in telemetry. */
  public static final int FAULT_MINUTE = 2;

  /** Telemetry minute at which fixes happen. */
  public static final int FIX_MINUTE = 9;

  public static final int READINGS_PER_MINUTE = 4;

  /** Lines are due this long after the start; deliveries come before. */
  public static final int DUE_MINUTE = 15;

  /** The last deliveries (cables) are due here, after their second delivery. */
  public static final int LATE_DUE_MINUTE = 40;

  /** Install deadline of every node. */
  public static final int INSTALL_DEADLINE_MINUTE = 40;

  public static final Duration DURATION =
      Duration.ofMinutes(Phase.TELEMETRY.minute() + TELEMETRY_MINUTES);

  private Scenario() {}

  public static Instant at(SiteSpec spec, int minute) {
    return spec.start().plus(Duration.ofMinutes(minute));
  }

  public static Instant at(SiteSpec spec, Phase phase) {
    return at(spec, phase.minute());
  }

  /** Start of telemetry minute {@code m}. */
  public static Instant telemetryMinute(SiteSpec spec, int m) {
    return at(spec, Phase.TELEMETRY.minute() + m);
  }
}
