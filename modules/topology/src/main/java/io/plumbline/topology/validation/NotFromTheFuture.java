package io.plumbline.topology.validation;

import java.time.Duration;
import java.time.Instant;

/**
 * Refuses records whose event time is more than the allowed skew ahead of the reconciler's clock:
 * one reading stamped next year would advance stream time and close every window and deadline
 * early.
 */
public final class NotFromTheFuture<V> implements InputRule<V> {

  private final Duration maxSkew;

  public NotFromTheFuture(Duration maxSkew) {
    this.maxSkew = maxSkew;
  }

  @Override
  public void check(String key, V value, long eventTime, long now) {
    if (eventTime - now > maxSkew.toMillis()) {
      throw new InvalidInputException(
          RejectionReason.FAR_FUTURE_TIMESTAMP,
          "event time "
              + Instant.ofEpochMilli(eventTime)
              + " is more than "
              + maxSkew
              + " ahead of the clock ("
              + Instant.ofEpochMilli(now)
              + ")");
    }
  }
}
