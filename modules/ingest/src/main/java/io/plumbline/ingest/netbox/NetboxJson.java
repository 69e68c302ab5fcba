package io.plumbline.ingest.netbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Locale;

/**
 * Reads fields of NetBox REST objects across API generations: choice fields are {@code {"value",
 * "label"}} objects whose value is a string in 3.x/4.x but a number or boolean in 2.x (then the
 * label is used); nested objects carry their id; blank strings mean "not set".
 */
final class NetboxJson {

  private NetboxJson() {}

  /** The object's id as a string, or null. */
  static String id(JsonNode object) {
    JsonNode id = object == null ? null : object.get("id");
    return id == null || id.isNull() ? null : id.asText();
  }

  /** The id of the nested object in {@code field} (e.g. {@code site}), or null. */
  static String nestedId(JsonNode object, String field) {
    JsonNode nested = object.get(field);
    if (nested == null || nested.isNull()) {
      return null;
    }
    return nested.isObject() ? id(nested) : nested.asText();
  }

  /** The nested object's field as text (e.g. {@code manufacturer.name}), or null. */
  static String nestedText(JsonNode object, String field, String inner) {
    JsonNode nested = object.get(field);
    return nested == null || !nested.isObject() ? null : text(nested, inner);
  }

  /** A text field, null when missing, null or blank. */
  static String text(JsonNode object, String field) {
    JsonNode value = object == null ? null : object.get(field);
    if (value == null || value.isNull() || value.isContainerNode()) {
      return null;
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text;
  }

  /** A number field (NetBox sends decimals as numbers, some versions as strings), or null. */
  static Double number(JsonNode object, String field) {
    JsonNode value = object == null ? null : object.get(field);
    return number(value);
  }

  static Double number(JsonNode value) {
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isNumber()) {
      return value.asDouble();
    }
    String text = value.asText().strip();
    if (text.isEmpty()) {
      return null;
    }
    try {
      return Double.parseDouble(text);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /**
   * A choice field as its lower-case value ({@code active}, {@code three-phase}); plain strings as
   * they are; 2.x numeric choices by their label (e.g. {@code {"value": true, "label": "Active"}}
   * is {@code active}).
   */
  static String choice(JsonNode object, String field) {
    JsonNode value = object == null ? null : object.get(field);
    if (value == null || value.isNull()) {
      return null;
    }
    if (value.isObject()) {
      JsonNode inner = value.get("value");
      if (inner != null && inner.isTextual() && !inner.asText().isBlank()) {
        return inner.asText().strip().toLowerCase(Locale.ROOT);
      }
      String label = text(value, "label");
      return label == null ? null : label.toLowerCase(Locale.ROOT).replace(' ', '-');
    }
    String text = value.asText().strip();
    return text.isEmpty() ? null : text.toLowerCase(Locale.ROOT);
  }

  /** A custom field's value node, or null when the object has no such custom field set. */
  static JsonNode customField(JsonNode object, String name) {
    JsonNode fields = object.get("custom_fields");
    JsonNode value = fields == null ? null : fields.get(name);
    return value == null || value.isNull() ? null : value;
  }

  /**
   * The link to the object in NetBox's web UI: {@code display_url} (4.x), else the API URL without
   * its {@code /api} segment.
   */
  static String uiUrl(JsonNode object) {
    String display = text(object, "display_url");
    if (display != null) {
      return display;
    }
    String api = text(object, "url");
    return api == null ? null : api.replaceFirst("/api/", "/");
  }
}
