package io.plumbline.topology.validation;

import io.plumbline.avro.v1.IntentPowerFeed;

/**
 * A power feed's ratings as NetBox allows them: finite numbers, amperage and allocated draw not
 * negative, max utilisation within 0-100 %. The voltage may be negative: NetBox records DC feeds so
 * (-48 V). A utilisation above 100 % would claim more usable power than the breaker gives and hide
 * an overrun, so it is refused rather than judged.
 */
public final class IntentPowerFeedValidator implements InputRule<IntentPowerFeed> {

  @Override
  public void check(String key, IntentPowerFeed feed) {
    Measured.finite(feed.getVoltage(), "voltage");
    Measured.nonNegative(feed.getAmperage(), "amperage", RejectionReason.NEGATIVE_CURRENT);
    Measured.nonNegative(
        feed.getAllocatedDrawWatts(), "allocatedDrawWatts", RejectionReason.NEGATIVE_POWER);
    double percent = feed.getMaxUtilizationPercent();
    Measured.finite(percent, "maxUtilizationPercent");
    if (percent < 0 || percent > 100) {
      throw new InvalidInputException(
          RejectionReason.PERCENT_OUT_OF_RANGE,
          "maxUtilizationPercent is outside 0-100: " + percent);
    }
  }
}
