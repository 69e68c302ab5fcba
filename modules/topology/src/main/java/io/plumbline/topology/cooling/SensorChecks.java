package io.plumbline.topology.cooling;

import io.plumbline.avro.internal.v1.EnvironmentWindow;
import io.plumbline.avro.v1.DiscrepancyDomain;
import io.plumbline.avro.v1.DiscrepancyType;
import io.plumbline.avro.v1.EnvironmentKind;
import io.plumbline.avro.v1.Severity;
import io.plumbline.avro.v1.Subject;
import io.plumbline.topology.cooling.EnvironmentWindows.Mean;
import io.plumbline.topology.lifecycle.Evaluation;
import io.plumbline.topology.lifecycle.Finding;
import io.plumbline.topology.telemetry.Assessment;
import io.plumbline.topology.telemetry.Measurement;
import io.plumbline.topology.telemetry.TelemetryVerdict;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The checks on one sensor's closed window:
 *
 * <ul>
 *   <li>INLET_OVER_TEMPERATURE: the mean inlet temperature through the policy's hysteresis (WARNING
 *       above the ASHRAE recommended 27 °C, CRITICAL above the A1 allowable 32 °C);
 *   <li>COOLANT_OUT_OF_RANGE (CRITICAL): the mean coolant supply temperature or flow outside its
 *       range; once open it resolves only when every mean is back inside its range by the range's
 *       clear margin (hysteresis).
 * </ul>
 *
 * A check is decided only when the window holds readings of its kind. Observed values name the band
 * or bound, the numbers go to the detail and the alert, so a value moving inside a band makes no
 * transition.
 */
final class SensorChecks {

  /** The checks with hysteresis state. */
  static final List<DiscrepancyType> TYPES =
      List.of(DiscrepancyType.INLET_OVER_TEMPERATURE, DiscrepancyType.COOLANT_OUT_OF_RANGE);

  private SensorChecks() {}

  static Assessment assess(
      EnvironmentWindow window, Map<DiscrepancyType, Severity> previous, CoolingPolicy policy) {
    Subject subject = CoolingSubjects.sensor(window.getSensorId(), window.getRackId());
    Map<EnvironmentKind, Mean> means = EnvironmentWindows.means(window);
    Set<DiscrepancyType> decided = EnumSet.noneOf(DiscrepancyType.class);
    List<Finding> findings = new ArrayList<>();
    List<Measurement> measurements = new ArrayList<>();
    String span = " over " + window.getWindowStart() + " to " + window.getWindowEnd();

    Map<DiscrepancyType, Severity> levels = new EnumMap<>(DiscrepancyType.class);
    Mean inlet = means.get(EnvironmentKind.INLET_TEMPERATURE);
    if (inlet != null) {
      Severity level =
          policy.inlet().next(previous.get(DiscrepancyType.INLET_OVER_TEMPERATURE), inlet.value());
      decided.add(DiscrepancyType.INLET_OVER_TEMPERATURE);
      levels.put(DiscrepancyType.INLET_OVER_TEMPERATURE, level);
      double limit =
          level == Severity.CRITICAL ? policy.inlet().critical() : policy.inlet().warning();
      measurements.add(
          measurement(
              DiscrepancyType.INLET_OVER_TEMPERATURE, subject, window, inlet.value(), limit));
      if (level != null) {
        findings.add(
            new Finding(
                DiscrepancyType.INLET_OVER_TEMPERATURE,
                DiscrepancyDomain.COOLING,
                level,
                subject,
                format(
                    "inlet at most %.0f °C (ASHRAE recommended), never above %.0f °C (A1"
                        + " allowable)",
                    policy.inlet().warning(), policy.inlet().critical()),
                inletBand(level, policy),
                format("mean %.1f °C", inlet.value()) + span));
      }
    }

    Mean supply = means.get(EnvironmentKind.COOLANT_SUPPLY_TEMPERATURE);
    Mean flow = means.get(EnvironmentKind.COOLANT_FLOW);
    if (supply != null || flow != null) {
      decided.add(DiscrepancyType.COOLANT_OUT_OF_RANGE);
      boolean alarmed = previous.get(DiscrepancyType.COOLANT_OUT_OF_RANGE) != null;
      boolean out =
          checkCoolant(
              subject, window, supply, flow, alarmed, policy, findings, measurements, span);
      levels.put(DiscrepancyType.COOLANT_OUT_OF_RANGE, out ? Severity.CRITICAL : null);
    }
    return new Assessment(
        new TelemetryVerdict(new Evaluation(decided, findings), measurements), levels);
  }

