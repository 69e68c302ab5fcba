package io.plumbline.topology.installation;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunables of the installation domain.
 *
 * @param deadlineCheckInterval how often, in stream time, devices waiting for their install
 *     deadline are checked; a DEVICE_NOT_SEEN opens at most this long after its deadline when no
 *     record of the device arrives (default 1 minute)
 */
public record InstallationPolicy(Duration deadlineCheckInterval) {

  public InstallationPolicy {
    Objects.requireNonNull(deadlineCheckInterval, "deadlineCheckInterval");
    if (deadlineCheckInterval.isNegative() || deadlineCheckInterval.isZero()) {
      throw new IllegalArgumentException("deadlineCheckInterval must be positive");
    }
  }

  /** The documented defaults. */
  public static InstallationPolicy defaults() {
    return new InstallationPolicy(Duration.ofMinutes(1));
  }
}
