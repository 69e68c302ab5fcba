package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * FIRMWARE_MISMATCH: a component of the type's firmware baseline runs another version than the
 * baseline names. One finding per device listing only the differing components, e.g. expected "BIOS
 * 1.3, GPU 96.00.9F" observed "BIOS 1.1, GPU 96.00.7A". Component names and versions compare
 * trimmed and case-insensitively. A component the BMC did not report is undecided; the type
 * resolves only when every baseline component is reported and equal (or the baseline is emptied).
 * Severity WARNING.
 */
final class FirmwareCheck {

  private FirmwareCheck() {}

  static Evaluation evaluate(DeviceContext context) {
    IntentDeviceType type = context.getDeviceType();
    ObservedSystem observed = context.getObserved();
    if (type == null || observed == null) {
      return Evaluation.undecided();
    }
    Map<String, String> reported = new HashMap<>();
    observed.getFirmware().forEach((component, version) -> reported.put(norm(component), version));
    List<String> expected = new ArrayList<>();
    List<String> seen = new ArrayList<>();
    boolean missing = false;
    for (Map.Entry<String, String> wanted : new TreeMap<>(type.getFirmwareBaseline()).entrySet()) {
      String version = reported.get(norm(wanted.getKey()));
      if (version == null) {
        missing = true;
      } else if (!norm(version).equals(norm(wanted.getValue()))) {
        expected.add(wanted.getKey().strip() + " " + wanted.getValue().strip());
        seen.add(wanted.getKey().strip() + " " + version.strip());
      }
    }
    if (!expected.isEmpty()) {
      return Evaluations.found(
          new Finding(
              DiscrepancyType.FIRMWARE_MISMATCH,
              DiscrepancyDomain.INSTALLATION,
              Severity.WARNING,
              Subjects.device(context.getDevice()),
              String.join(", ", expected),
              String.join(", ", seen),
              "bmc " + observed.getBmcId()));
    }
    return missing ? Evaluation.undecided() : Evaluations.clean(DiscrepancyType.FIRMWARE_MISMATCH);
  }

  private static String norm(String value) {
    return value == null ? "" : value.strip().toLowerCase(Locale.ROOT);
  }
}
