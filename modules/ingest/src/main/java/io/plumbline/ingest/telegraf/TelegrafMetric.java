package io.plumbline.ingest.telegraf;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One metric from Telegraf's JSON serializer: {@code
 * {"fields":{...},"name":"...","tags":{...},"timestamp":...}}. The timestamp unit follows
 * Telegraf's {@code json_timestamp_units} (1s by default, or ms, us, ns), recognised by magnitude:
 * below 1e11 seconds, below 1e14 milliseconds, below 1e17 microseconds, else nanoseconds.
 */
public record TelegrafMetric(
    String name, Map<String, String> tags, Map<String, JsonNode> fields, Instant timestamp) {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Parses one line, or throws {@link IllegalArgumentException} with the reason it is unusable. */
  public static TelegrafMetric parse(String line) {
    JsonNode node;
    try {
      node = JSON.readTree(line);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not JSON: " + e.getOriginalMessage());
    }
    if (node == null || !node.isObject()) {
      throw new IllegalArgumentException("not a JSON object");
    }
    JsonNode name = node.get("name");
    if (name == null || !name.isTextual() || name.asText().isBlank()) {
      throw new IllegalArgumentException("no measurement name ('name')");
    }
    JsonNode fields = node.get("fields");
    if (fields == null || !fields.isObject() || fields.isEmpty()) {
      throw new IllegalArgumentException("no fields ('fields')");
    }
    JsonNode timestamp = node.get("timestamp");
    if (timestamp == null || !timestamp.isNumber()) {
      throw new IllegalArgumentException("no numeric 'timestamp'");
    }
    Map<String, String> tags = new LinkedHashMap<>();
    node.path("tags").properties().forEach(e -> tags.put(e.getKey(), e.getValue().asText()));
    Map<String, JsonNode> values = new LinkedHashMap<>();
    fields.properties().forEach(e -> values.put(e.getKey(), e.getValue()));
    return new TelegrafMetric(name.asText(), tags, values, instant(timestamp));
  }

  private static Instant instant(JsonNode timestamp) {
    double value = timestamp.doubleValue();
    if (value < 1e11) {
      return Instant.ofEpochMilli(Math.round(value * 1000));
    }
    if (value < 1e14) {
      return Instant.ofEpochMilli(timestamp.longValue());
    }
    if (value < 1e17) {
      long micros = timestamp.longValue();
      return Instant.ofEpochSecond(micros / 1_000_000, (micros % 1_000_000) * 1000);
    }
    long nanos = timestamp.longValue();
    return Instant.ofEpochSecond(nanos / 1_000_000_000, nanos % 1_000_000_000);
  }
}
