package io.plumbline.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JDK's HTTP server with Plumbline's routing, bearer-token check, JSON errors and a request
 * timer ({@code plumbline.http.requests} tagged route, method, status). Bound first (so the port is
 * known before Kafka Streams is told its {@code application.server}), then served.
 */
public final class ApiServer implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ApiServer.class);
  private static final int MAX_BODY_BYTES = 64 * 1024;

  private final HttpServer server;
  private final ExecutorService executor;

  private ApiServer(HttpServer server) {
    this.server = server;
    AtomicInteger count = new AtomicInteger();
    // Unbounded threads: each SSE client holds one; the stream route caps its own clients.
    this.executor =
        Executors.newCachedThreadPool(
            r -> {
              Thread t = new Thread(r, "plumbline-http-" + count.incrementAndGet());
              t.setDaemon(true);
              return t;
            });
    server.setExecutor(executor);
  }

  /** Binds the address (port 0 picks a free one) without serving yet. */
  public static ApiServer bind(String host, int port) {
    try {
      return new ApiServer(HttpServer.create(new InetSocketAddress(host, port), 0));
    } catch (IOException e) {
      throw new UncheckedIOException(
          "cannot listen on " + host + ":" + port + ": " + e.getMessage(), e);
    }
  }

  /** The bound port. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** The bound host. */
  public String host() {
    return server.getAddress().getHostString();
  }

  /** Starts serving the routes. */
  void serve(Router router, BearerToken token, MeterRegistry meters) {
    server.createContext("/", exchange -> handle(exchange, router, token, meters));
    server.start();
  }

  private static void handle(
      HttpExchange exchange, Router router, BearerToken token, MeterRegistry meters) {
    long started = System.nanoTime();
    String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
    String path = exchange.getRequestURI().getRawPath();
    String pattern = "unmatched";
    int status = 500;
    try {
      Optional<Router.Match> match = router.match(method, path);
      if (match.isEmpty()) {
        status = router.pathExists(path) ? 405 : 404;
        write(
            exchange,
            ApiResponse.error(
                status, status == 405 ? method + " not allowed on " + path : "no route " + path));
        return;
      }
      Router.Route route = match.get().route();
      pattern = route.pattern();
      List<String> cookies = exchange.getRequestHeaders().get("Cookie");
      if (!token.permits(
          route.access(),
          exchange.getRequestHeaders().getFirst("Authorization"),
          cookies == null ? null : String.join("; ", cookies))) {
        status = 401;
        write(
            exchange,
            ApiResponse.error(401, "a valid bearer token is required")
                .withHeader("WWW-Authenticate", "Bearer"));
        return;
      }
      ApiRequest request = request(exchange, method, path, match.get().params());
      if (route.handler() instanceof Router.Handler.Streaming streaming) {
        status = 200;
        streaming.stream(request, exchange);
      } else {
        ApiResponse response = ((Router.Handler.Complete) route.handler()).handle(request);
        status = response.status();
        write(exchange, response);
      }
    } catch (ApiException e) {
      status = e.status();
      ApiResponse error = ApiResponse.error(e.status(), e.getMessage());
      writeQuietly(exchange, e.status() == 503 ? error.withHeader("Retry-After", "1") : error);
    } catch (Exception e) {
      status = 500;
      LOG.error("{} {} failed", method, path, e);
      writeQuietly(
          exchange, ApiResponse.error(500, "internal error: " + e.getClass().getSimpleName()));
    } finally {
      exchange.close();
      Timer.builder("plumbline.http.requests")
          .description("HTTP requests served, by route pattern, method and status")
          .tags("route", pattern, "method", method, "status", Integer.toString(status))
          .register(meters)
          .record(System.nanoTime() - started, TimeUnit.NANOSECONDS);
    }
  }

  private static ApiRequest request(
      HttpExchange exchange, String method, String path, Map<String, String> params)
      throws IOException {
    Map<String, List<String>> headers = new HashMap<>();
    exchange
        .getRequestHeaders()
        .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), List.copyOf(values)));
    byte[] body;
    try (InputStream in = exchange.getRequestBody()) {
      body = in.readNBytes(MAX_BODY_BYTES + 1);
    }
    if (body.length > MAX_BODY_BYTES) {
      throw new ApiException(413, "request body over " + MAX_BODY_BYTES + " bytes");
    }
    return new ApiRequest(
        method,
        path,
        params,
        ApiRequest.parseQuery(exchange.getRequestURI().getRawQuery()),
        headers,
        body);
  }

  private static void write(HttpExchange exchange, ApiResponse response) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", response.contentType());
    response.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
    byte[] body = response.body();
    exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
    if (body.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(body);
      }
    }
  }

  private static void writeQuietly(HttpExchange exchange, ApiResponse response) {
    try {
      write(exchange, response);
    } catch (IOException | RuntimeException e) {
      // Headers already sent (a stream that broke) or the client left: nothing more to say.
      LOG.debug("could not send error response", e);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
