package io.plumbline.ingest.telegraf;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.plumbline.avro.v1.EnvironmentKind;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code --mapping} file of {@code plumbline ingest telegraf}: rules that say which Telegraf
 * metrics are which feed's power or which rack's temperature. The first rule whose {@code
 * measurement} equals the metric name and whose {@code tags} all match (a value, or {@code "*"} for
 * any value) applies:
 *
 * <pre>{@code
 * {"rules": [
 *   {"measurement": "pdu_phase", "tags": {"agent_host": "*"},
 *    "feed": "{feed}", "source": "{agent_host}",
 *    "fields": {
 *      "power": {"reading": "total"},
 *      "energy": {"reading": "energy", "scale": 0.001},
 *      "current": {"reading": "current", "phase": "L{phase}", "scale": 0.1},
 *      "voltage": {"reading": "voltage", "phase": "L{phase}"},
 *      "phase_power": {"reading": "phasePower", "phase": "L{phase}"}}},
 *   {"measurement": "rack_sensor", "tags": {"rack": "*"},
 *    "sensor": "{agent_host}:{sensor}", "rack": "{rack}",
 *    "fields": {"temp": {"kind": "INLET_TEMPERATURE", "unit": "Cel", "scale": 0.1}}}
 * ]}
 * }</pre>
 *
 * A rule with {@code feed} makes a PowerReading (readings: total W, energy kWh, per-phase current
 * A, voltage V, phasePower W); a rule with {@code sensor} makes one EnvironmentReading per mapped
 * field (the field name is appended to the sensor id when the rule maps several). {@code {tag}} in
 * any text is the metric's tag value. Each value is multiplied by {@code scale} (default 1), then
 * {@code offset} is added (default 0). Fields the rule does not name are ignored.
 */
public final class TelegrafMapping {

  /** How one field becomes part of a reading. */
  public record FieldRule(
      String reading,
      String phase,
      EnvironmentKind kind,
      String unit,
      double scale,
      double offset) {
    /** value x scale + offset in decimal, so 131 x 0.1 is 13.1 and not 13.100000000000001. */
    double apply(double value) {
      return BigDecimal.valueOf(value)
          .multiply(BigDecimal.valueOf(scale))
          .add(BigDecimal.valueOf(offset))
          .doubleValue();
    }
  }

  /** One rule. Exactly one of feed and sensor is set. */
  public record Rule(
      String measurement,
      Map<String, String> tags,
      String feed,
      String source,
      String sensor,
      String rack,
      Map<String, FieldRule> fields) {

    boolean matches(TelegrafMetric metric) {
      if (!measurement.equals(metric.name())) {
        return false;
      }
      return tags.entrySet().stream()
          .allMatch(
              t -> {
                String value = metric.tags().get(t.getKey());
                return value != null && (t.getValue().equals("*") || t.getValue().equals(value));
              });
    }
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> POWER_READINGS =
      Set.of("total", "energy", "current", "voltage", "phasePower");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}]+)}");

  private final List<Rule> rules;

  public TelegrafMapping(List<Rule> rules) {
    this.rules = List.copyOf(rules);
  }

  /** Reads and checks a mapping file; every problem names the file and the rule. */
  public static TelegrafMapping load(Path file) {
    JsonNode root;
    try {
      root = JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new IllegalArgumentException(
          "--mapping " + file + ": not a readable JSON file (" + e.getMessage() + ")", e);
    }
    if (root == null || !root.path("rules").isArray() || root.path("rules").isEmpty()) {
      throw new IllegalArgumentException("--mapping " + file + ": expected {\"rules\": [...]}");
    }
    List<Rule> rules = new ArrayList<>();
    int i = 0;
    for (JsonNode node : root.path("rules")) {
      rules.add(rule(node, "--mapping " + file + ": rules[" + i++ + "]"));
    }
    return new TelegrafMapping(rules);
  }

  /** The first rule that applies to a metric. */
  public Optional<Rule> ruleFor(TelegrafMetric metric) {
    return rules.stream().filter(r -> r.matches(metric)).findFirst();
  }

  /**
   * A template with {@code {tag}} replaced by the metric's tags; throws {@link
   * IllegalArgumentException} naming a tag the metric does not carry.
   */
  static String expand(String template, TelegrafMetric metric) {
    if (template == null) {
      return null;
    }
    Matcher placeholder = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (placeholder.find()) {
      String value = metric.tags().get(placeholder.group(1));
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            "tag '" + placeholder.group(1) + "' needed by '" + template + "' is missing");
      }
      placeholder.appendReplacement(out, Matcher.quoteReplacement(value.strip()));
    }
    placeholder.appendTail(out);
    return out.toString();
  }

  private static Rule rule(JsonNode node, String where) {
    String measurement = text(node, "measurement");
    if (measurement == null) {
      throw new IllegalArgumentException(where + ": 'measurement' is required");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    node.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    String feed = text(node, "feed");
    String sensor = text(node, "sensor");
    if ((feed == null) == (sensor == null)) {
      throw new IllegalArgumentException(
          where + ": exactly one of 'feed' and 'sensor' is required");
    }
    if (!node.path("fields").isObject() || node.path("fields").isEmpty()) {
      throw new IllegalArgumentException(where + ": 'fields' must map at least one field");
    }
    Map<String, FieldRule> fields = new LinkedHashMap<>();
    node.path("fields")
        .properties()
        .forEach(
            e ->
                fields.put(
                    e.getKey(),
                    field(e.getValue(), where + ".fields." + e.getKey(), feed != null)));
    return new Rule(
        measurement, tags, feed, text(node, "source"), sensor, text(node, "rack"), fields);
  }

  private static FieldRule field(JsonNode node, String where, boolean power) {
    double scale = node.path("scale").asDouble(1.0);
    double offset = node.path("offset").asDouble(0.0);
    if (power) {
      String reading = text(node, "reading");
      if (reading == null || !POWER_READINGS.contains(reading)) {
        throw new IllegalArgumentException(where + ": 'reading' must be one of " + POWER_READINGS);
      }
      String phase = text(node, "phase");
      boolean perPhase = !reading.equals("total") && !reading.equals("energy");
      if (perPhase && phase == null) {
        throw new IllegalArgumentException(where + ": reading '" + reading + "' needs a 'phase'");
      }
      return new FieldRule(reading, phase, null, null, scale, offset);
    }
    String kind = text(node, "kind");
    String unit = text(node, "unit");
    EnvironmentKind parsed;
    try {
      parsed = EnvironmentKind.valueOf(kind == null ? "" : kind);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          where + ": 'kind' must be one of " + List.of(EnvironmentKind.values()), e);
    }
    if (unit == null) {
      throw new IllegalArgumentException(where + ": 'unit' is required (Cel, L/min, W...)");
    }
    return new FieldRule(null, null, parsed, unit, scale, offset);
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() || value.asText().isBlank()
        ? null
        : value.asText().strip();
  }
}
