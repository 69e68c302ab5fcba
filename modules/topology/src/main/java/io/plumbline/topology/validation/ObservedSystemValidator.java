package io.plumbline.topology.validation;

import io.plumbline.avro.v1.ObservedSystem;

/** A BMC's report: the power it reads, when present, is finite and not negative. */
public final class ObservedSystemValidator implements InputRule<ObservedSystem> {

  @Override
  public void check(String key, ObservedSystem system) {
    Measured.nonNegative(system.getPowerWatts(), "powerWatts", RejectionReason.NEGATIVE_POWER);
  }
}
