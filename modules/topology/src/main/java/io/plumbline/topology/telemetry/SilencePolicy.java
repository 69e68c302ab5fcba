package io.plumbline.topology.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * When a feed or sensor counts as silent: it reported before and no reading has arrived for {@code
 * silentAfter} of stream time. Checked every {@code checkInterval} of stream time, so detection
 * lags by at most that much and is deterministic under replay.
 */
public record SilencePolicy(Duration silentAfter, Duration checkInterval) {

  public SilencePolicy {
    Objects.requireNonNull(silentAfter, "silentAfter");
    Objects.requireNonNull(checkInterval, "checkInterval");
    if (silentAfter.isNegative() || silentAfter.isZero() || checkInterval.isNegative()) {
      throw new IllegalArgumentException("durations must be positive: " + this);
    }
    if (checkInterval.isZero()) {
      throw new IllegalArgumentException("checkInterval must be positive");
    }
  }

  /** Silent after 5 minutes without a reading, checked every 30 seconds of stream time. */
  public static SilencePolicy defaults() {
    return new SilencePolicy(Duration.ofMinutes(5), Duration.ofSeconds(30));
  }
}
