package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.internal.v1.InstalledSerial;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.time.Duration;
import java.time.Instant;

/**
 * SERIAL_NOT_RECEIVED: the serial the device's matched system reports is carried by no dock
 * receipt, though the system has reported it for the receiving grace (stream time). Within the
 * grace it is undecided, so a receipt arriving after the observation (a lagging receiving feed)
 * gives the same verdict as one arriving before. Clean as soon as a receipt carries the serial;
 * undecided while the device is not seen or its BMC reports no serial. Severity WARNING.
 */
final class ReceivingCheck {

  static final Severity SEVERITY = Severity.WARNING;

  private ReceivingCheck() {}

  /**
   * Decides the type at stream time {@code now}; {@code installed} is the serial the device has
   * reported and since when (null when none).
   */
  static Evaluation evaluate(
      DeviceContext context, InstalledSerial installed, Instant now, Duration grace) {
    String serial = ObservedSerial.of(context);
    if (serial == null) {
      return Evaluation.undecided();
    }
    if (!context.getReceivedOn().isEmpty()) {
      return Evaluations.clean(DiscrepancyType.SERIAL_NOT_RECEIVED);
    }
    if (installed == null
        || !serial.equals(installed.getSerial())
        || now.isBefore(installed.getSince().plus(grace))) {
      return Evaluation.undecided();
    }
    return Evaluations.found(
        new Finding(
            DiscrepancyType.SERIAL_NOT_RECEIVED,
            DiscrepancyDomain.INSTALLATION,
            SEVERITY,
            Subjects.device(context.getDevice()),
            "serial " + serial + " on a dock receipt",
            "serial " + serial + " on no receipt",
            "bmc "
                + context.getObserved().getBmcId()
                + " has reported it since "
                + installed.getSince()));
  }

  /** True while the reported serial has no receipt and its grace runs past {@code now}. */
  static boolean awaitingGrace(
      DeviceContext context, InstalledSerial installed, Instant now, Duration grace) {
    String serial = ObservedSerial.of(context);
    return serial != null
        && context.getReceivedOn().isEmpty()
        && installed != null
        && serial.equals(installed.getSerial())
        && now.isBefore(installed.getSince().plus(grace));
  }
}
