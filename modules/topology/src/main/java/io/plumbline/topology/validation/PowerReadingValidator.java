package io.plumbline.topology.validation;

import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;

/**
 * The values of a PDU feed reading: total power, energy, and each phase's current, voltage and
 * power must be finite and not negative (a meter reports magnitudes; a feed does not export).
 */
public final class PowerReadingValidator implements InputRule<PowerReading> {

  @Override
  public void check(String key, PowerReading reading) {
    Measured.nonNegative(
        reading.getTotalPowerWatts(), "totalPowerWatts", RejectionReason.NEGATIVE_POWER);
    Measured.nonNegative(reading.getEnergyKwh(), "energyKwh", RejectionReason.NEGATIVE_POWER);
    for (PhaseReading phase : reading.getPhases()) {
      String name = "phase " + phase.getPhase() + " ";
      Measured.nonNegative(
          phase.getCurrentAmps(), name + "currentAmps", RejectionReason.NEGATIVE_CURRENT);
      Measured.nonNegative(
          phase.getVoltageVolts(), name + "voltageVolts", RejectionReason.NEGATIVE_VOLTAGE);
      Measured.nonNegative(
          phase.getPowerWatts(), name + "powerWatts", RejectionReason.NEGATIVE_POWER);
    }
  }
}
