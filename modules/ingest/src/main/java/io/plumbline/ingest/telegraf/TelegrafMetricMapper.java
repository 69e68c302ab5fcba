package io.plumbline.ingest.telegraf;

import com.fasterxml.jackson.databind.JsonNode;
import io.plumbline.avro.v1.EnvironmentReading;
import io.plumbline.avro.v1.PhaseReading;
import io.plumbline.avro.v1.PowerReading;
import io.plumbline.ingest.telegraf.TelegrafMapping.FieldRule;
import io.plumbline.ingest.telegraf.TelegrafMapping.Rule;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.avro.specific.SpecificRecord;

/**
 * Turns one Telegraf JSON line into readings by the {@link TelegrafMapping}, or says why it cannot:
 * every failure is an {@link IllegalArgumentException} whose message is the dead-letter reason.
 */
public final class TelegrafMetricMapper {

  /** A reading and the key it is published under (feed id or sensor id). */
  public record Mapped(String key, SpecificRecord reading) {}

  private final TelegrafMapping mapping;

  public TelegrafMetricMapper(TelegrafMapping mapping) {
    this.mapping = mapping;
  }

  public List<Mapped> map(String line) {
    TelegrafMetric metric = TelegrafMetric.parse(line);
    Rule rule =
        mapping
            .ruleFor(metric)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "no mapping rule for measurement '"
                            + metric.name()
                            + "' with tags "
                            + metric.tags()));
    return rule.feed() != null ? List.of(power(rule, metric)) : environment(rule, metric);
  }

  private static Mapped power(Rule rule, TelegrafMetric metric) {
    String feed = TelegrafMapping.expand(rule.feed(), metric);
    String source =
        rule.source() != null
            ? TelegrafMapping.expand(rule.source(), metric)
            : metric
                .tags()
                .getOrDefault("agent_host", metric.tags().getOrDefault("host", "telegraf"));
    Double total = null;
    Double energy = null;
    Map<String, double[]> phases = new TreeMap<>();
    boolean any = false;
    for (Map.Entry<String, FieldRule> entry : rule.fields().entrySet()) {
      Double value = number(metric, entry.getKey());
      if (value == null) {
        continue;
      }
      any = true;
      FieldRule field = entry.getValue();
      double scaled = field.apply(value);
      switch (field.reading()) {
        case "total" -> total = scaled;
        case "energy" -> energy = scaled;
        default -> {
          double[] phase =
              phases.computeIfAbsent(
                  TelegrafMapping.expand(field.phase(), metric),
                  p -> new double[] {Double.NaN, Double.NaN, Double.NaN});
          int slot =
              field.reading().equals("current") ? 0 : field.reading().equals("voltage") ? 1 : 2;
          phase[slot] = scaled;
        }
      }
    }
    if (!any) {
      throw new IllegalArgumentException(
          "none of the mapped fields " + rule.fields().keySet() + " is in the metric");
    }
    List<PhaseReading> phaseReadings = new ArrayList<>();
    double phasePower = 0;
    boolean allPhasePowers = !phases.isEmpty();
    for (Map.Entry<String, double[]> phase : phases.entrySet()) {
      double[] v = phase.getValue();
      if (Double.isNaN(v[0])) {
        throw new IllegalArgumentException("phase " + phase.getKey() + " has no current field");
      }
      phaseReadings.add(
          PhaseReading.newBuilder()
              .setPhase(phase.getKey())
              .setCurrentAmps(v[0])
              .setVoltageVolts(Double.isNaN(v[1]) ? null : v[1])
              .setPowerWatts(Double.isNaN(v[2]) ? null : v[2])
              .build());
      allPhasePowers &= !Double.isNaN(v[2]);
      phasePower += Double.isNaN(v[2]) ? 0 : v[2];
    }
    if (total == null) {
      if (!allPhasePowers) {
        throw new IllegalArgumentException(
            "no total power: map a field to reading 'total', or 'phasePower' for every phase");
      }
      total = phasePower;
    }
    return new Mapped(
        feed,
        PowerReading.newBuilder()
            .setFeedId(feed)
            .setSourceId(source)
            .setMeasuredAt(metric.timestamp())
            .setTotalPowerWatts(total)
            .setEnergyKwh(energy)
            .setPhases(phaseReadings)
            .build());
  }

  private static List<Mapped> environment(Rule rule, TelegrafMetric metric) {
    String sensor = TelegrafMapping.expand(rule.sensor(), metric);
    String rack = TelegrafMapping.expand(rule.rack(), metric);
    boolean several = rule.fields().size() > 1;
    List<Mapped> out = new ArrayList<>();
    for (Map.Entry<String, FieldRule> entry : rule.fields().entrySet()) {
      Double value = number(metric, entry.getKey());
      if (value == null) {
        continue;
      }
      FieldRule field = entry.getValue();
      String sensorId = several ? sensor + ":" + entry.getKey() : sensor;
      out.add(
          new Mapped(
              sensorId,
              EnvironmentReading.newBuilder()
                  .setSensorId(sensorId)
                  .setRackId(rack)
                  .setMeasuredAt(metric.timestamp())
                  .setKind(field.kind())
                  .setValue(field.apply(value))
                  .setUnit(field.unit())
                  .build()));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "none of the mapped fields " + rule.fields().keySet() + " is in the metric");
    }
    return out;
  }

  /** A mapped field's value; present but not a finite number is a reason to reject the line. */
  private static Double number(TelegrafMetric metric, String field) {
    JsonNode value = metric.fields().get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (!value.isNumber() || !Double.isFinite(value.doubleValue())) {
      throw new IllegalArgumentException("field '" + field + "' is not a number: " + value);
    }
    return value.doubleValue();
  }
}
