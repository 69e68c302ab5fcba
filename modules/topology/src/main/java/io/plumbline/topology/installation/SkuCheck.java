package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.identity.Identifiers;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * WRONG_SKU: the system in the slot is not of the device type the design puts there. It is wrong
 * when no identifier the BMC reports (model, part number, SKU) equals the type's model or part
 * number after normalisation (vendors report the order code as the model or the model in the SKU
 * field, so any one matching is enough), or when the reported model is another known device type's
 * model even though the part number matches (a DGX H100 carrying a B200 part number is the wrong
 * box, or a wrong record; either needs a look). A model that names no known type, such as an order
 * code, is no evidence against. Undecided while the type or every observed identifier is unknown.
 */
public final class SkuCheck {

  private SkuCheck() {}

  /** Decides WRONG_SKU for one device. */
  public static Evaluation evaluate(DeviceContext context) {
    IntentDeviceType type = context.getDeviceType();
    ObservedSystem observed = context.getObserved();
    if (type == null || observed == null) {
      return Evaluation.undecided();
    }
    Set<String> expected = normalised(type.getModel(), type.getPartNumber());
    Set<String> seen = normalised(observed.getModel(), observed.getPartNumber(), observed.getSku());
    if (expected.isEmpty() || seen.isEmpty()) {
      return Evaluation.undecided();
    }
    boolean matches = seen.stream().anyMatch(expected::contains);
    List<String> otherTypes = otherTypesNamedByModel(context, expected);
    List<Finding> findings =
        matches && otherTypes.isEmpty()
            ? List.of()
            : List.of(
                new Finding(
                    DiscrepancyType.WRONG_SKU,
                    DiscrepancyDomain.INSTALLATION,
                    Severity.CRITICAL,
                    Subjects.device(context.getDevice()),
                    describe(type),
                    describe(observed),
                    "bmc "
                        + observed.getBmcId()
                        + (otherTypes.isEmpty()
                            ? ""
                            : "; its model is that of device type "
                                + String.join(", ", otherTypes))));
    return new Evaluation(Set.of(DiscrepancyType.WRONG_SKU), findings);
  }

  /** The known device types, other than the intended one, whose model the system reports. */
  private static List<String> otherTypesNamedByModel(DeviceContext context, Set<String> expected) {
    String model = Identifiers.model(context.getObserved().getModel());
    if (model == null || expected.contains(model)) {
      return List.of();
    }
    String intended = context.getDeviceType().getId();
    return context.getObservedModelTypes().stream().filter(id -> !id.equals(intended)).toList();
  }

  private static Set<String> normalised(String... identifiers) {
    Set<String> out = new LinkedHashSet<>();
    for (String identifier : identifiers) {
      String value = Identifiers.model(identifier);
      if (value != null) {
        out.add(value);
      }
    }
    return out;
  }

  static String describe(IntentDeviceType type) {
    return labelled("model", type.getModel()) + labelled(", part", type.getPartNumber());
  }

  static String describe(ObservedSystem observed) {
    return Stream.of(
            labelled("model", observed.getModel()),
            labelled("part", observed.getPartNumber()),
            labelled("sku", observed.getSku()))
        .filter(s -> !s.isEmpty())
        .collect(Collectors.joining(", "));
  }

  private static String labelled(String label, String value) {
    return value == null || value.isBlank() ? "" : label + " " + value.strip();
  }
}
