package io.plumbline.topology.validation;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Tunable limits of input validation.
 *
 * @param maxFutureSkew how far ahead of the reconciler's clock an event time may be before the
 *     record is refused as {@link RejectionReason#FAR_FUTURE_TIMESTAMP}: clocks of meters and
 *     crawlers drift, but a reading from tomorrow would hold windows and deadlines open wrongly
 * @param clock the reconciler's clock that event times are judged against (the system clock; tests
 *     fix it)
 */
public record ValidationPolicy(Duration maxFutureSkew, Clock clock) {

  /** Setting name of {@link #maxFutureSkew()}. */
  public static final String MAX_FUTURE_SKEW = "validation.max-future-skew";

  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofHours(1);

  public ValidationPolicy {
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    Objects.requireNonNull(clock, "clock");
    if (maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException("maxFutureSkew must not be negative: " + maxFutureSkew);
    }
  }

  /** The given skew, judged against the system clock. */
  public ValidationPolicy(Duration maxFutureSkew) {
    this(maxFutureSkew, Clock.systemUTC());
  }

  public static ValidationPolicy defaults() {
    return new ValidationPolicy(DEFAULT_MAX_FUTURE_SKEW);
  }

  /** The same limits judged against another clock. */
  public ValidationPolicy withClock(Clock other) {
    return new ValidationPolicy(maxFutureSkew, other);
  }
}
