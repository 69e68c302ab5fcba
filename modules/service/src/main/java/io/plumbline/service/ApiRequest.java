package io.plumbline.service;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as a route sees it: method, path, the path's {@code {name}} parameters, the
 * query parameters (last value wins), the headers (names lower-case) and the body.
 */
public record ApiRequest(
    String method,
    String path,
    Map<String, String> pathParams,
    Map<String, String> query,
    Map<String, List<String>> headers,
    byte[] body) {

  public ApiRequest {
    pathParams = Map.copyOf(pathParams);
    query = Map.copyOf(query);
    headers = Map.copyOf(headers);
  }

  /** A path parameter, already percent-decoded. */
  public String param(String name) {
    return pathParams.get(name);
  }

  /** A header's first value, or null. */
  public String header(String name) {
    List<String> values = headers.get(name.toLowerCase(java.util.Locale.ROOT));
    return values == null || values.isEmpty() ? null : values.get(0);
  }

  /** Parses {@code a=1&b=x%20y}; a key without a value maps to the empty string. */
  public static Map<String, String> parseQuery(String rawQuery) {
    Map<String, String> out = new LinkedHashMap<>();
    if (rawQuery == null || rawQuery.isEmpty()) {
      return out;
    }
    for (String pair : rawQuery.split("&")) {
      if (pair.isEmpty()) {
        continue;
      }
      int eq = pair.indexOf('=');
      String key = eq < 0 ? pair : pair.substring(0, eq);
      String value = eq < 0 ? "" : pair.substring(eq + 1);
      out.put(decode(key), decode(value));
    }
    return out;
  }

  static String decode(String text) {
    return URLDecoder.decode(text, StandardCharsets.UTF_8);
  }
}
