package io.plumbline.it.serde;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.Map;
import org.apache.avro.Schema;
import org.apache.avro.generic.IndexedRecord;

/**
 * Avro data as the plain JSON that Confluent's JavaScript client (avsc) gives: unions unwrapped,
 * longs and timestamps as numbers, enums and strings as text, maps as objects.
 */
final class AvroJson {

  /** Compares leaves by value, so that JavaScript's 240 equals Java's 240.0. */
  static final Comparator<JsonNode> SAME_VALUE =
      (a, b) -> {
        if (a.equals(b)) {
          return 0;
        }
        if (a.isNumber() && b.isNumber()) {
          return a.decimalValue().compareTo(b.decimalValue());
        }
        return 1;
      };

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private AvroJson() {}

  static JsonNode toJson(Object datum) {
    if (datum == null) {
      return NODES.nullNode();
    }
    if (datum instanceof IndexedRecord record) {
      ObjectNode object = NODES.objectNode();
      for (Schema.Field field : record.getSchema().getFields()) {
        object.set(field.name(), toJson(record.get(field.pos())));
      }
      return object;
    }
    if (datum instanceof Map<?, ?> map) {
      ObjectNode object = NODES.objectNode();
      map.forEach((key, value) -> object.set(key.toString(), toJson(value)));
      return object;
    }
    if (datum instanceof Collection<?> items) {
      ArrayNode array = NODES.arrayNode();
      items.forEach(item -> array.add(toJson(item)));
      return array;
    }
    if (datum instanceof Instant instant) {
      return NODES.numberNode(instant.toEpochMilli());
    }
    if (datum instanceof Integer || datum instanceof Long) {
      return NODES.numberNode(((Number) datum).longValue());
    }
    if (datum instanceof Float || datum instanceof Double) {
      return NODES.numberNode(((Number) datum).doubleValue());
    }
    if (datum instanceof Boolean bool) {
      return NODES.booleanNode(bool);
    }
    // Strings, Utf8, enum symbols.
    return NODES.textNode(datum.toString());
  }
}