  /** Adds COOLANT_OUT_OF_RANGE if a mean is not accepted; whether it was. */
  private static boolean checkCoolant(
      Subject subject,
      EnvironmentWindow window,
      Mean supply,
      Mean flow,
      boolean alarmed,
      CoolingPolicy policy,
      List<Finding> findings,
      List<Measurement> measurements,
      String span) {
    List<String> outOfRange = new ArrayList<>();
    List<String> expected = new ArrayList<>();
    List<String> values = new ArrayList<>();
    List<Measurement> measured = new ArrayList<>();
    Measurement violated = null;
    for (CoolantCheck check :
        List.of(
            new CoolantCheck("supply temperature", supply, policy.coolantSupply()),
            new CoolantCheck("flow", flow, policy.coolantFlow()))) {
      if (check.mean() == null) {
        continue;
      }
      CoolingPolicy.Range range = check.range();
      String unit = check.mean().unit();
      double value = check.mean().value();
      expected.add(
          format("%s %s to %s %s", check.name(), num(range.min()), num(range.max()), unit));
      values.add(format("%s %.1f %s", check.name(), value, unit));
      boolean low = value < (range.min() + range.max()) / 2;
      double bound = low ? range.min() : range.max();
      Measurement measurement =
          measurement(DiscrepancyType.COOLANT_OUT_OF_RANGE, subject, window, value, bound, unit);
      measured.add(measurement);
      if (!range.accepts(value, alarmed)) {
        // Names the bound, not the value, so a held alarm keeps its text (no UPDATED flapping).
        double clear = low ? range.min() + range.clearMargin() : range.max() - range.clearMargin();
        outOfRange.add(
            check.name()
                + (low ? " below " : " above ")
                + num(bound)
                + (low ? " (until back above " : " (until back below ")
                + num(clear)
                + ")");
        violated = violated == null ? measurement : violated;
      }
    }
    // one alert per sensor: it carries the first violated measurement, else the first one taken
    measurements.add(violated != null ? violated : measured.get(0));
    if (!outOfRange.isEmpty()) {
      findings.add(
          new Finding(
              DiscrepancyType.COOLANT_OUT_OF_RANGE,
              DiscrepancyDomain.COOLING,
              Severity.CRITICAL,
              subject,
              String.join(", ", expected),
              String.join(", ", outOfRange),
              "mean " + String.join(", ", values) + span));
    }
    return !outOfRange.isEmpty();
  }

  private record CoolantCheck(String name, Mean mean, CoolingPolicy.Range range) {}

  private static String inletBand(Severity level, CoolingPolicy policy) {
    return level == Severity.CRITICAL
        ? format(
            "mean inlet above %.0f °C (CRITICAL until below %.0f °C)",
            policy.inlet().critical(), policy.inlet().clearCritical())
        : format(
            "mean inlet above %.0f °C (WARNING until below %.0f °C)",
            policy.inlet().warning(), policy.inlet().clearWarning());
  }

  private static Measurement measurement(
      DiscrepancyType type, Subject subject, EnvironmentWindow window, double value, double limit) {
    return measurement(type, subject, window, value, limit, "Cel");
  }

  private static Measurement measurement(
      DiscrepancyType type,
      Subject subject,
      EnvironmentWindow window,
      double value,
      double limit,
      String unit) {
    return new Measurement(
        type, subject, window.getWindowStart(), window.getWindowEnd(), value, limit, unit);
  }

  private static String num(double value) {
    return value == Math.rint(value) ? format("%.0f", value) : format("%.1f", value);
  }

  private static String format(String pattern, Object... args) {
    return String.format(Locale.ROOT, pattern, args);
  }
}
