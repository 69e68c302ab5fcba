package io.plumbline.topology.installation;

import io.plumbline.avro.internal.v1.DeviceContext;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.IntentDeviceType;
import io.plumbline.avro.v1.ObservedGpu;
import io.plumbline.avro.v1.ObservedNic;
import io.plumbline.avro.v1.ObservedSystem;
import io.plumbline.avro.v1.Severity;
import io.plumbline.topology.identity.Identifiers;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * COMPONENT_MISMATCH: the GPUs or NICs the BMC lists differ from the device type's expectation,
 * e.g. "8 x NVIDIA B200" expected, "7 x NVIDIA B200" observed. One finding per device listing the
 * differing parts. GPUs: count ({@code expectedGpuCount}, 0 = no expectation) and model ({@code
 * expectedGpuModel}, compared normalised; GPUs without a model are only counted). NICs: distinct
 * adapters, of {@code expectedNicModel} when set (normalised containment, so DPUs are not counted
 * as ConnectX NICs), against {@code expectedNicCount}.
 *
 * <p>An empty list, or a BMC with read errors, is no evidence: that part is undecided. A differing
 * part is reported even while another is undecided; the type resolves only when every expected part
 * is decided and equal. Severity CRITICAL: a node missing a GPU must not be admitted.
 */
final class ComponentCheck {

  private ComponentCheck() {}

  private record Part(String expected, String observed, boolean decided) {
    boolean differs() {
      return decided && !Objects.equals(expected, observed);
    }
  }

  static Evaluation evaluate(DeviceContext context) {
    IntentDeviceType type = context.getDeviceType();
    ObservedSystem observed = context.getObserved();
    if (type == null || observed == null) {
      return Evaluation.undecided();
    }
    boolean readable = observed.getReadErrors().isEmpty();
    List<Part> parts = new ArrayList<>();
    if (type.getExpectedGpuCount() > 0 || type.getExpectedGpuModel() != null) {
      parts.add(gpus(type, observed.getGpus(), readable));
    }
    if (type.getExpectedNicCount() > 0) {
      parts.add(nics(type, observed.getNics(), readable));
    }
    List<Part> differing = parts.stream().filter(Part::differs).toList();
    if (!differing.isEmpty()) {
      return Evaluations.found(
          new Finding(
              DiscrepancyType.COMPONENT_MISMATCH,
              DiscrepancyDomain.INSTALLATION,
              Severity.CRITICAL,
              Subjects.device(context.getDevice()),
              differing.stream().map(Part::expected).collect(Collectors.joining("; ")),
              differing.stream().map(Part::observed).collect(Collectors.joining("; ")),
              "bmc " + observed.getBmcId()));
    }
    boolean allDecided = parts.stream().allMatch(Part::decided);
    return allDecided
        ? Evaluations.clean(DiscrepancyType.COMPONENT_MISMATCH)
        : Evaluation.undecided();
  }

  private static Part gpus(IntentDeviceType type, List<ObservedGpu> gpus, boolean readable) {
    String model = type.getExpectedGpuModel();
    int count = type.getExpectedGpuCount();
    String expected = count + " x " + (model == null ? "GPU" : model.strip());
    if (!readable || gpus.isEmpty()) {
      return new Part(expected, null, false);
    }
    String wanted = Identifiers.model(model);
    // Count per reported model; a GPU whose model matches (or is unreported) counts as expected.
    Map<String, Integer> byModel = new TreeMap<>();
    for (ObservedGpu gpu : gpus) {
      String seen = Identifiers.model(gpu.getModel());
      boolean expectedModel =
          wanted == null
              || seen == null
              || seen.equals(wanted)
              || wanted.equals(Identifiers.model(gpu.getManufacturer() + " " + gpu.getModel()));
      String label =
          expectedModel ? (model == null ? "GPU" : model.strip()) : gpu.getModel().strip();
      byModel.merge(label, 1, Integer::sum);
    }
    String observed =
        byModel.entrySet().stream()
            .map(e -> e.getValue() + " x " + e.getKey())
            .collect(Collectors.joining(", "));
    if (count == 0) {
      // Only the model is specified: compare models, not counts.
      String expectedLabel = model.strip();
      boolean allExpected = byModel.size() == 1 && byModel.containsKey(expectedLabel);
      return allExpected
          ? new Part(observed, observed, true)
          : new Part("every GPU " + expectedLabel, observed, true);
    }
    return new Part(expected, observed, true);
  }

  private static Part nics(IntentDeviceType type, List<ObservedNic> nics, boolean readable) {
    String model = type.getExpectedNicModel();
    String label = model == null ? "NIC" : model.strip() + " NIC";
    String expected = type.getExpectedNicCount() + " x " + label;
    if (!readable || nics.isEmpty()) {
      return new Part(expected, null, false);
    }
    String wanted = Identifiers.model(model);
    long adapters =
        nics.stream()
            .filter(
                nic -> {
                  String seen = Identifiers.model(nic.getModel());
                  return wanted == null || (seen != null && seen.contains(wanted));
                })
            .map(ObservedNic::getAdapterId)
            .distinct()
            .count();
    return new Part(expected, adapters + " x " + label, true);
  }
}
