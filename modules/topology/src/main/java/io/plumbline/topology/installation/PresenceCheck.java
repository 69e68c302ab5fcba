package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.time.Instant;

/**
 * DEVICE_NOT_SEEN: the device's install deadline (NetBox custom field plumbline_install_deadline)
 * has passed, in stream time, and no observation is matched to it. Absence is evidence only after
 * the deadline. Always decided, so the finding resolves when the device is seen, when the deadline
 * moves into the future or is cleared. Severity WARNING.
 */
final class PresenceCheck {

  private PresenceCheck() {}

  static Evaluation evaluate(DeviceContext context, Instant now) {
    IntentDevice device = context.getDevice();
    Instant deadline = device.getInstallDeadline();
    if (context.getObserved() != null || deadline == null || now.isBefore(deadline)) {
      return Evaluations.clean(DiscrepancyType.DEVICE_NOT_SEEN);
    }
    return Evaluations.found(
        new Finding(
            DiscrepancyType.DEVICE_NOT_SEEN,
            DiscrepancyDomain.INSTALLATION,
            Severity.WARNING,
            Subjects.device(device),
            "seen by its BMC by " + deadline,
            "not seen",
            "no observation matches its serial, BMC MAC, asset tag or location"));
  }

  /** True while the device waits for a deadline that has not passed at {@code now}. */
  static boolean awaitingDeadline(DeviceContext context, Instant now) {
    Instant deadline = context.getDevice().getInstallDeadline();
    return context.getObserved() == null && deadline != null && now.isBefore(deadline);
  }
}
