package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDevice;
import io.plumbline.avro.v1.IntentRack;
import io.plumbline.avro.v1.ObservedLocation;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.identity.Identifiers;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.ArrayList;
import java.util.List;

/**
 * LOCATION_MISMATCH: the BMC reports a rack or U position other than the design's. The rack
 * compares, normalised, with the intended rack's name (or NetBox id); the position with the
 * intended lowest U. Only what the BMC reports is compared, and only against intent that is known:
 * otherwise that part is undecided. Severity WARNING.
 */
final class LocationCheck {

  private static final double SAME_U = 0.01;

  private LocationCheck() {}

  static Evaluation evaluate(DeviceContext context) {
    ObservedLocation location =
        context.getObserved() == null ? null : context.getObserved().getLocation();
    if (location == null) {
      return Evaluation.undecided();
    }
    IntentDevice device = context.getDevice();
    IntentRack rack = context.getRack();
    List<String> expected = new ArrayList<>();
    List<String> observed = new ArrayList<>();
    boolean differs = false;
    boolean undecided = false;
    boolean compared = false;

    String seenRack = Identifiers.model(location.getRack());
    if (seenRack != null) {
      if (rack == null) {
        undecided = true;
      } else {
        compared = true;
        differs |=
            !seenRack.equals(Identifiers.model(rack.getName()))
                && !seenRack.equals(Identifiers.model(rack.getId()));
        expected.add("rack " + rack.getName());
        observed.add("rack " + location.getRack().strip());
      }
    }
    Double seenPosition = location.getPosition();
    if (seenPosition != null) {
      if (device.getPosition() == null) {
        undecided = true;
      } else {
        compared = true;
        differs |= Math.abs(seenPosition - device.getPosition()) > SAME_U;
        expected.add("U" + Identifiers.position(device.getPosition()));
        observed.add("U" + Identifiers.position(seenPosition));
      }
    }
    if (differs) {
      return Evaluations.found(
          new Finding(
              DiscrepancyType.LOCATION_MISMATCH,
              DiscrepancyDomain.INSTALLATION,
              Severity.WARNING,
              Subjects.device(device),
              String.join(", ", expected),
              String.join(", ", observed),
              "bmc " + context.getObserved().getBmcId()));
    }
    return compared && !undecided
        ? Evaluations.clean(DiscrepancyType.LOCATION_MISMATCH)
        : Evaluation.undecided();
  }
}
