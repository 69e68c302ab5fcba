package io.plumbline.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.HostInfo;

/**
 * Asks another Plumbline instance for entries of its local stores, through its internal routes
 * ({@code /internal/stores/...}), with the bearer token when one is configured. Any failure is a
 * 503 naming the instance: the caller may retry, and never gets a silently partial answer.
 */
final class InstanceClient {

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String authorization;

  InstanceClient(String authorization) {
    this.authorization = authorization;
  }

  Optional<ObjectNode> get(HostInfo host, ApiStore store, String key) {
    String path =
        "/internal/stores/" + store.apiName() + "/keys/" + encodeSegment(key) + "?history=true";
    HttpResponse<byte[]> response = send(host, path);
    if (response.statusCode() == 404) {
      return Optional.empty();
    }
    return Optional.of((ObjectNode) body(host, response));
  }

  /** The key's windows in a window store of the instance that holds it. */
  List<ObjectNode> windows(HostInfo host, ApiStore store, String key, java.time.Instant from) {
    String path =
        "/internal/stores/"
            + store.apiName()
            + "/keys/"
            + encodeSegment(key)
            + "/windows?from="
            + encode(from.toString());
    List<ObjectNode> items = new ArrayList<>();
    body(host, send(host, path)).path("items").forEach(item -> items.add((ObjectNode) item));
    return items;
  }

  /** Any internal route's JSON answer, with these query parameters. */
  JsonNode json(HostInfo host, String path, Map<String, String> query) {
    String encoded =
        query.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    return body(host, send(host, path + (encoded.isEmpty() ? "" : "?" + encoded)));
  }

  List<ObjectNode> scan(HostInfo host, ApiStore store, Map<String, String> params) {
    String query =
        params.entrySet().stream()
            .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
            .collect(Collectors.joining("&"));
    String path =
        "/internal/stores/" + store.apiName() + "/entries" + (query.isEmpty() ? "" : "?" + query);
    JsonNode body = body(host, send(host, path));
    List<ObjectNode> items = new ArrayList<>();
    body.path("items").forEach(item -> items.add((ObjectNode) item));
    return items;
  }

  private HttpResponse<byte[]> send(HostInfo host, String path) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://" + host.host() + ":" + host.port() + path))
            .timeout(TIMEOUT)
            .GET();
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    try {
      return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw ApiException.unavailable("instance " + host + " did not answer: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApiException.unavailable("interrupted while asking instance " + host);
    }
  }

  private static JsonNode body(HostInfo host, HttpResponse<byte[]> response) {
    if (response.statusCode() == 400) {
      try {
        throw ApiException.badRequest(
            ApiResponse.JSON.readTree(response.body()).path("error").asText());
      } catch (IOException e) {
        throw ApiException.badRequest("instance " + host + " rejected the query");
      }
    }
    if (response.statusCode() != 200) {
      throw ApiException.unavailable(
          "instance " + host + " answered " + response.statusCode() + " for " + response.uri());
    }
    try {
      return ApiResponse.JSON.readTree(response.body());
    } catch (IOException e) {
      throw ApiException.unavailable("instance " + host + " sent unreadable JSON: " + e);
    }
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  /** Percent-encodes a path segment (URLEncoder encodes spaces as '+', which paths do not use). */
  static String encodeSegment(String text) {
    return encode(text).replace("+", "%20");
  }
}
