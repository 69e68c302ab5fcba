package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.topology.lifecycle.Evaluation;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * Every installation check on one intended device, and what it takes to call it VERIFIED: seen, its
 * model decided, its components decided when its type expects any, and nothing open.
 */
final class DeviceChecks {

  private DeviceChecks() {}

  /** Evaluates the device at {@code now} (stream time, for the install deadline). */
  static Evaluation evaluate(DeviceContext context, Instant now) {
    return Evaluations.combine(
        SkuCheck.evaluate(context),
        PresenceCheck.evaluate(context, now),
        SerialCheck.evaluate(context),
        ComponentCheck.evaluate(context),
        FirmwareCheck.evaluate(context),
        LocationCheck.evaluate(context));
  }

  /** True when the device is seen, the evidence VERIFIED needs is in, and nothing is open. */
  static boolean verified(DeviceContext context, Evaluation evaluation, int openCount) {
    return context.getObserved() != null
        && openCount == 0
        && evaluation.decided().containsAll(requiredEvidence(context.getDeviceType()));
  }

  private static Set<DiscrepancyType> requiredEvidence(IntentDeviceType type) {
    Set<DiscrepancyType> required = EnumSet.of(DiscrepancyType.WRONG_SKU);
    if (type != null
        && (type.getExpectedGpuCount() > 0
            || type.getExpectedGpuModel() != null
            || type.getExpectedNicCount() > 0)) {
      required.add(DiscrepancyType.COMPONENT_MISMATCH);
    }
    return required;
  }
}
