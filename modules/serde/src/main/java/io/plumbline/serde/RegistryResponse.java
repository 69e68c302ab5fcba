package io.plumbline.serde;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;

/**
 * A registry answer that reached the client: its status, its body and which URL gave it (without
 * credentials, for messages). Error bodies follow Confluent's {@code {"error_code": 40403,
 * "message": "..."}}.
 */
record RegistryResponse(int status, String body, String registryUrl) {

  static final ObjectMapper JSON = new ObjectMapper();

  boolean isSuccess() {
    return status >= 200 && status < 300;
  }

  /** The body as JSON; a {@link SchemaRegistryException} when a success body is not JSON. */
  JsonNode json() {
    try {
      return JSON.readTree(body);
    } catch (JsonProcessingException e) {
      throw new SchemaRegistryException(
          String.format(
              "Schema registry at %s answered HTTP %d with a body that is not JSON: %s",
              registryUrl, status, abbreviated(body)),
          e);
    }
  }

  /** Confluent's error code, e.g. 40401 subject not found, 40403 schema not found; 0 if none. */
  int errorCode() {
    return errorJson().path("error_code").asInt(0);
  }

  /** The registry's explanation of an error, or the start of the body when it is not JSON. */
  String errorMessage() {
    JsonNode message = errorJson().path("message");
    return message.isTextual() ? message.asText() : abbreviated(body);
  }

  private JsonNode errorJson() {
    try {
      JsonNode node = JSON.readTree(body);
      return node == null ? MissingNode.getInstance() : node;
    } catch (JsonProcessingException e) {
      return MissingNode.getInstance();
    }
  }

  private static String abbreviated(String text) {
    String oneLine = text == null ? "" : text.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "...";
  }
}
