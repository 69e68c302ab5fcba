package io.plumbline.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** A complete (non-streaming) HTTP response. */
public record ApiResponse(
    int status, String contentType, byte[] body, Map<String, String> headers) {

  static final ObjectMapper JSON = new ObjectMapper();
  static final String JSON_TYPE = "application/json";

  public ApiResponse {
    headers = Map.copyOf(headers);
  }

  public static ApiResponse json(int status, JsonNode body) {
    try {
      return new ApiResponse(status, JSON_TYPE, JSON.writeValueAsBytes(body), Map.of());
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static ApiResponse text(int status, String contentType, String body) {
    return new ApiResponse(status, contentType, body.getBytes(StandardCharsets.UTF_8), Map.of());
  }

  /** {@code {"error": message}} with the status. */
  public static ApiResponse error(int status, String message) {
    ObjectNode body = JSON.createObjectNode();
    body.put("status", status);
    body.put("error", message);
    return json(status, body);
  }

  /** The same response with one more header. */
  public ApiResponse withHeader(String name, String value) {
    Map<String, String> more = new java.util.LinkedHashMap<>(headers);
    more.put(name, value);
    return new ApiResponse(status, contentType, body, more);
  }
}
