package io.plumbline.topology.validation;

import java.time.Duration;
import java.util.Objects;

/**
 * Tunable limits of input validation.
 *
 * @param maxFutureSkew how far ahead of the reconciler's clock an event time may be before the
 *     record is refused as {@link RejectionReason#FAR_FUTURE_TIMESTAMP}: clocks of meters and
 *     crawlers drift, but a reading from tomorrow would hold windows and deadlines open wrongly
 */
public record ValidationPolicy(Duration maxFutureSkew) {

  /** Setting name of {@link #maxFutureSkew()}. */
  public static final String MAX_FUTURE_SKEW = "validation.max-future-skew";

  public static final Duration DEFAULT_MAX_FUTURE_SKEW = Duration.ofHours(1);

  public ValidationPolicy {
    Objects.requireNonNull(maxFutureSkew, "maxFutureSkew");
    if (maxFutureSkew.isNegative()) {
      throw new IllegalArgumentException("maxFutureSkew must not be negative: " + maxFutureSkew);
    }
  }

  public static ValidationPolicy defaults() {
    return new ValidationPolicy(DEFAULT_MAX_FUTURE_SKEW);
  }
}
