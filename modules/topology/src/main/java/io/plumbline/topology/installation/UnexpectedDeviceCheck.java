package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.ClaimOutcome;
import io.plumbline.avro.internal.v1.ObservationMatch;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;

/**
 * UNEXPECTED_DEVICE: a BMC reports a system that is matched to no intended device, because none
 * carries its serial, BMC MAC, asset tag or location, because its deciding key is shared by several
 * devices (ambiguous), or because another observation claims the same device by a stronger key.
 * Subject: the BMC (kind BMC, id its key). Undecided while an observation's claim on a device has
 * not been weighed yet, so a new match never flaps. Every open UNEXPECTED_DEVICE is one unmatched
 * observation: their count is the unmatched count. Severity WARNING.
 */
final class UnexpectedDeviceCheck {

  private UnexpectedDeviceCheck() {}

  static Evaluation evaluate(ObservationMatch match, ClaimOutcome outcome) {
    String deviceId = match.getDeviceId();
    if (deviceId != null) {
      if (outcome == null || !deviceId.equals(outcome.getDeviceId())) {
        return Evaluation.undecided();
      }
      if (outcome.getMatched()) {
        return Evaluations.clean(DiscrepancyType.UNEXPECTED_DEVICE);
      }
      String reason =
          outcome.getMatchedBmcId() == null
              ? "identifies device "
                  + deviceId
                  + " by "
                  + match.getMatchedBy()
                  + ", which another BMC claims as strongly"
              : "identifies device "
                  + deviceId
                  + " by "
                  + match.getMatchedBy()
                  + ", which is matched to bmc "
                  + outcome.getMatchedBmcId();
      return found(match, reason);
    }
    if (!match.getAmbiguousWith().isEmpty()) {
      return found(
          match,
          "ambiguous: "
              + match.getMatchedBy()
              + " matches devices "
              + String.join(", ", match.getAmbiguousWith()));
    }
    return found(match, "matches no intended device");
  }

  private static Evaluation found(ObservationMatch match, String observed) {
    return Evaluations.found(
        new Finding(
            DiscrepancyType.UNEXPECTED_DEVICE,
            DiscrepancyDomain.INSTALLATION,
            Severity.WARNING,
            Subjects.bmc(match),
            "an intended device with its serial, BMC MAC, asset tag or location",
            observed,
            match.getBmcAddress() == null ? null : "bmc address " + match.getBmcAddress()));
  }
}
