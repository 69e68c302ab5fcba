package io.plumbline.ingest.netbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads NetBox's REST API: lists page by page ({@code ?limit=&offset=}, following {@code next}),
 * authenticating with {@code Authorization: Token <key>} (NetBox up to 4.4, and 4.5's legacy
 * tokens) or {@code Bearer <token>} for NetBox 4.5's {@code nbt_} tokens.
 */
public final class NetboxClient {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_PAGES = 1_000_000;

  private final String baseUrl;
  private final String authorization;
  private final int pageSize;
  private final HttpClient http;
  private final Duration timeout;

  /**
   * @param baseUrl NetBox's base URL, with or without a trailing {@code /api}
   * @param token the API token, or null for an instance that allows anonymous reads
   */
  public String baseUrl() {
    return baseUrl;
  }

  public NetboxClient(String baseUrl, String token, int pageSize, Duration timeout) {
    String base = baseUrl.strip().replaceAll("/+$", "");
    this.baseUrl = base.endsWith("/api") ? base.substring(0, base.length() - 4) : base;
    this.authorization = token == null ? null : authorization(token.strip());
    this.pageSize = pageSize;
    this.timeout = timeout;
    this.http =
        HttpClient.newBuilder()
            .connectTimeout(timeout)
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
  }

  static String authorization(String token) {
    // NetBox 4.5 v2 tokens are "nbt_<key>.<secret>" and go as a bearer token.
    return token.startsWith("nbt_") ? "Bearer " + token : "Token " + token;
  }

  /**
   * Hands every page of the list at {@code path} (e.g. {@code /api/dcim/devices/}) to {@code each},
   * filtered by {@code filters} (a filter may repeat, e.g. {@code id=1&id=2}).
   *
   * @return how many objects were listed
   */
  public long list(String path, Map<String, List<String>> filters, Consumer<List<JsonNode>> each)
      throws NetboxEndpointException, InterruptedException {
    StringBuilder query = new StringBuilder("?limit=" + pageSize + "&offset=0");
    filters.forEach(
        (k, values) ->
            values.forEach(
                v ->
                    query
                        .append('&')
                        .append(URLEncoder.encode(k, StandardCharsets.UTF_8))
                        .append('=')
                        .append(URLEncoder.encode(v, StandardCharsets.UTF_8))));
    String url = baseUrl + path + query;
    long listed = 0;
    for (int page = 0; url != null && page < MAX_PAGES; page++) {
      JsonNode body = get(url);
      JsonNode results = body.get("results");
      if (!body.isObject() || results == null || !results.isArray()) {
        throw new NetboxEndpointException(
            "GET " + url + ": JSON without a \"results\" list; is this a NetBox list endpoint?");
      }
      List<JsonNode> objects = new java.util.ArrayList<>();
      results.forEach(objects::add);
      each.accept(objects);
      listed += objects.size();
      String next = NetboxJson.text(body, "next");
      if (next != null && next.equals(url)) {
        throw new NetboxEndpointException("GET " + url + ": \"next\" points to the same page");
      }
      url = next;
    }
    return listed;
  }

  private JsonNode get(String url) throws NetboxEndpointException, InterruptedException {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .timeout(timeout)
            .header("Accept", "application/json");
    if (authorization != null) {
      request.header("Authorization", authorization);
    }
    HttpResponse<String> response;
    try {
      response = http.send(request.GET().build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new NetboxEndpointException("GET " + url + ": " + describe(e), e);
    } catch (IllegalArgumentException e) {
      throw new NetboxEndpointException(
          "GET " + url + ": not a usable URL (" + e.getMessage() + ")");
    }
    int status = response.statusCode();
    if (status == 401 || status == 403) {
      throw new NetboxEndpointException(
          "GET "
              + url
              + ": HTTP "
              + status
              + " "
              + snippet(response.body())
              + "; check --token and the token's permissions");
    }
    if (status == 404) {
      throw new NetboxEndpointException(
          "GET " + url + ": HTTP 404; this NetBox has no such endpoint (check --url and version)");
    }
    if (status / 100 != 2) {
      throw new NetboxEndpointException(
          "GET " + url + ": HTTP " + status + " " + snippet(response.body()));
    }
    String type = response.headers().firstValue("Content-Type").orElse("");
    try {
      return JSON.readTree(response.body());
    } catch (JsonProcessingException e) {
      throw new NetboxEndpointException(
          "GET "
              + url
              + ": not JSON (Content-Type "
              + (type.isEmpty() ? "none" : type)
              + ", body starts "
              + snippet(response.body())
              + "); is --url NetBox's base URL?");
    }
  }

  private static String describe(IOException e) {
    String message = e.getMessage();
    return e.getClass().getSimpleName() + (message == null ? "" : ": " + message);
  }

  private static String snippet(String body) {
    String flat = body == null ? "" : body.strip().replaceAll("\\s+", " ");
    flat = flat.length() > 80 ? flat.substring(0, 80) + "..." : flat;
    return "'" + flat.replace("'", "") + "'";
  }
}
