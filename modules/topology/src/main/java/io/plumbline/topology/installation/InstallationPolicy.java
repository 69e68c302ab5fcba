package io.plumbline.topology.installation;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the installation domain.
 *
 * @param deadlineCheckInterval how often, in stream time, devices waiting for a deadline (their
 *     install deadline, or the receiving grace of their serial) are checked; a finding opens at
 *     most this long after its deadline when no record of the device arrives (default 1 minute)
 * @param receivingGrace how long, in stream time, a serial a device's BMC reports may wait for a
 *     receipt carrying it before SERIAL_NOT_RECEIVED opens: the receiving feed may lag the BMC
 *     poll, and the verdict must not depend on which arrives first (default 15 minutes)
 */
public record InstallationPolicy(Duration deadlineCheckInterval, Duration receivingGrace) {

  /** The default receiving grace. */
  public static final Duration DEFAULT_RECEIVING_GRACE = Duration.ofMinutes(15);

  public InstallationPolicy {
    Objects.requireNonNull(deadlineCheckInterval, "deadlineCheckInterval");
    Objects.requireNonNull(receivingGrace, "receivingGrace");
    if (deadlineCheckInterval.isNegative() || deadlineCheckInterval.isZero()) {
      throw new IllegalArgumentException("deadlineCheckInterval must be positive");
    }
    if (receivingGrace.isNegative()) {
      throw new IllegalArgumentException("receivingGrace must not be negative");
    }
  }

  /** A policy with the given check interval and the default receiving grace. */
  public InstallationPolicy(Duration deadlineCheckInterval) {
    this(deadlineCheckInterval, DEFAULT_RECEIVING_GRACE);
  }

  /** The documented defaults. */
  public static InstallationPolicy defaults() {
    return new InstallationPolicy(Duration.ofMinutes(1), DEFAULT_RECEIVING_GRACE);
  }
}
