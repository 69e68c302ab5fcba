package io.plumbline.topology.validation;

import io.plumbline.avro.v1.IntentRack;

/** A rack's power budget and cooling capacity, when set, are finite and not negative. */
public final class IntentRackValidator implements InputRule<IntentRack> {

  @Override
  public void check(String key, IntentRack rack) {
    Measured.nonNegative(
        rack.getPowerBudgetWatts(), "powerBudgetWatts", RejectionReason.NEGATIVE_POWER);
    Measured.nonNegative(
        rack.getCoolingCapacityWatts(), "coolingCapacityWatts", RejectionReason.NEGATIVE_POWER);
  }
}
