package io.plumbline.topology.telemetry;

import java.time.Duration;
import java.util.Objects;

/**
 * When a feed or sensor counts as silent: it reported before and no reading has arrived for {@code
 * silentAfter} of stream time. Checked every {@code checkInterval} of stream time, so detection
 * lags by at most that much and is deterministic under replay. After {@code forgetAfter} without a
 * reading its heartbeat is dropped, so the store does not keep every id ever seen; an open
 * TELEMETRY_SILENT finding stays open (the next reading resolves it).
 */
public record SilencePolicy(Duration silentAfter, Duration checkInterval, Duration forgetAfter) {

  public SilencePolicy {
    Objects.requireNonNull(silentAfter, "silentAfter");
    Objects.requireNonNull(checkInterval, "checkInterval");
    Objects.requireNonNull(forgetAfter, "forgetAfter");
    if (forgetAfter.compareTo(silentAfter) <= 0) {
      throw new IllegalArgumentException("forgetAfter must be longer than silentAfter: " + this);
    }
    if (silentAfter.isNegative() || silentAfter.isZero() || checkInterval.isNegative()) {
      throw new IllegalArgumentException("durations must be positive: " + this);
    }
    if (checkInterval.isZero()) {
      throw new IllegalArgumentException("checkInterval must be positive");
    }
  }

  /**
   * Silent after 5 minutes without a reading, checked every 30 seconds of stream time, forgotten
   * after 7 days.
   */
  public static SilencePolicy defaults() {
    return new SilencePolicy(Duration.ofMinutes(5), Duration.ofSeconds(30), Duration.ofDays(7));
  }
}
