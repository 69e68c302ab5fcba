package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.identity.Identifiers;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.Objects;

/**
 * SERIAL_MISMATCH: NetBox assigns the device a serial and the system matched to it (by BMC MAC,
 * asset tag or location) reports another. Serials compare trimmed and case-insensitively; a BMC
 * reporting a part number in the serial field reports no serial. Decided (clean) when NetBox
 * assigns none; undecided while the observed serial is unknown. Severity WARNING.
 */
final class SerialCheck {

  private SerialCheck() {}

  static Evaluation evaluate(DeviceContext context) {
    ObservedSystem observed = context.getObserved();
    if (observed == null) {
      return Evaluation.undecided();
    }
    String assigned = Identifiers.serial(context.getDevice().getSerial());
    if (assigned == null) {
      return Evaluations.clean(DiscrepancyType.SERIAL_MISMATCH);
    }
    String seen = ObservedSerial.of(context);
    if (seen == null) {
      return Evaluation.undecided();
    }
    if (Objects.equals(assigned, seen)) {
      return Evaluations.clean(DiscrepancyType.SERIAL_MISMATCH);
    }
    return Evaluations.found(
        new Finding(
            DiscrepancyType.SERIAL_MISMATCH,
            DiscrepancyDomain.INSTALLATION,
            Severity.WARNING,
            Subjects.device(context.getDevice()),
            assigned,
            seen,
            "bmc " + observed.getBmcId() + " matched by " + context.getMatchedBy()));
  }
}
