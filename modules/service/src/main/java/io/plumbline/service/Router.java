package io.plumbline.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Matches a method and path against route patterns such as {@code /api/discrepancies/{id}/ack}. A
 * {@code {name}} segment matches one non-empty path segment (percent-decoded); literal segments
 * match exactly. Routes are tried in registration order.
 */
public final class Router {

  /** Who may call a route when a bearer token is configured. */
  public enum Access {
    /** Always open: liveness and readiness probes. */
    OPEN,
    /** Needs the token when {@code http.auth.reads=true}. */
    READ,
    /** Always needs the token when one is configured. */
    WRITE
  }

  /** What a route does: answers with a complete response, or streams (SSE). */
  public sealed interface Handler permits Handler.Complete, Handler.Streaming {

    /** Answers with one complete response. */
    @FunctionalInterface
    non-sealed interface Complete extends Handler {
      ApiResponse handle(ApiRequest request) throws Exception;
    }

    /** Writes to the connection itself, for as long as it likes. */
    @FunctionalInterface
    non-sealed interface Streaming extends Handler {
      void stream(ApiRequest request, com.sun.net.httpserver.HttpExchange exchange)
          throws Exception;
    }
  }

  /** One route. */
  public record Route(String method, String pattern, Access access, Handler handler) {
    List<String> segments() {
      return split(pattern);
    }
  }

  /** The route that matched, with the path parameters. */
  public record Match(Route route, Map<String, String> params) {}

  private final List<Route> routes = new ArrayList<>();

  public Router add(String method, String pattern, Access access, Handler handler) {
    routes.add(new Route(method, pattern, access, handler));
    return this;
  }

  public List<Route> routes() {
    return List.copyOf(routes);
  }

  /** The route for the method and path, if any. */
  public Optional<Match> match(String method, String path) {
    for (Route route : routes) {
      if (route.method().equals(method)) {
        Map<String, String> params = params(route, path);
        if (params != null) {
          return Optional.of(new Match(route, params));
        }
      }
    }
    return Optional.empty();
  }

  /** Whether some route serves the path with another method (405 rather than 404). */
  public boolean pathExists(String path) {
    return routes.stream().anyMatch(route -> params(route, path) != null);
  }

  private static Map<String, String> params(Route route, String path) {
    List<String> pattern = route.segments();
    List<String> actual = split(path);
    if (pattern.size() != actual.size()) {
      return null;
    }
    Map<String, String> params = new LinkedHashMap<>();
    for (int i = 0; i < pattern.size(); i++) {
      String want = pattern.get(i);
      String got = actual.get(i);
      if (want.startsWith("{") && want.endsWith("}")) {
        String value = ApiRequest.decode(got);
        if (value.isEmpty()) {
          return null;
        }
        params.put(want.substring(1, want.length() - 1), value);
      } else if (!want.equals(got)) {
        return null;
      }
    }
    return params;
  }

  private static List<String> split(String path) {
    List<String> segments = new ArrayList<>();
    for (String segment : path.split("/", -1)) {
      if (!segment.isEmpty()) {
        segments.add(segment);
      }
    }
    return segments;
  }
}
